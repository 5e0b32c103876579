import { Badge, StatusBadge } from "@/components/ui/badge";
import type { CampaignProgress } from "@/lib/campaigns/get-campaigns";

/** Messages grouped as customers read a campaign: delivered, failed (any final non-delivery), pending. */
export const MESSAGE_GROUPS = {
  delivered: ["delivered"],
  failed: ["failed", "expired", "undeliverable", "rejected"],
  pending: ["submitted", "queued", "sent"],
} as const;

export type MessageGroup = keyof typeof MESSAGE_GROUPS;

export function groupCounts(progress: CampaignProgress): Record<MessageGroup, number> {
  const sum = (statuses: readonly (keyof CampaignProgress)[]) => statuses.reduce((total, status) => total + progress[status], 0);
  return { delivered: sum(MESSAGE_GROUPS.delivered), failed: sum(MESSAGE_GROUPS.failed), pending: sum(MESSAGE_GROUPS.pending) };
}

/**
 * The campaign's status as its outcome: a finished campaign whose messages all failed is "Failed",
 * one with some failures "Completed with failures", one whose failed messages are being retried
 * "Retrying failed messages"; anything else its own status.
 */
export function CampaignStatusBadge({ status, delivered, failed, pending = 0 }: { status: string; delivered: number; failed: number; pending?: number }) {
  if (status === "completed" && pending > 0) return <StatusBadge status="sending" label="Retrying failed messages" />;
  if (status === "completed" && failed > 0 && delivered === 0) return <StatusBadge status="failed" label="Failed" />;
  if (status === "completed" && failed > 0) return <Badge tone="warning">Completed with failures</Badge>;
  return <StatusBadge status={status} />;
}

/** "2 delivered · 1 failed · 0 pending", with the delivery rate of the finished messages. */
export function CampaignOutcome({ progress }: { progress: CampaignProgress }) {
  const counts = groupCounts(progress);
  const finished = counts.delivered + counts.failed;
  const rate = finished === 0 ? null : Math.round((counts.delivered / finished) * 1000) / 10;
  return (
    <p className="text-sm text-slate-700" data-testid="campaign-outcome">
      <span className="font-semibold text-green-700">{counts.delivered.toLocaleString()} delivered</span> ·{" "}
      <span className={counts.failed > 0 ? "font-semibold text-red-700" : undefined}>{counts.failed.toLocaleString()} failed</span> · {counts.pending.toLocaleString()} pending
      {rate !== null ? <span className="text-slate-500"> · {rate}% delivery rate</span> : null}
    </p>
  );
}
