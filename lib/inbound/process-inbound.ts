import { randomUUID } from "node:crypto";
import { Prisma, type SqlClient, withPgTransaction } from "@/lib/db";
import { logger } from "@/lib/logger";
import { metrics } from "@/lib/observability/metrics";
import { normaliseInboundNumber, toE164 } from "@/lib/inbound-numbers/normalise-number";
import { leadingWords } from "@/lib/keywords/keyword-text";
import { standardAction } from "@/lib/keywords/standard-keywords";
import { recordConsentIn, type ConsentChange } from "@/lib/opt-outs/record-consent";
import { nudgeWebhookRelay } from "@/lib/webhooks/dispatch-deliveries";
import { createWebhookEvents } from "@/lib/webhooks/create-webhook-events";
import { INBOUND_EVENT_TYPE } from "@/lib/webhooks/event-types";
import { decideInbound, routeInbound, type InboundDecision, type MatchedKeyword, type NumberOwner, type Route } from "@/lib/inbound/route-inbound";
import type { InboundSmsJob } from "@/lib/inbound/schemas";
import { sendAutoReply, type AutoReply, type AutoReplyOutcome } from "@/lib/inbound/send-auto-reply";

const log = logger.child({ component: "inbound" });

export interface InboundOutcome {
  inboundMessageId: string;
  /** A provider retry of a message already stored: nothing was written again. */
  duplicate: boolean;
  accountId: string | null;
  action: InboundDecision["action"];
  reply: AutoReplyOutcome | null;
}

interface StoredInbound {
  id: string;
  account_id: string | null;
  from: string;
  to: string;
  reply_body: string | null;
  reply_error: string | null;
  replied: boolean;
}

const NO_DECISION: InboundDecision = { keyword: null, action: null, replyBody: null };

async function numberOwners(sql: SqlClient, number: string): Promise<NumberOwner[]> {
  return sql.query<NumberOwner>(Prisma.sql`
    SELECT n.id, n.account_id AS "accountId", a.name AS "accountName", n.keyword, n.send_confirmations AS "sendConfirmations"
    FROM inbound_numbers n JOIN accounts a ON a.id = n.account_id
    WHERE n.number = ${number}`);
}

/** The account's keyword for the command: one scoped to this number wins over one for every number. */
async function accountKeyword(sql: SqlClient, route: Route, number: string): Promise<MatchedKeyword | null> {
  if (route.command === null) return null;
  const [row] = await sql.query<MatchedKeyword>(Prisma.sql`
    SELECT k.keyword, k.action::text AS action, k.reply FROM keywords k
    LEFT JOIN inbound_numbers kn ON kn.id = k.inbound_number_id
    WHERE k.account_id = ${route.owner.accountId}::uuid AND k.keyword = ${route.command}
      AND (k.inbound_number_id IS NULL OR kn.number = ${number})
    ORDER BY k.inbound_number_id IS NULL
    LIMIT 1`);
  return row ?? null;
}

async function findStored(sql: SqlClient, sms: InboundSmsJob): Promise<StoredInbound> {
  const [row] = await sql.query<StoredInbound>(Prisma.sql`
    SELECT i.id, i.account_id, i."from", i."to", i.reply_body, i.reply_error,
           EXISTS (SELECT 1 FROM messages m WHERE m.in_reply_to_id = i.id) AS replied
    FROM inbound_messages i WHERE i.provider = ${sms.provider} AND i.provider_message_id = ${sms.providerMessageId}`);
  return row;
}

function inboundEnvelope(eventId: string, inbound: Record<string, unknown>): Record<string, unknown> {
  return { eventId, eventType: INBOUND_EVENT_TYPE, timestamp: new Date().toISOString(), data: inbound };
}

/**
 * The `inbound.receive` worker step, for one message: normalise the sender to E.164 and our
 * number to its stored form, find the owner (number, then keyword on a shared short code), decide
 * what the text does (account keyword, else standard keyword), then in ONE transaction store it
 * (a provider retry with the same id finds it stored and stops), record the opt-out/opt-in as a
 * consent event with the message as evidence, and create the `message.inbound` webhook event.
 * A message for no known number is stored without an account for operators. The automatic
 * reply, if any, is sent after the commit; a retried job sends it if it is still missing.
 */
