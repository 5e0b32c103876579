import { z } from "zod";
import { type DeliveryOutcome } from "@/lib/providers/types";
import { hasUnstorableText, isStorableDate, pgText } from "@/lib/validation/pg-safe";

/**
 * Bounds on one pushed report. Real reports are about 150 bytes with numeric ids; anything far
 * outside these is not a report we can use.
 */
export const CELCOM_DLR_LIMITS = {
  messageIdLength: 64,
  descriptionLength: 128,
  /** `timeTaken`, `timestamp` and any other text field. */
  fieldLength: 256,
  /** The whole report as JSON, unknown fields included. */
  reportJsonLength: 4_096,
  /** Objects/arrays inside unknown fields. */
  nesting: 4,
} as const;

/** Trimmed text Postgres can store, without control characters, at most `max` characters. */
function cleanText(max: number) {
  return pgText(z.string().trim().max(max)).regex(/^\P{Cc}*$/u, "must not contain control characters");
}

/** Celcom sends ids and durations as numbers or strings; we always keep them as strings. */
function numberAsText(value: unknown): unknown {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0 ? String(value) : value;
}

const TIMESTAMP_MESSAGE = "must be a date and time between years 1 and 9999, e.g. 2025-09-12 10:16:10";

/**
 * One delivery report as Celcom pushes it to our callback URL. Unknown fields are kept for audit
 * (`checkCelcomDlr` refuses unstorable or oversized ones before this schema runs); an absent or
 * empty timestamp is allowed, an unreadable one is not.
 */
export const celcomDlrEventSchema = z.looseObject({
  description: cleanText(CELCOM_DLR_LIMITS.descriptionLength).min(1),
  messageid: z.preprocess(numberAsText, cleanText(CELCOM_DLR_LIMITS.messageIdLength).min(1).regex(/^\S+$/, "must not contain spaces")),
  timeTaken: z.preprocess(numberAsText, cleanText(CELCOM_DLR_LIMITS.fieldLength)).nullish(),
  timestamp: cleanText(CELCOM_DLR_LIMITS.fieldLength)
    .refine((value) => value === "" || parseCelcomTimestamp(value) !== null, TIMESTAMP_MESSAGE)
    .nullish(),
});

/** Celcom pushes one report per request; an array of them is accepted too. */
export const celcomDlrPayloadSchema = z.union([z.record(z.string(), z.unknown()), z.array(z.unknown()).min(1)]);

export type CelcomDlrEvent = z.infer<typeof celcomDlrEventSchema>;

export interface NormalizedCelcomDlr {
  providerMessageId: string;
  description: string;
  /** Final status this report moves the message to, or null when it is intermediate or unknown. */
  outcome: DeliveryOutcome | null;
  /** When Celcom says the status happened; null when absent. */
  occurredAt: Date | null;
  /** The report as validated (trimmed, ids as text, unknown fields kept): what is queued and audited. */
  payload: Record<string, unknown>;
}

function normalizeDescription(description: string): string {
  return description.toLowerCase().replace(/[\s_-]+/g, "");
}

/**
 * Celcom DLR description → our final status. Descriptions that are not listed (SentToNetwork,
 * Unknown, Scheduled and anything new) are not final: the message stays `sent` and a later
 * report or the reconciler settles it.
 */
export const CELCOM_DLR_DESCRIPTIONS: ReadonlyArray<{ description: string; outcome: DeliveryOutcome | null }> = [
  { description: "DeliveredToTerminal", outcome: "delivered" },
  { description: "DeliveryImpossible", outcome: "undeliverable" },
  { description: "SenderName Blacklisted", outcome: "failed" },
  { description: "AbsentSubscriber", outcome: "expired" },
  { description: "SentToNetwork", outcome: null },
  { description: "Unknown", outcome: null },
  { description: "Scheduled", outcome: null },
];

const OUTCOME_BY_NORMALIZED_DESCRIPTION = new Map(
  CELCOM_DLR_DESCRIPTIONS.map((entry) => [normalizeDescription(entry.description), entry.outcome]),
);

/** Case-insensitive and tolerant of spacing: "senderName  blacklisted" maps like "SenderName Blacklisted". */
export function mapCelcomDescription(description: string): DeliveryOutcome | null {
  return OUTCOME_BY_NORMALIZED_DESCRIPTION.get(normalizeDescription(description)) ?? null;
}

const CELCOM_LOCAL_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/;

/**
 * Celcom timestamps ("2025-09-12 10:16:10") carry no zone; Celcom runs on Kenyan time (UTC+3,
 * no daylight saving). Timestamps that do carry a zone are read as given.
 */
export function parseCelcomTimestamp(value: string | undefined | null): Date | null {
  if (!value) return null;
  const trimmed = value.trim();
  const local = CELCOM_LOCAL_TIMESTAMP.exec(trimmed);
  const date = local
    ? new Date(`${local[1]}-${local[2]}-${local[3]}T${local[4]}:${local[5]}:${local[6]}+03:00`)
    : new Date(trimmed);
  return isStorableDate(date) ? date : null;
}

