import { recordAudit } from "@/lib/audit/record-audit";
import Papa from "papaparse";
import { type CountryCode } from "libphonenumber-js/max";
import { afterKeysetCursor, decodeKeysetCursor, encodeKeysetCursor, type KeysetCursor } from "@/lib/http/keyset-cursor";
import { db, type Prisma } from "@/lib/db";
import { AppError, fieldError } from "@/lib/http/errors";
import { toE164 } from "@/lib/inbound-numbers/normalise-number";
import { normalisePhone } from "@/lib/phone/normalise";
import { recordConsent, type ConsentSource } from "@/lib/opt-outs/record-consent";
import type { ListOptOutsQuery } from "@/lib/opt-outs/schemas";

/** Who asked for a change made through the API or the portal. */
export interface ConsentRequester {
  source: Extract<ConsentSource, "api" | "portal" | "import">;
  apiKeyId?: string | null;
  userId?: string | null;
}

export interface OptOutView {
  phone: string;
  source: string;
  optedOutAt: Date;
}

/** Rows read per query while exporting. */
const EXPORT_PAGE_SIZE = 5_000;

const optOutFields = { id: true, phone: true, source: true, createdAt: true } as const;
type OptOutRow = Prisma.OptOutGetPayload<{ select: typeof optOutFields }>;

function present(row: OptOutRow): OptOutView {
  return { phone: row.phone, source: row.source, optedOutAt: row.createdAt };
}

/** A phone typed by a person (any format a send accepts) in E.164, or 422 naming the field. */
export function phoneForConsent(raw: string, defaultCountry: string): string {
  const phone = normalisePhone(raw, defaultCountry as CountryCode);
  if (!phone.ok) throw fieldError("invalid_phone_number", "phone", `"${raw.slice(0, 64)}" is not a mobile number we can message`, phone.reason);
  return phone.e164;
}

/** For look-ups: a number that cannot be messaged may still have consent history (e.g. a foreign sender's STOP). */
function phoneForLookup(raw: string, defaultCountry: string): string {
  const phone = normalisePhone(raw, defaultCountry as CountryCode);
  if (phone.ok) return phone.e164;
  const e164 = toE164(raw);
  if (!e164) throw fieldError("invalid_phone_number", "phone", `"${raw.slice(0, 64)}" is not a phone number`);
  return e164;
}

/** The account's opted-out phones, most recent first, a page at a time (keyset on opted-out time, id). */
export async function listOptOuts(accountId: string, defaultCountry: string, query: ListOptOutsQuery) {
  const where: Prisma.OptOutWhereInput = { accountId };
  if (query.phone) where.phone = phoneForLookup(query.phone, defaultCountry);
  if (query.cursor) where.OR = afterKeysetCursor(query.cursor);
  const rows = await db.optOut.findMany({ where, select: optOutFields, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { data: page.map(present), nextCursor: rows.length > query.limit && last ? encodeKeysetCursor(last) : null };
}

async function currentOptOut(accountId: string, phone: string): Promise<OptOutView | null> {
  const row = await db.optOut.findUnique({ where: { accountId_phone: { accountId, phone } }, select: optOutFields });
  return row ? present(row) : null;
}

/**
 * Opts a phone out of the account's messages, recorded as a consent event. `created` says whether
 * it was opted in until now (a repeated opt-out is recorded too: it is evidence of the request).
 */
export async function optOutPhone(accountId: string, rawPhone: string, defaultCountry: string, requester: ConsentRequester) {
  const phone = phoneForConsent(rawPhone, defaultCountry);
  const outcome = await recordConsent([{ accountId, phone, action: "opt_out", ...requester }]);
  const optOut = await currentOptOut(accountId, phone);
  await recordAudit({ action: "opt_out.create", accountId, target: { type: "opt_out", id: phone }, after: { phone, source: requester.source } });
  return { optOut: optOut ?? { phone, source: requester.source, optedOutAt: new Date() }, created: outcome.optedOut > 0 };
}

/** Whether a phone is opted out of the account's messages now (and since when, and how). */
export async function optOutStatus(accountId: string, rawPhone: string, defaultCountry: string) {
  const phone = phoneForLookup(rawPhone, defaultCountry);
  const optOut = await currentOptOut(accountId, phone);
  return { phone, optedOut: optOut !== null, optedOutAt: optOut?.optedOutAt ?? null, source: optOut?.source ?? null };
}

/** Opts a phone back in (recorded as a consent event); 404 when it is not opted out. */
export async function optInPhone(accountId: string, rawPhone: string, defaultCountry: string, requester: ConsentRequester) {
  const phone = phoneForLookup(rawPhone, defaultCountry);
  if (!(await currentOptOut(accountId, phone))) throw new AppError("not_found", `${phone} is not opted out`);
  await recordConsent([{ accountId, phone, action: "opt_in", ...requester }]);
  await recordAudit({ action: "opt_out.delete", accountId, target: { type: "opt_out", id: phone }, before: { phone }, after: { phone, source: requester.source } });
  return { phone, optedOut: false };
}

export interface ConsentEventView {
  id: string;
  action: "opt_out" | "opt_in";
  source: ConsentSource;
  inboundMessageId: string | null;
  apiKeyId: string | null;
  userId: string | null;
  at: Date;
}

/** Every consent event of a phone for the account, oldest first, with its current state. */
export async function consentHistory(accountId: string, rawPhone: string, defaultCountry: string) {
  const phone = phoneForLookup(rawPhone, defaultCountry);
  const [events, optOut] = await Promise.all([
    db.consentEvent.findMany({
      where: { accountId, phone },
      orderBy: { id: "asc" },
      take: 1_000,
      select: { id: true, action: true, source: true, inboundMessageId: true, apiKeyId: true, userId: true, createdAt: true },
    }),
    currentOptOut(accountId, phone),
  ]);
  return {
    phone,
    optedOut: optOut !== null,
    optedOutAt: optOut?.optedOutAt ?? null,
    events: events.map(({ id, createdAt, ...event }): ConsentEventView => ({ id: id.toString(), ...event, at: createdAt })),
  };
}

/** The account's opted-out phones as CSV (phone, source, opted_out_at), streamed page by page. */
export function exportOptOutsCsv(accountId: string): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor: KeysetCursor | undefined;
  let started = false;
  let finished = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`${Papa.unparse([["phone", "source", "opted_out_at"]])}\r\n`));
      }
      if (finished) {
        controller.close();
        return;
      }
      const page = await listOptOuts(accountId, "KE", { cursor, limit: EXPORT_PAGE_SIZE });
      if (page.data.length > 0) {
        const lines = page.data.map((row) => [row.phone, row.source, row.optedOutAt.toISOString()]);
        // Every value is an E.164 number, a source name or a timestamp: nothing a spreadsheet could run
        // (formula escaping would put a quote before every "+").
        controller.enqueue(encoder.encode(`${Papa.unparse(lines)}\r\n`));
      }
      cursor = page.nextCursor ? (decodeKeysetCursor(page.nextCursor) ?? undefined) : undefined;
      finished = page.nextCursor === null;
    },
  });
}
