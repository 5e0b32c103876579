import { db } from "@/lib/db";
import { AppError } from "@/lib/http/errors";
import { logger } from "@/lib/logger";
import { acceptMessage } from "@/lib/messages/accept-message";

const log = logger.child({ component: "inbound.reply" });

export interface AutoReply {
  inboundMessageId: string;
  accountId: string;
  /** The phone that wrote to us (E.164). */
  phone: string;
  /** Our number it wrote to: the reply comes from it. */
  number: string;
  body: string;
}

export type AutoReplyOutcome = { kind: "sent"; messageId: string } | { kind: "already_sent" } | { kind: "refused"; code: string };

function isDuplicateReply(error: unknown): boolean {
  const pgError = error as { code?: unknown; constraint?: unknown };
  return pgError?.code === "23505" && pgError.constraint === "messages_in_reply_to_id_key";
}

/**
 * Sends an automatic reply as an ordinary outgoing message: the single-send flow (number, content,
 * price, credit reserved, `submitted`, high priority queue) from the number that was written to,
 * linked to the inbound message. At most one reply exists per inbound message (a unique index),
 * so a retried job cannot send a second. A refusal the account can fix (no credit, blocked words,
 * a network we do not serve) is recorded on the inbound message instead of failing the job.
 */
export async function sendAutoReply(reply: AutoReply): Promise<AutoReplyOutcome> {
  try {
    const created = await acceptMessage(
      { accountId: reply.accountId, inReplyToId: reply.inboundMessageId },
      { to: reply.phone, from: reply.number, body: reply.body, priority: "high", class: "transactional" },
    );
    return { kind: "sent", messageId: created.messageId };
  } catch (error) {
    if (isDuplicateReply(error)) return { kind: "already_sent" };
    if (!(error instanceof AppError)) throw error;
    await db.inboundMessage.update({ where: { id: reply.inboundMessageId }, data: { replyError: `${error.code}: ${error.message}` } });
    log.warn("automatic reply not sent", { inboundMessageId: reply.inboundMessageId, accountId: reply.accountId, code: error.code });
    return { kind: "refused", code: error.code };
  }
}
