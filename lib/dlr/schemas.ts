import type { MessageStatus } from "@/lib/messages/status";
import type { JobPayload } from "@/lib/queue/registry";

/** One provider report as the DLR processor consumes it (already validated by the callback route). */
export interface InboundDlr {
  provider: string;
  providerMessageId: string;
  /** The provider's description verbatim, kept for audit and as the status reason. */
  description: string;
  /** Status the report asserts: a final status, or `sent` for intermediate reports. */
  status: MessageStatus;
  /** When the provider says it happened; null when it did not say. */
  occurredAt: Date | null;
  receivedAt: Date;
  payload: Record<string, unknown>;
}

/** `dlr.inbound` job body: the raw reports of one callback request (schema in lib/queue/registry.ts). */
export type DlrInboundJob = JobPayload<"dlrInbound">;
