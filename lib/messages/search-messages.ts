import { type CountryCode } from "libphonenumber-js/max";
import { z } from "zod";
import { localDayStart } from "@/lib/analytics/local-day";
import { db, type Prisma } from "@/lib/db";
import { MessageClass, MessageStatus } from "@/lib/generated/prisma/enums";
import { afterKeysetCursor, encodeKeysetCursor, keysetCursor, type KeysetCursor } from "@/lib/http/keyset-cursor";
import { normalisePhone } from "@/lib/phone/normalise";
import { pgText } from "@/lib/validation/pg-safe";

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());
const calendarDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date (yyyy-mm-dd)");

/** The portal's message filters, as the messages page and its CSV export read them from the query string. */
export const messageSearchFilters = z.object({
  /** Text in the message body, or (part of) the recipient's number. */
  q: optional(pgText(z.string().trim().max(160))),
  status: optional(z.enum(MessageStatus)),
  campaignId: optional(z.string().uuid()),
  /** Sender ID the message was sent from. */
  from: optional(pgText(z.string().trim().max(20))),
  class: optional(z.enum(MessageClass)),
  /** Operator (network) of the recipient, e.g. Safaricom. */
  network: optional(pgText(z.string().trim().max(40))),
  /** Calendar days in the account's time zone, both inclusive. */
  since: optional(calendarDay),
  until: optional(calendarDay),
});
export type MessageSearchFilters = z.output<typeof messageSearchFilters>;

export const messageSearchPage = z.object({ cursor: optional(keysetCursor) });

export interface SearchContext {
  accountId: string;
  defaultCountry: string;
  timeZone: string;
}

/** The Prisma condition for the filters, always within the account. */
export function messageSearchWhere(context: SearchContext, filters: MessageSearchFilters): Prisma.MessageWhereInput {
  const where: Prisma.MessageWhereInput = { accountId: context.accountId };
  if (filters.status) where.status = filters.status;
  if (filters.campaignId) where.campaignId = filters.campaignId;
  if (filters.from) where.from = filters.from;
  if (filters.class) where.messageClass = filters.class;
  if (filters.network) where.operator = { equals: filters.network, mode: "insensitive" };
  const since = filters.since ? localDayStart(filters.since, context.timeZone) : undefined;
  const until = filters.until ? localDayStart(filters.until, context.timeZone, true) : undefined;
  if (since || until) where.createdAt = { gte: since, lt: until };
  if (filters.q) {
    const phone = normalisePhone(filters.q, context.defaultCountry as CountryCode);
    const digits = filters.q.replace(/[\s()-]/g, "");
    const recipient: Prisma.MessageWhereInput = phone.ok ? { to: phone.e164 } : { to: { contains: digits } };
    where.OR = [{ body: { contains: filters.q, mode: "insensitive" } }, ...(/^\+?\d{3,}$/.test(digits) ? [recipient] : [])];
  }
  return where;
}

const rowFields = {
  id: true,
  campaignId: true,
  to: true,
  from: true,
  body: true,
  status: true,
  statusReason: true,
  messageClass: true,
  operator: true,
  country: true,
  segments: true,
  cost: true,
  chargeState: true,
  createdAt: true,
  sentAt: true,
  completedAt: true,
} satisfies Prisma.MessageSelect;

export type MessageSearchRow = Prisma.MessageGetPayload<{ select: typeof rowFields }>;

/** One page of matching messages, newest first, after `cursor` (keyset on created_at, id). */
export async function readMessagePage(context: SearchContext, filters: MessageSearchFilters, cursor: KeysetCursor | undefined, limit: number) {
  const where = messageSearchWhere(context, filters);
  const rows = await db.message.findMany({
    where: cursor ? { AND: [where, { OR: afterKeysetCursor(cursor) }] } : where,
    select: rowFields,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { data: page, nextCursor: rows.length > limit && last ? encodeKeysetCursor(last) : null, last: last ?? null };
}

/** What the filter menus offer: the account's sender IDs, recent campaigns and the known networks. */
export async function getMessageFilterOptions(accountId: string) {
  const [senders, campaigns, networks] = await Promise.all([
    db.senderId.findMany({ where: { accountId }, select: { value: true }, orderBy: { value: "asc" }, distinct: ["value"] }),
    db.campaign.findMany({ where: { accountId }, select: { id: true, name: true }, orderBy: { createdAt: "desc" }, take: 100 }),
    db.mnoPrefix.findMany({ select: { operator: true }, distinct: ["operator"], orderBy: { operator: "asc" } }),
  ]);
  return { senders: senders.map((row) => row.value), campaigns, networks: networks.map((row) => row.operator) };
}