export async function processInboundMessage(sms: InboundSmsJob): Promise<InboundOutcome> {
  const phone = toE164(sms.from);
  const number = normaliseInboundNumber(sms.to)?.number ?? sms.to;
  const words = leadingWords(sms.text);
  const receivedAt = sms.providerTimestamp ?? sms.receivedAt;

  const stored = await withPgTransaction(async (sql) => {
    const owners = await numberOwners(sql, number);
    const route = routeInbound(owners, words);
    const decision = route && phone ? decideInbound(route, await accountKeyword(sql, route, number)) : NO_DECISION;
    const accountId = route?.owner.accountId ?? null;
    const [inserted] = await sql.query<{ id: string; created_at: Date }>(Prisma.sql`
      INSERT INTO inbound_messages (account_id, inbound_number_id, provider, provider_message_id, "from", "to", body, keyword, action,
        reply_body, payload, received_at)
      VALUES (${accountId}::uuid, ${route?.owner.id ?? null}::uuid, ${sms.provider}, ${sms.providerMessageId}, ${phone ?? sms.from}, ${number},
        ${sms.text}, ${decision.keyword}, ${decision.action}, ${decision.replyBody}, ${JSON.stringify(sms.payload)}::jsonb, ${receivedAt}::timestamptz)
      ON CONFLICT (provider, provider_message_id) WHERE provider_message_id IS NOT NULL DO NOTHING
      RETURNING id, created_at`);
    if (!inserted) return { duplicate: true as const, row: await findStored(sql, sms) };

    const consent: ConsentChange[] = [];
    if (route && phone && (decision.action === "opt_out" || decision.action === "opt_in")) {
      consent.push({ accountId: route.owner.accountId, phone, action: decision.action, source: "inbound_keyword", inboundMessageId: inserted.id });
    } else if (!route && phone && words[0] !== undefined && standardAction(words[0]) === "opt_out") {
      // A bare STOP to a shared short code names no account: it stops every account sharing the number.
      for (const accountOnNumber of new Set(owners.map((owner) => owner.accountId))) {
        consent.push({ accountId: accountOnNumber, phone, action: "opt_out", source: "inbound_keyword", inboundMessageId: inserted.id });
      }
    }
    const consented = await recordConsentIn(sql, consent);

    if (route) {
      const eventId = randomUUID();
      const inbound = {
        id: inserted.id,
        from: phone ?? sms.from,
        to: number,
        body: sms.text,
        keyword: decision.keyword,
        action: decision.action,
        provider: sms.provider,
        providerMessageId: sms.providerMessageId,
        receivedAt: new Date(receivedAt).toISOString(),
      };
      await createWebhookEvents(sql, [{ id: eventId, accountId: route.owner.accountId, type: INBOUND_EVENT_TYPE, payload: inboundEnvelope(eventId, inbound) }]);
    }
    return {
      duplicate: false as const,
      row: { id: inserted.id, account_id: accountId, from: phone ?? sms.from, to: number, reply_body: decision.replyBody, reply_error: null, replied: false },
      decision,
      optOuts: consent.length,
      newOptOuts: consented.optedOut,
    };
  });

  const { row } = stored;
  if (!stored.duplicate) {
    metrics.inboundMessages.inc({ provider: sms.provider });
    if (stored.newOptOuts > 0) metrics.optOuts.inc({ source: "inbound_keyword" }, stored.newOptOuts);
  }
  if (stored.duplicate) {
    log.info("duplicate inbound message ignored", { inboundMessageId: row.id, provider: sms.provider });
  } else if (row.account_id === null) {
    log.warn("inbound message for no known number stored for operators", { inboundMessageId: row.id, number, optOuts: stored.optOuts });
  } else {
    log.info("inbound message stored", { inboundMessageId: row.id, accountId: row.account_id, keyword: stored.decision.keyword, action: stored.decision.action });
    await nudgeWebhookRelay();
  }

  let reply: AutoReplyOutcome | null = null;
  if (row.account_id && row.reply_body && !row.replied && !row.reply_error) {
    const autoReply: AutoReply = { inboundMessageId: row.id, accountId: row.account_id, phone: row.from, number: row.to, body: row.reply_body };
    reply = await sendAutoReply(autoReply);
  }
  return {
    inboundMessageId: row.id,
    duplicate: stored.duplicate,
    accountId: row.account_id,
    action: stored.duplicate ? null : stored.decision.action,
    reply,
  };
}
