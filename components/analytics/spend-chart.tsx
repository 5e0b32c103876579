"use client";

import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { shortDay } from "@/components/analytics/outcome-chart";
import { formatMoney } from "@/lib/format";

/** Credit captured per day (minor units), as an area. */
export function SpendChart({ days }: { days: { day: string; spent: number }[] }) {
  return (
    <div className="h-56 w-full" role="img" aria-label="Spend per day" data-testid="spend-chart">
      <ResponsiveContainer width="100%" height="100%">
        <AreaChart data={days} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="day" tickFormatter={shortDay} tick={{ fontSize: 12 }} minTickGap={16} />
          <YAxis tickFormatter={(value: number) => String(Math.round(value / 100))} tick={{ fontSize: 12 }} width={48} />
          <Tooltip labelFormatter={(label) => shortDay(String(label))} formatter={(value) => [formatMoney(Number(value)), "Spent"]} />
          <Area type="monotone" dataKey="spent" name="Spent" stroke="#178257" fill="#d5efe4" isAnimationActive={false} />
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
}
