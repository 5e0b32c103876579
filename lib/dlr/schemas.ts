import { z } from "zod";
import type { MessageStatus } from "@/lib/messages/status";

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

/** `dlr.inbound` job body: the raw reports of one callback request. */
export const dlrInboundJobSchema = z.object({
  provider: z.string(),
  receivedAt: z.string(),
  reports: z.array(z.record(z.string(), z.unknown())).min(1),
});
export type DlrInboundJob = z.infer<typeof dlrInboundJobSchema>;
