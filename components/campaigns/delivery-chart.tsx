"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface DeliveryChartPoint {
  /** The interval, as the account reads it ("14:05", "2 Dec"). */
  label: string;
  delivered: number;
  failed: number;
  cumulativeRate: number;
}

/** Messages finished per interval (bars) and the delivery rate so far (line, right axis). */
export function DeliveryChart({ points, zone }: { points: DeliveryChartPoint[]; zone: string }) {
  return (
    <figure className="h-64 w-full" data-testid="delivery-chart" aria-label={`Delivery rate over time (${zone})`}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} />
          <YAxis yAxisId="count" allowDecimals={false} tick={{ fontSize: 12 }} />
          <YAxis yAxisId="rate" orientation="right" domain={[0, 100]} unit="%" tick={{ fontSize: 12 }} />
          <Tooltip />
          <Legend />
          <Bar yAxisId="count" dataKey="delivered" name="Delivered" stackId="finished" fill="#16a34a" />
          <Bar yAxisId="count" dataKey="failed" name="Failed" stackId="finished" fill="#dc2626" />
          <Line yAxisId="rate" type="monotone" dataKey="cumulativeRate" name="Delivery rate" stroke="#0f172a" dot={false} unit="%" />
        </ComposedChart>
      </ResponsiveContainer>
    </figure>
  );
}
