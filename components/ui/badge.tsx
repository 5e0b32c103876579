import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

export type BadgeTone = "neutral" | "success" | "warning" | "danger" | "info" | "brand";

const tones: Record<BadgeTone, string> = {
  neutral: "bg-slate-100 text-slate-700 ring-slate-300",
  success: "bg-green-50 text-green-800 ring-green-600/30",
  warning: "bg-amber-50 text-amber-800 ring-amber-600/30",
  danger: "bg-red-50 text-red-800 ring-red-600/30",
  info: "bg-sky-50 text-sky-800 ring-sky-600/30",
  brand: "bg-brand-50 text-brand-700 ring-brand-600/30",
};

// Status words used across the product and the tone each gets; unknown statuses are neutral.
const STATUS_TONES: Record<string, BadgeTone> = {
  active: "success",
  approved: "success",
  delivered: "success",
  completed: "success",
  ready: "success",
  valid: "success",
  succeeded: "success",
  topup: "success",
  pending: "warning",
  reserve: "warning",
  scheduled: "warning",
  validating: "warning",
  expiring: "warning",
  paused: "warning",
  submitted: "info",
  queued: "info",
  sent: "info",
  sending: "info",
  running: "info",
  capture: "info",
  release: "neutral",
  draft: "neutral",
  cancelled: "neutral",
  expired: "neutral",
  revoked: "neutral",
  rejected: "danger",
  failed: "danger",
  undeliverable: "danger",
  invalid: "danger",
  suspended: "danger",
  disabled: "danger",
};

export function statusTone(status: string): BadgeTone {
  return STATUS_TONES[status] ?? "neutral";
}

export function Badge({ tone = "neutral", children, className }: { tone?: BadgeTone; children: ReactNode; className?: string }) {
  return (
    <span className={cn("inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset", tones[tone], className)}>
      {children}
    </span>
  );
}

/** A badge whose colour follows the status word; `label` overrides the text shown. */
export function StatusBadge({ status, label }: { status: string; label?: ReactNode }) {
  return <Badge tone={statusTone(status)}>{label ?? status.charAt(0).toUpperCase() + status.slice(1).replace(/_/g, " ")}</Badge>;
}