export function normalizeCelcomDlr(event: CelcomDlrEvent): NormalizedCelcomDlr {
  return {
    providerMessageId: event.messageid,
    description: event.description,
    outcome: mapCelcomDescription(event.description),
    occurredAt: parseCelcomTimestamp(event.timestamp),
    payload: event,
  };
}

/** Why a pushed report cannot be used; operators see counts per reason. */
export type CelcomDlrRejectReason =
  | "not_an_object"
  | "oversize"
  | "unstorable_text"
  | "missing_message_id"
  | "invalid_message_id"
  | "missing_description"
  | "invalid_description"
  | "invalid_timestamp"
  | "invalid_field";

export interface RejectedCelcomDlr {
  reason: CelcomDlrRejectReason;
  message: string;
  /** The report's id when it is usable text, to find the message it was about. */
  providerMessageId: string | null;
  raw: unknown;
}

export type CheckedCelcomDlr = { ok: true; report: NormalizedCelcomDlr } | ({ ok: false } & RejectedCelcomDlr);

/** Finds text Postgres cannot store anywhere in a decoded JSON value (keys included), or nesting too deep to keep. */
function unstorableContent(value: unknown, depth: number): "unstorable_text" | "oversize" | null {
  if (typeof value === "string") return hasUnstorableText(value) ? "unstorable_text" : null;
  if (value === null || typeof value !== "object") return null;
  if (depth > CELCOM_DLR_LIMITS.nesting) return "oversize";
  for (const [key, item] of Object.entries(value)) {
    if (hasUnstorableText(key)) return "unstorable_text";
    const found = unstorableContent(item, depth + 1);
    if (found) return found;
  }
  return null;
}

function jsonLength(value: unknown): number | null {
  try {
    return JSON.stringify(value).length;
  } catch {
    return null;
  }
}

function reasonFor(issue: z.core.$ZodIssue, raw: Record<string, unknown>): CelcomDlrRejectReason {
  const field = issue.path[0];
  const absent = typeof field === "string" && (raw[field] === undefined || raw[field] === null);
  if (field === "messageid") return absent ? "missing_message_id" : "invalid_message_id";
  if (field === "description") return absent ? "missing_description" : "invalid_description";
  if (field === "timestamp") return "invalid_timestamp";
  return "invalid_field";
}

function usableId(raw: unknown): string | null {
  const id = numberAsText((raw as { messageid?: unknown } | null)?.messageid);
  return typeof id === "string" && id.length <= CELCOM_DLR_LIMITS.messageIdLength && !hasUnstorableText(id) ? id : null;
}

/** Validates and normalizes one pushed report; a report that fails says why. Never throws. */
export function checkCelcomDlr(raw: unknown): CheckedCelcomDlr {
  const reject = (reason: CelcomDlrRejectReason, message: string): CheckedCelcomDlr => ({ ok: false, reason, message, providerMessageId: usableId(raw), raw });
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return reject("not_an_object", "a report must be a JSON object");
  const json = jsonLength(raw);
  if (json === null) return reject("invalid_field", "a report must be plain JSON");
  if (json > CELCOM_DLR_LIMITS.reportJsonLength) return reject("oversize", `report exceeds ${CELCOM_DLR_LIMITS.reportJsonLength} characters of JSON`);
  const content = unstorableContent(raw, 1);
  if (content === "unstorable_text") return reject(content, "a field contains NUL characters or unpaired surrogates");
  if (content === "oversize") return reject(content, `fields nest deeper than ${CELCOM_DLR_LIMITS.nesting} levels`);
  const parsed = celcomDlrEventSchema.safeParse(raw);
  if (!parsed.success) {
    const [first] = parsed.error.issues;
    const message = parsed.error.issues.map((issue) => `${issue.path.join(".") || "report"}: ${issue.message}`).join("; ");
    return reject(reasonFor(first, raw as Record<string, unknown>), message);
  }
  return { ok: true, report: normalizeCelcomDlr(parsed.data) };
}

export type ParseCelcomDlrResult =
  | { ok: true; reports: NormalizedCelcomDlr[]; rejected: RejectedCelcomDlr[] }
  | { ok: false; issues: { field: string; message: string }[] };

/**
 * Validates a DLR push body (already JSON-decoded): a body that is not one report object or a
 * non-empty array is refused whole; otherwise each report is either usable (normalized) or
 * rejected with its reason, so one bad report never holds back the others.
 */
export function parseCelcomDlrPayload(body: unknown): ParseCelcomDlrResult {
  const shape = celcomDlrPayloadSchema.safeParse(body);
  if (!shape.success) {
    return { ok: false, issues: [{ field: "(root)", message: "expected a delivery report object or a non-empty array of them" }] };
  }
  const reports: NormalizedCelcomDlr[] = [];
  const rejected: RejectedCelcomDlr[] = [];
  for (const raw of Array.isArray(body) ? body : [body]) {
    const checked = checkCelcomDlr(raw);
    if (checked.ok) reports.push(checked.report);
    else rejected.push({ reason: checked.reason, message: checked.message, providerMessageId: checked.providerMessageId, raw: checked.raw });
  }
  return { ok: true, reports, rejected };
}
