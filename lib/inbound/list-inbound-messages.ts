import { type CountryCode } from "libphonenumber-js/max";
import { afterKeysetCursor, encodeKeysetCursor } from "@/lib/http/keyset-cursor";
import { db, type Prisma } from "@/lib/db";
import { toE164 } from "@/lib/inbound-numbers/normalise-number";
import { normalisePhone } from "@/lib/phone/normalise";
import type { ListInboundMessagesQuery } from "@/lib/inbound/schemas";

export const inboundMessageFields = {
  id: true,
  from: true,
  to: true,
  body: true,
  keyword: true,
  action: true,
  replyError: true,
  provider: true,
  providerMessageId: true,
  receivedAt: true,
  createdAt: true,
  readAt: true,
} as const;

export type InboundMessageView = Prisma.InboundMessageGetPayload<{ select: typeof inboundMessageFields }>;

/** A sender as typed (local or international form) in the stored E.164 form; as given when it is not a number. */
export function senderPhone(raw: string, defaultCountry: string): string {
  const phone = normalisePhone(raw, defaultCountry as CountryCode);
  return phone.ok ? phone.e164 : (toE164(raw) ?? raw);
}

/** The account's inbound messages, newest first, a page at a time, optionally from one phone. */
export async function listInboundMessages(accountId: string, defaultCountry: string, query: ListInboundMessagesQuery) {
  const where: Prisma.InboundMessageWhereInput = { accountId };
  if (query.phone) where.from = senderPhone(query.phone, defaultCountry);
  if (query.cursor) where.OR = afterKeysetCursor(query.cursor);
  const rows = await db.inboundMessage.findMany({ where, select: inboundMessageFields, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { data: page, nextCursor: rows.length > query.limit && last ? encodeKeysetCursor(last) : null };
}

/** Inbound messages no number matched (operators): the latest, and how many there are. */
export async function listUnroutedInbound(limit = 50): Promise<{ total: number; latest: InboundMessageView[] }> {
  const [total, latest] = await Promise.all([
    db.inboundMessage.count({ where: { accountId: null } }),
    db.inboundMessage.findMany({ where: { accountId: null }, select: inboundMessageFields, orderBy: { createdAt: "desc" }, take: limit }),
  ]);
  return { total, latest };
}
