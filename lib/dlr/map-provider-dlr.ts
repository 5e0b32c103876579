import { celcomDlrEventSchema, normalizeCelcomDlr } from "@/lib/providers";
import type { InboundDlr, DlrInboundJob } from "@/lib/dlr/schemas";

export const CELCOM_PROVIDER = "celcom";

/**
 * Turns the raw reports of one `dlr.inbound` job into processor events. Intermediate descriptions
 * (SentToNetwork, Unknown, Scheduled, anything unrecognised) assert `sent`; the rank check in the
 * batch UPDATE makes them harmless for messages that are already further along.
 */
export function toInboundDlrs(job: DlrInboundJob): InboundDlr[] {
  const receivedAt = new Date(job.receivedAt);
  const events: InboundDlr[] = [];
  for (const raw of job.reports) {
    const parsed = celcomDlrEventSchema.safeParse(raw);
    if (!parsed.success) continue;
    const report = normalizeCelcomDlr(parsed.data);
    events.push({
      provider: job.provider,
      providerMessageId: report.providerMessageId,
      description: report.description,
      status: report.outcome ?? "sent",
      occurredAt: report.occurredAt,
      receivedAt: Number.isNaN(receivedAt.getTime()) ? new Date() : receivedAt,
      payload: raw,
    });
  }
  return events;
}
