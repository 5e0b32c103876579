import { acceptDurably } from "@/lib/queue/durable-inbox";
import { storableJson, storableText, type InboundSmsJob } from "@/lib/inbound/schemas";

/** One inbound (MO) message as a provider delivered it, before any interpretation. */
export interface InboundSms {
  /** "celcom", "smpp:<link>", …: with providerMessageId, what de-duplicates provider retries. */
  provider: string;
  from: string;
  to: string;
  message: string;
  providerMessageId?: string | null;
  /** When the provider says the message arrived; null when it did not say. */
  receivedAt?: Date | null;
  /** The provider's raw fields, kept with the message for audit. */
  payload?: Record<string, unknown>;
}

/**
 * The provider-neutral entry of the inbound pipeline: every provider callback (Celcom's) and
 * protocol handler (an SMPP `deliver_sm`, through lib/inbound/smpp-inbound-sink.ts) calls this and answers its provider once it
 * returns. It only makes the text storable and enqueues one `inbound.receive` job per message;
 * routing, storage, de-duplication, keywords, consent and webhooks happen in the worker
 * (lib/inbound/process-inbound.ts). Each job is committed to `inbound_inbox` before it is queued
 * (lib/queue/durable-inbox.ts), so an acknowledged message survives the loss of Redis.
 */
export async function acceptInbound(messages: readonly InboundSms[]): Promise<{ accepted: number }> {
  const now = new Date().toISOString();
  const jobs = messages.map(
    (sms): InboundSmsJob => ({
      provider: sms.provider,
      from: storableText(sms.from.trim()),
      to: storableText(sms.to.trim()),
      text: storableText(sms.message),
      providerMessageId: sms.providerMessageId ? storableText(sms.providerMessageId.trim()) : null,
      providerTimestamp: sms.receivedAt && !Number.isNaN(sms.receivedAt.getTime()) ? sms.receivedAt.toISOString() : null,
      receivedAt: now,
      payload: (storableJson(sms.payload ?? {}) ?? {}) as Record<string, unknown>,
    }),
  );
  await acceptDurably("inboundReceive", jobs);
  return { accepted: jobs.length };
}
