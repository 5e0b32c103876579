"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface OutcomeDay {
  day: string;
  delivered: number;
  failed: number;
  rejected: number;
  expired: number;
  sent: number;
  pending: number;
}

// Stack order bottom to top, with the colours of the status badges.
const SERIES: { key: keyof Omit<OutcomeDay, "day">; label: string; color: string }[] = [
  { key: "delivered", label: "Delivered", color: "#16a34a" },
  { key: "sent", label: "Awaiting report", color: "#0ea5e9" },
  { key: "pending", label: "Queued", color: "#94a3b8" },
  { key: "failed", label: "Failed", color: "#dc2626" },
  { key: "rejected", label: "Rejected", color: "#f97316" },
  { key: "expired", label: "Expired", color: "#64748b" },
];

/** "2026-11-03" → "3 Nov" (the day is already the account's calendar day). */
export function shortDay(day: string): string {
  const [year, month, date] = day.split("-").map(Number);
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" }).format(new Date(Date.UTC(year, month - 1, date)));
}

/** Messages per day stacked by outcome. */
export function OutcomeChart({ days }: { days: OutcomeDay[] }) {
  return (
    <div className="h-72 w-full" role="img" aria-label="Messages per day by status" data-testid="outcome-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={days} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="day" tickFormatter={shortDay} tick={{ fontSize: 12 }} minTickGap={16} />
          <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
          <Tooltip labelFormatter={(label) => shortDay(String(label))} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {SERIES.map((series) => (
            <Bar key={series.key} dataKey={series.key} name={series.label} stackId="outcome" fill={series.color} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
