import { z } from "zod";
import { checkCelcomDlr } from "@/lib/providers";
import { mapReceiptStat } from "@/lib/providers/smpp/pdu";
import type { DlrInboundJob, InboundDlr, RejectedDlr } from "@/lib/dlr/schemas";
import { isStorableDate, pgText } from "@/lib/validation/pg-safe";

export const CELCOM_PROVIDER = "celcom";

type Mapped = { reports: InboundDlr[]; rejected: RejectedDlr[] };

/**
 * Turns the reports of one `dlr.inbound` job into processor events. The callback queues only
 * reports that passed the same check; it runs again here because jobs queued before the check
 * existed carry raw reports, and what reaches the batch statement must never be unchecked.
 * Intermediate descriptions (SentToNetwork, Unknown, Scheduled, anything unrecognised) assert
 * `sent`; the rank check in the batch UPDATE makes them harmless for messages further along.
 */
export function toInboundDlrs(job: DlrInboundJob): Mapped {
  const given = new Date(job.receivedAt);
  const receivedAt = isStorableDate(given) ? given : new Date();
  if (job.format === "smpp") return smppReceiptsToInboundDlrs(job, receivedAt);
  const reports: InboundDlr[] = [];
  const rejected: RejectedDlr[] = [];
  for (const raw of job.reports) {
    const checked = checkCelcomDlr(raw);
    if (!checked.ok) {
      rejected.push({ provider: job.provider, reason: checked.reason, message: checked.message, providerMessageId: checked.providerMessageId, raw, receivedAt });
      continue;
    }
    const { report } = checked;
    reports.push({
      provider: job.provider,
      providerMessageId: report.providerMessageId,
      description: report.description,
      status: report.outcome ?? "sent",
      occurredAt: report.occurredAt,
      receivedAt,
      payload: report.payload,
    });
  }
  return { reports, rejected };
}

const storable = (max: number) => pgText(z.string().min(1).max(max));

/** An SMPP receipt as the SMPP adapter enqueues it (lib/routing/receipt-sink.ts). */
export const smppReceiptReportSchema = z.object({
  id: storable(64),
  stat: storable(16),
  err: storable(16).nullable().optional(),
  doneAt: z.string().max(64).nullable().optional(),
});

function smppReceiptsToInboundDlrs(job: DlrInboundJob, receivedAt: Date): Mapped {
  const reports: InboundDlr[] = [];
  const rejected: RejectedDlr[] = [];
  for (const raw of job.reports) {
    const parsed = smppReceiptReportSchema.safeParse(raw);
    if (!parsed.success) {
      rejected.push({ provider: job.provider, reason: "invalid_field", message: parsed.error.issues[0]?.message ?? "not an SMPP receipt", providerMessageId: null, raw, receivedAt });
      continue;
    }
    const doneAt = parsed.data.doneAt ? new Date(parsed.data.doneAt) : null;
    reports.push({
      provider: job.provider,
      providerMessageId: parsed.data.id,
      description: parsed.data.stat,
      status: mapReceiptStat(parsed.data.stat) ?? "sent",
      occurredAt: doneAt && isStorableDate(doneAt) ? doneAt : null,
      receivedAt,
      payload: parsed.data,
    });
  }
  return { reports, rejected };
}
