import { z } from "zod";
import { celcomDlrEventSchema, normalizeCelcomDlr } from "@/lib/providers";
import { mapReceiptStat } from "@/lib/providers/smpp/pdu";
import type { InboundDlr, DlrInboundJob } from "@/lib/dlr/schemas";

export const CELCOM_PROVIDER = "celcom";

/**
 * Turns the raw reports of one `dlr.inbound` job into processor events. Intermediate descriptions
 * (SentToNetwork, Unknown, Scheduled, anything unrecognised) assert `sent`; the rank check in the
 * batch UPDATE makes them harmless for messages that are already further along.
 */
export function toInboundDlrs(job: DlrInboundJob): InboundDlr[] {
  if (job.format === "smpp") return smppReceiptsToInboundDlrs(job);
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

/** An SMPP receipt as the SMPP adapter enqueues it (lib/routing/receipt-sink.ts). */
export const smppReceiptReportSchema = z.object({
  id: z.string().min(1),
  stat: z.string().min(1),
  err: z.string().nullable().optional(),
  doneAt: z.string().nullable().optional(),
});

function smppReceiptsToInboundDlrs(job: DlrInboundJob): InboundDlr[] {
  const receivedAt = new Date(job.receivedAt);
  const events: InboundDlr[] = [];
  for (const raw of job.reports) {
    const parsed = smppReceiptReportSchema.safeParse(raw);
    if (!parsed.success) continue;
    const doneAt = parsed.data.doneAt ? new Date(parsed.data.doneAt) : null;
    events.push({
      provider: job.provider,
      providerMessageId: parsed.data.id,
      description: parsed.data.stat,
      status: mapReceiptStat(parsed.data.stat) ?? "sent",
      occurredAt: doneAt && !Number.isNaN(doneAt.getTime()) ? doneAt : null,
      receivedAt: Number.isNaN(receivedAt.getTime()) ? new Date() : receivedAt,
      payload: raw,
    });
  }
  return events;
}
