import { z } from "zod";

/** The periods the overview can show: the last 7, 30 or 90 days (today included), or this calendar month. */
export const ANALYTICS_RANGES = ["7d", "30d", "90d", "month"] as const;
export type AnalyticsRange = (typeof ANALYTICS_RANGES)[number];

export const RANGE_LABELS: Record<AnalyticsRange, string> = {
  "7d": "7 days",
  "30d": "30 days",
  "90d": "90 days",
  month: "This month",
};

/** A range from a query string: anything unknown is the last 30 days. */
export const analyticsRange = z.enum(ANALYTICS_RANGES).catch("30d");

/** How many days back from today (inclusive) a rolling range starts; null for the calendar month. */
export function rangeDays(range: AnalyticsRange): number | null {
  return range === "month" ? null : Number(range.slice(0, -1));
}
