import type { MessageStatus } from "@/lib/messages/status";
import type { JobPayload } from "@/lib/queue/registry";

/** One provider report as the DLR processor consumes it (validated and normalized). */
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

/** A report that cannot be applied, as the callback (or the processor, for older queued jobs) refused it. */
export interface RejectedDlr {
  provider: string;
  /** A short fixed code (e.g. `invalid_timestamp`), counted per code on the operator page. */
  reason: string;
  message: string;
  providerMessageId: string | null;
  /** The report as received; may hold text Postgres cannot store, so it is kept JSON-escaped. */
  raw: unknown;
  receivedAt: Date;
}

/** `dlr.inbound` job body: the validated reports of one callback request (schema in lib/queue/registry.ts). */
export type DlrInboundJob = JobPayload<"dlrInbound">;
