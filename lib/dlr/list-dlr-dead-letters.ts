import { z } from "zod";
import { db } from "@/lib/db";
import { validate } from "@/lib/http/parse";
import { maskPhone, maskPhonesInText } from "@/lib/phone/mask";

export const listDlrDeadLettersInput = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  stage: z.enum(["callback", "batch"]).optional(),
  /** Resolved rows are left out of the recent list unless asked for; counts always show both. */
  includeResolved: z.boolean().default(false),
});
export type ListDlrDeadLettersInput = z.input<typeof listDlrDeadLettersInput>;

export interface DlrDeadLetterCount {
  stage: "callback" | "batch";
  reason: string;
  total: number;
  unresolved: number;
  lastAt: Date;
}

export interface DlrDeadLetterView {
  id: string;
  provider: string;
  stage: "callback" | "batch";
  reason: string;
  error: string;
  providerMessageId: string | null;
  /** The report as JSON text, with phone numbers masked. */
  report: string;
  receivedAt: Date;
  createdAt: Date;
  resolvedAt: Date | null;
}

export interface DlrDeadLetterList {
  counts: DlrDeadLetterCount[];
  total: number;
  unresolved: number;
  recent: DlrDeadLetterView[];
}

const PHONE_KEY = /^(to|mobile|msisdn|phone|recipient|destination|number)$/i;
/** Fields of a report that hold ids, times and statuses: long digit runs there are not phone numbers. */
const VERBATIM_KEY = /^(messageid|message_id|providermessageid|id|description|status|timestamp|timetaken|occurredat|receivedat|provider)$/i;

function maskValue(key: string, value: unknown): unknown {
  if (typeof value === "string") return PHONE_KEY.test(key) ? maskPhone(value) : VERBATIM_KEY.test(key) ? value : maskPhonesInText(value);
  if (typeof value === "number" && PHONE_KEY.test(key)) return maskPhone(String(value));
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item) => maskValue(key, item));
  return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, maskValue(name, item)]));
}

/**
 * Phone numbers in a stored report are masked for display: phone fields wholly, free text where
 * it looks like a number; ids and timestamps (long digit runs too) stay readable. A report cut short when it was stored is no longer JSON and is masked as text.
 */
export function maskReport(text: string): string {
  try {
    return JSON.stringify(maskValue("", JSON.parse(text)));
  } catch {
    return maskPhonesInText(text);
  }
}

/** Counts of parked and rejected delivery reports per stage and reason, and the most recent ones. */
export async function listDlrDeadLetters(input: ListDlrDeadLettersInput = {}): Promise<DlrDeadLetterList> {
  const { limit, stage, includeResolved } = validate(listDlrDeadLettersInput, input);
  const [groups, unresolvedGroups, rows] = await Promise.all([
    db.dlrDeadLetter.groupBy({ by: ["stage", "reason"], _count: { _all: true }, _max: { createdAt: true } }),
    db.dlrDeadLetter.groupBy({ by: ["stage", "reason"], where: { resolvedAt: null }, _count: { _all: true } }),
    db.dlrDeadLetter.findMany({
      where: { ...(stage ? { stage } : {}), ...(includeResolved ? {} : { resolvedAt: null }) },
      orderBy: { id: "desc" },
      take: limit,
    }),
  ]);
  const unresolvedBy = new Map(unresolvedGroups.map((group) => [`${group.stage}/${group.reason}`, group._count._all]));
  const counts = groups
    .map((group) => ({
      stage: group.stage,
      reason: group.reason,
      total: group._count._all,
      unresolved: unresolvedBy.get(`${group.stage}/${group.reason}`) ?? 0,
      lastAt: group._max.createdAt!,
    }))
    .sort((a, b) => b.unresolved - a.unresolved || b.total - a.total || a.reason.localeCompare(b.reason));
  return {
    counts,
    total: counts.reduce((sum, count) => sum + count.total, 0),
    unresolved: counts.reduce((sum, count) => sum + count.unresolved, 0),
    recent: rows.map((row) => ({
      id: row.id.toString(),
      provider: row.provider,
      stage: row.stage,
      reason: row.reason,
      error: maskPhonesInText(row.error),
      providerMessageId: row.providerMessageId,
      report: maskReport(row.report),
      receivedAt: row.receivedAt,
      createdAt: row.createdAt,
      resolvedAt: row.resolvedAt,
    })),
  };
}
