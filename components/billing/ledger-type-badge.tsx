import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { LedgerType } from "@/lib/credits/list-ledger";

export const LEDGER_TYPE_LABELS: Record<LedgerType, string> = {
  topup: "Top-up",
  reserve: "Reserve",
  capture: "Capture",
  release: "Release",
};

const TONES: Record<LedgerType, BadgeTone> = { topup: "success", reserve: "warning", capture: "info", release: "neutral" };

export function LedgerTypeBadge({ type }: { type: LedgerType }) {
  return <Badge tone={TONES[type]}>{LEDGER_TYPE_LABELS[type]}</Badge>;
}
