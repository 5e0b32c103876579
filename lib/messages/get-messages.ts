import { type CountryCode } from "libphonenumber-js/max";
import { db, type Prisma } from "@/lib/db";
import { notFound } from "@/lib/http/errors";
import { encodeKeysetCursor } from "@/lib/http/keyset-cursor";
import { type ListMessagesQuery } from "@/lib/messages/schemas";
import { normalisePhone } from "@/lib/phone/normalise";

const messageFields = {
  id: true,
  campaignId: true,
  to: true,
  from: true,
  body: true,
  status: true,
  statusReason: true,
  priority: true,
  messageClass: true,
  notBefore: true,
  encoding: true,
  segments: true,
  country: true,
  operator: true,
  cost: true,
  chargeState: true,
  provider: true,
  providerMessageId: true,
  attempts: true,
  callbackUrl: true,
  callbackEvents: true,
  customPayload: true,
  inReplyToId: true,
  createdAt: true,
  queuedAt: true,
  sentAt: true,
  completedAt: true,
  updatedAt: true,
} satisfies Prisma.MessageSelect;

type MessageRow = Prisma.MessageGetPayload<{ select: typeof messageFields }>;

function present(row: MessageRow) {
  const { statusReason, messageClass, notBefore, ...rest } = row;
  return { ...rest, class: messageClass, scheduledFor: notBefore, reason: statusReason };
}

export type MessageView = ReturnType<typeof present>;

export interface MessageTimelineEntry {
  status: string;
  reason: string | null;
  source: string;
  data: unknown;
  at: Date;
}

/** One provider submission of the message: which provider, what came back (`sent`, `rejected`, `provider_failure`). */
export interface SendAttemptEntry {
  attempt: number;
  provider: string;
  outcome: string;
  code: string | null;
  latencyMs: number | null;
  at: Date;
}

/** One message of the account with its timeline (every transition, oldest first) and every provider submission; 404 for other accounts' ids. */
export async function getMessage(
  accountId: string,
  messageId: string,
): Promise<MessageView & { events: MessageTimelineEntry[]; sendAttempts: SendAttemptEntry[] }> {
  const message = await db.message.findFirst({ where: { id: messageId, accountId }, select: messageFields });
  if (!message) throw notFound("Message");
  const [events, attempts] = await Promise.all([
    db.messageEvent.findMany({
      where: { messageId },
      select: { status: true, reason: true, source: true, data: true, createdAt: true },
      orderBy: { id: "asc" },
    }),
    db.sendAttempt.findMany({
      where: { messageId },
      select: { attempt: true, provider: true, outcome: true, code: true, latencyMs: true, createdAt: true },
      orderBy: { id: "asc" },
    }),
  ]);
  return {
    ...present(message),
    sendAttempts: attempts.map(({ createdAt, ...attempt }) => ({ ...attempt, at: createdAt })),
    events: events.map((event) => ({ status: event.status, reason: event.reason, source: event.source, data: event.data, at: event.createdAt })),
  };
}

/**
 * The account's messages, newest first, a page at a time: `nextCursor` continues after the last
 * row (keyset pagination on created_at, id, so pages stay stable while messages are added).
 */
export async function listMessages(accountId: string, defaultCountry: string, query: ListMessagesQuery) {
  const where: Prisma.MessageWhereInput = { accountId };
  if (query.status) where.status = { in: query.status };
  if (query.campaignId) where.campaignId = query.campaignId;
  if (query.since || query.until) where.createdAt = { gte: query.since, lt: query.until };
  if (query.recipient) {
    // Recipients are stored in E.164; the filter accepts the same local formats as sending.
    const phone = normalisePhone(query.recipient, defaultCountry as CountryCode);
    where.to = phone.ok ? phone.e164 : query.recipient;
  }
  if (query.cursor) {
    const after = query.cursor;
    where.OR = [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }];
  }
  const rows = await db.message.findMany({
    where,
    select: messageFields,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { data: page.map(present), nextCursor: rows.length > query.limit && last ? encodeKeysetCursor(last) : null };
}
