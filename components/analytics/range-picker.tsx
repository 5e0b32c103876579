import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { ANALYTICS_RANGES, RANGE_LABELS, type AnalyticsRange } from "@/lib/analytics/range";

/** Links to the same page with another `range`. */
export function RangePicker({ current, basePath = "/" }: { current: AnalyticsRange; basePath?: string }) {
  return (
    <nav aria-label="Period" className="flex flex-wrap gap-2">
      {ANALYTICS_RANGES.map((range) => (
        <Link
          key={range}
          href={`${basePath}?range=${range}`}
          aria-current={range === current ? "page" : undefined}
          className={cn(
            "rounded-full px-3 py-1 text-sm font-medium ring-1 ring-inset",
            range === current ? "bg-brand-600 text-white ring-brand-600" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50",
          )}
        >
          {RANGE_LABELS[range]}
        </Link>
      ))}
    </nav>
  );
}
