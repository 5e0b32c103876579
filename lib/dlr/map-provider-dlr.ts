import { checkCelcomDlr } from "@/lib/providers";
import type { DlrInboundJob, InboundDlr, RejectedDlr } from "@/lib/dlr/schemas";
import { isStorableDate } from "@/lib/validation/pg-safe";

export const CELCOM_PROVIDER = "celcom";

/**
 * Turns the reports of one `dlr.inbound` job into processor events. The callback queues only
 * reports that passed the same check; it runs again here because jobs queued before the check
 * existed carry raw reports, and what reaches the batch statement must never be unchecked.
 * Intermediate descriptions (SentToNetwork, Unknown, Scheduled, anything unrecognised) assert
 * `sent`; the rank check in the batch UPDATE makes them harmless for messages further along.
 */
export function toInboundDlrs(job: DlrInboundJob): { reports: InboundDlr[]; rejected: RejectedDlr[] } {
  const given = new Date(job.receivedAt);
  const receivedAt = isStorableDate(given) ? given : new Date();
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
