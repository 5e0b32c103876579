import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";

export interface PaginationProps {
  /** Shown between the links, e.g. "Page 2". */
  label: string;
  previousHref?: string;
  nextHref?: string;
  className?: string;
}

/** Previous/next links; works for page numbers and cursors alike. Missing hrefs render disabled. */
export function Pagination({ label, previousHref, nextHref, className }: PaginationProps) {
  return (
    <nav aria-label="Pagination" className={cn("flex items-center justify-between gap-3 border-t border-slate-200 px-4 py-3", className)}>
      {previousHref ? (
        <Link href={previousHref} rel="prev" className={buttonClasses("secondary", "sm")}>
          Previous
        </Link>
      ) : (
        <span aria-disabled="true" className={buttonClasses("secondary", "sm", "pointer-events-none opacity-50")}>
          Previous
        </span>
      )}
      <span className="text-sm text-slate-600">{label}</span>
      {nextHref ? (
        <Link href={nextHref} rel="next" className={buttonClasses("secondary", "sm")}>
          Next
        </Link>
      ) : (
        <span aria-disabled="true" className={buttonClasses("secondary", "sm", "pointer-events-none opacity-50")}>
          Next
        </span>
      )}
    </nav>
  );
}

/** `?page=N` links that keep the other query parameters. */
export function pageHref(path: string, params: Record<string, string | undefined>, page: number): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value && key !== "page") search.set(key, value);
  if (page > 1) search.set("page", String(page));
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}
