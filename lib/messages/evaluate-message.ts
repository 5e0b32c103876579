import { type CountryCode } from "libphonenumber-js/max";
import type { QuietHours } from "@/lib/traffic/quiet-hours";
import { checkContent, type ContentViolation, type SmsEncoding } from "@/lib/content";
import { AppError, fieldError, type ErrorCode } from "@/lib/http/errors";
import { RECIPIENT_REJECT_MESSAGES, resolveRecipient, type RecipientRejectReason } from "@/lib/phone/resolve-recipient";
import { type PrefixRegistry } from "@/lib/phone/prefix-registry";
import { priceMessage, type RateCard } from "@/lib/pricing/rate-card";
import { senderIdNotApprovedError } from "@/lib/sender-ids/require-approved-sender-id";

/** Everything about the account a message is checked against, loaded in one round trip. */
export interface SendContext {
  defaultCountry: string;
  pricingTierId: string | null;
  /** Credit available (minor units) when the context was read. */
  balance: bigint;
  /** Status of the sender ID named in `from`, or null when the account never registered it. */
  senderIdStatus: string | null;
  /** Platform-wide and account blocked words together. */
  blockedWords: string[];
  /** The account's zone and quiet hours (promotional sends inside the window are held). */
  timezone?: string;
  quietHours?: QuietHours | null;
}

export interface MessageIssue {
  code: ErrorCode;
  field: "to" | "from" | "body";
  message: string;
  reason?: RecipientRejectReason;
  violations?: ContentViolation[];
}

export interface MessageEvaluation {
  /** E.164 recipient, when the number is valid and on a network we serve. */
  to: string | null;
  country: string | null;
  operator: string | null;
  encoding: SmsEncoding;
  segments: number;
  /** Characters (code points) in the body. */
  length: number;
  /** Units left in the current part before another part is needed. */
  charactersLeft: number;
  perSegment: number;
  ratePerSegment: number | null;
  cost: number | null;
  currency: string;
  /** True when the balance read with the context covers the cost (advisory: sending reserves atomically). */
  sufficientCredits: boolean | null;
  /** Problems in the order a send checks them: recipient, content, sender ID. */
  issues: MessageIssue[];
}

export interface MessageDraft {
  to: string;
  from: string;
  body: string;
}

/**
 * The synchronous checks of a send, without side effects: the number (E.164 + MNO registry), the
 * content check, the sender ID, and the price from the account's tier. Send and preview both
 * use it, so the portal's live preview shows exactly what a send would do.
 */
export function evaluateMessage(draft: MessageDraft, context: SendContext, registry: PrefixRegistry, rateCard: RateCard): MessageEvaluation {
  const issues: MessageIssue[] = [];

  let recipient: { e164: string; country: string; operator: string } | null = null;
  const resolved = resolveRecipient(draft.to, context.defaultCountry as CountryCode, registry);
  if (resolved.ok) {
    recipient = { e164: resolved.e164, country: resolved.country, operator: resolved.operator };
  } else {
    issues.push({
      code: resolved.reason === "unsupported_network" ? "unsupported_network" : "invalid_phone_number",
      field: "to",
      reason: resolved.reason,
      message: RECIPIENT_REJECT_MESSAGES[resolved.reason],
    });
  }

  const content = checkContent(draft.body, { blockedWords: context.blockedWords });
  if (!content.ok) {
    issues.push({
      code: "content_rejected",
      field: "body",
      message: content.violations.map((violation) => violation.message).join(" "),
      violations: content.violations,
    });
  }

  if (context.senderIdStatus !== "approved") {
    issues.push({ code: "sender_id_not_approved", field: "from", message: senderIdNotApprovedError(draft.from, context.senderIdStatus).message });
  }

  const ratePerSegment = recipient ? rateCard.rateFor(recipient.country, recipient.operator) : null;
  const cost = ratePerSegment === null ? null : priceMessage(content.segments, ratePerSegment);

  return {
    to: recipient?.e164 ?? null,
    country: recipient?.country ?? null,
    operator: recipient?.operator ?? null,
    encoding: content.encoding,
    segments: content.segments,
    length: content.length,
    charactersLeft: content.charactersLeft,
    perSegment: content.perSegment,
    ratePerSegment,
    cost,
    currency: rateCard.currency,
    sufficientCredits: cost === null ? null : context.balance >= BigInt(cost),
    issues,
  };
}

/** The API error for an issue: one detail on its field, or one per broken content rule (the rule as `code`). */
export function issueToError(issue: MessageIssue): AppError {
  if (issue.violations) {
    const details = issue.violations.map((violation) => ({ field: issue.field, message: violation.message, code: violation.rule }));
    return new AppError(issue.code, "Message content was rejected", details);
  }
  return fieldError(issue.code, issue.field, issue.message, issue.reason);
}
