import { z } from "zod";
import { type DeliveryOutcome } from "@/lib/providers/types";

/** Identifier-like values Celcom sends as numbers or strings; we always keep them as strings. */
const idValue = z
  .union([z.string().trim().min(1), z.number().int().nonnegative()])
  .transform((value) => String(value));

/** One delivery report as Celcom pushes it to our callback URL. Unknown fields are ignored. */
export const celcomDlrEventSchema = z.object({
  description: z.string().trim().min(1),
  messageid: idValue,
  timeTaken: z.string().optional(),
  timestamp: z.string().optional(),
});

/** Celcom pushes one report per request; an array of them is accepted too. */
const celcomDlrSingleSchema = celcomDlrEventSchema.transform((event) => [event]);
const celcomDlrListSchema = z.array(celcomDlrEventSchema).min(1);
export const celcomDlrPayloadSchema = z.union([celcomDlrSingleSchema, celcomDlrListSchema]);

export type CelcomDlrEvent = z.infer<typeof celcomDlrEventSchema>;

export interface NormalizedCelcomDlr {
  providerMessageId: string;
  description: string;
  /** Final status this report moves the message to, or null when it is intermediate or unknown. */
  outcome: DeliveryOutcome | null;
  /** When Celcom says the status happened; null when absent or unreadable. */
  occurredAt: Date | null;
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
  return Number.isNaN(date.getTime()) ? null : date;
}

export function normalizeCelcomDlr(event: CelcomDlrEvent): NormalizedCelcomDlr {
  return {
    providerMessageId: event.messageid,
    description: event.description,
    outcome: mapCelcomDescription(event.description),
    occurredAt: parseCelcomTimestamp(event.timestamp),
  };
}

export type ParseCelcomDlrResult =
  | { ok: true; reports: NormalizedCelcomDlr[] }
  | { ok: false; issues: { field: string; message: string }[] };

/** Validates a DLR push body (already JSON-decoded) and normalizes every report in it. */
export function parseCelcomDlrPayload(body: unknown): ParseCelcomDlrResult {
  // Choosing the branch first gives field-level issues instead of one opaque union error.
  const parsed = Array.isArray(body)
    ? celcomDlrListSchema.safeParse(body)
    : celcomDlrSingleSchema.safeParse(body);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((issue) => ({ field: issue.path.join(".") || "(root)", message: issue.message })),
    };
  }
  return { ok: true, reports: parsed.data.map(normalizeCelcomDlr) };
}
