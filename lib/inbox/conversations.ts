import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/http/errors";
import { acceptMessage } from "@/lib/messages/accept-message";
import type { CreatedMessage } from "@/lib/messages/transitions/create-message";

export const CONVERSATIONS_PER_PAGE = 25;
/** Messages of each direction shown in a conversation (the latest). */
const THREAD_LENGTH = 100;

export interface ConversationSummary {
  phone: string;
  /** The account's number the phone last wrote to (replies come from it). */
  number: string;
  lastInboundAt: Date;
  lastBody: string;
  unread: number;
  messages: number;
}

/**
 * The account's conversations: one per phone that has written to it, latest first, with unread
 * counts. Phones the account only sent to (campaign recipients) are not conversations.
 */
export async function listConversations(accountId: string, page = 1): Promise<{ conversations: ConversationSummary[]; hasNextPage: boolean }> {
  const offset = (Math.max(1, page) - 1) * CONVERSATIONS_PER_PAGE;
  const rows = await db.$queryRaw<{ phone: string; number: string; last_inbound_at: Date; last_body: string; unread: bigint; messages: bigint }[]>`
    SELECT i."from" AS phone, max(i.created_at) AS last_inbound_at,
           (array_agg(i.body ORDER BY i.created_at DESC))[1] AS last_body,
           (array_agg(i."to" ORDER BY i.created_at DESC))[1] AS number,
           count(*) FILTER (WHERE i.read_at IS NULL) AS unread, count(*) AS messages
    FROM inbound_messages i WHERE i.account_id = ${accountId}::uuid
    GROUP BY i."from"
    ORDER BY last_inbound_at DESC, phone
    LIMIT ${CONVERSATIONS_PER_PAGE + 1} OFFSET ${offset}`;
  return {
    conversations: rows.slice(0, CONVERSATIONS_PER_PAGE).map((row) => ({
      phone: row.phone,
      number: row.number,
      lastInboundAt: row.last_inbound_at,
      lastBody: row.last_body,
      unread: Number(row.unread),
      messages: Number(row.messages),
    })),
    hasNextPage: rows.length > CONVERSATIONS_PER_PAGE,
  };
}

/** Inbound messages of the account not yet seen in the portal. */
export async function countUnreadInbound(accountId: string): Promise<number> {
  return db.inboundMessage.count({ where: { accountId, readAt: null } });
}

export type ConversationEntry =
  | { direction: "inbound"; id: string; body: string; at: Date; number: string; keyword: string | null; action: string | null; replyError: string | null; unread: boolean }
  | { direction: "outbound"; id: string; body: string; at: Date; from: string; status: string; automatic: boolean };

/** One conversation: the phone's messages to the account and the account's to it, interleaved oldest first. */
export async function getConversation(accountId: string, phone: string): Promise<{ phone: string; number: string; entries: ConversationEntry[] }> {
  const [inbound, outbound] = await Promise.all([
    db.inboundMessage.findMany({
      where: { accountId, from: phone },
      orderBy: { createdAt: "desc" },
      take: THREAD_LENGTH,
      select: { id: true, body: true, createdAt: true, to: true, keyword: true, action: true, replyError: true, readAt: true },
    }),
    db.message.findMany({
      where: { accountId, to: phone },
      orderBy: { createdAt: "desc" },
      take: THREAD_LENGTH,
      select: { id: true, body: true, createdAt: true, from: true, status: true, inReplyToId: true },
    }),
  ]);
  if (inbound.length === 0) throw notFound("Conversation");
  const entries: ConversationEntry[] = [
    ...inbound.map((row) => ({ direction: "inbound" as const, id: row.id, body: row.body, at: row.createdAt, number: row.to, keyword: row.keyword, action: row.action, replyError: row.replyError, unread: row.readAt === null })),
    ...outbound.map((row) => ({ direction: "outbound" as const, id: row.id, body: row.body, at: row.createdAt, from: row.from, status: row.status, automatic: row.inReplyToId !== null })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
  return { phone, number: inbound[0].to, entries };
}

/** Marks the phone's inbound messages as read; returns how many were unread. */
export async function markConversationRead(accountId: string, phone: string): Promise<number> {
  const updated = await db.inboundMessage.updateMany({ where: { accountId, from: phone, readAt: null }, data: { readAt: new Date() } });
  return updated.count;
}

/**
 * A reply typed in the portal inbox: an ordinary message (checked, priced, charged, refused for an
 * opted-out phone) from the number the phone last wrote to.
 */
export async function replyInConversation(accountId: string, phone: string, body: string): Promise<CreatedMessage> {
  const last = await db.inboundMessage.findFirst({ where: { accountId, from: phone }, orderBy: { createdAt: "desc" }, select: { to: true } });
  if (!last) throw notFound("Conversation");
  if (body.trim() === "") throw new AppError("validation_failed", "Request validation failed", [{ field: "body", message: "Write a reply" }]);
  return acceptMessage({ accountId }, { to: phone, from: last.to, body, priority: "normal", class: "transactional" });
}
