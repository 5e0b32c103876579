"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * Re-renders the server page every `intervalMs` while `active` (some message shown is not final yet);
 * the page passes `active={false}` once everything shown is final, which stops the polling.
 */
export function LiveRefresh({ active, intervalMs = 2_000 }: { active: boolean; intervalMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") router.refresh();
    }, intervalMs);
    return () => clearInterval(timer);
  }, [active, intervalMs, router]);
  return (
    <span className="sr-only" aria-live="polite" data-testid="live-refresh" data-active={active ? "true" : "false"}>
      {active ? "Updating as delivery reports arrive" : ""}
    </span>
  );
}
