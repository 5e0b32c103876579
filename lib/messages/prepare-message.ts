import { authenticateApiKeyWith, type ApiAuth } from "@/lib/api-keys/authenticate-api-key";
import { db, hotQuery, Prisma } from "@/lib/db";
import { notFound } from "@/lib/http/errors";
import { blockedWordsArraySql } from "@/lib/messages/load-blocked-words";
import { evaluateMessage, issueToError, type MessageDraft, type MessageEvaluation, type SendContext } from "@/lib/messages/evaluate-message";
import { loadPrefixRegistry } from "@/lib/phone/load-prefix-registry";
import { loadTierRateCard } from "@/lib/pricing/get-rate-card";
import { quietHoursOf } from "@/lib/traffic/quiet-hours";
import type { MessageEncoding } from "@/lib/generated/prisma/enums";

/** A message that passed every synchronous check and has a price. */
export interface PreparedMessage {
  to: string;
  from: string;
  body: string;
  country: string;
  operator: string;
  encoding: MessageEncoding;
  segments: number;
  cost: number;
}

interface SendContextRow {
  default_country: string;
  pricing_tier_id: string | null;
  balance: string;
  sender_status: string | null;
  blocked_words: string[];
  timezone: string;
  quiet_hours_start: string | null;
  quiet_hours_end: string | null;
}

/**
 * The send context's columns over an account aliased `a` (after a leading comma, to follow other
 * columns). A number assigned to the account (an inbound short code or long number) is an approved
 * sender for it: replies to inbound messages come from the number they were sent to. COALESCE
 * evaluates that lookup only when no sender ID row matched.
 */
export function sendContextColumns(from: string): Prisma.Sql {
  return Prisma.sql`, a.pricing_tier_id, a.balance::text AS balance, a.timezone, a.quiet_hours_start, a.quiet_hours_end,
      COALESCE((SELECT s.status::text FROM sender_ids s WHERE s.account_id = a.id AND s.value = ${from}),
               (SELECT 'approved' FROM inbound_numbers n WHERE n.account_id = a.id AND n.number = ${from} LIMIT 1)) AS sender_status,
      ${blockedWordsArraySql(Prisma.sql`a.id`)} AS blocked_words`;
}

export function toSendContext(row: SendContextRow): SendContext {
  return {
    defaultCountry: row.default_country,
    pricingTierId: row.pricing_tier_id,
    balance: BigInt(row.balance),
    senderIdStatus: row.sender_status,
    blockedWords: row.blocked_words,
    timezone: row.timezone,
    quietHours: quietHoursOf(row.quiet_hours_start, row.quiet_hours_end),
  };
}

/** The account data a send is checked against, in a single query (sender ID, words, tier, balance). */
export async function loadSendContext(accountId: string, from: string): Promise<SendContext> {
  const rows = await hotQuery<SendContextRow>(
    "send_context",
    Prisma.sql`SELECT a.default_country${sendContextColumns(from)} FROM accounts a WHERE a.id = ${accountId}::uuid`,
  );
  const row = rows[0];
  if (!row) throw notFound("Account");
  return toSendContext(row);
}

/** Authenticates a send's API key and loads its account's send context in the same query. */
export async function authenticateSend(authorization: string | null, from: string): Promise<{ auth: ApiAuth; context: SendContext }> {
  const { auth, row } = await authenticateApiKeyWith<SendContextRow>(authorization, "api_key_lookup_send", sendContextColumns(from));
  return { auth, context: toSendContext(row) };
}

/** The synchronous checks of a send, in memory once the context, registry and rates are loaded. */
async function evaluateDraft(accountId: string, draft: MessageDraft, loadedContext?: SendContext): Promise<MessageEvaluation> {
  const [context, registry] = await Promise.all([loadedContext ?? loadSendContext(accountId, draft.from), loadPrefixRegistry()]);
  const rateCard = await loadTierRateCard(context.pricingTierId);
  return evaluateMessage(draft, context, registry, rateCard);
}

/**
 * Runs every check of a send for an account without sending: the preview (API and portal). It
 * also says when the recipient has opted out; a send learns that from its insert statement instead
 * (lib/messages/transitions/create-message.ts), which keeps the send path to one round trip.
 */
export async function previewMessage(accountId: string, draft: MessageDraft, loadedContext?: SendContext): Promise<MessageEvaluation> {
  const evaluation = await evaluateDraft(accountId, draft, loadedContext);
  if (evaluation.to !== null && (await db.optOut.count({ where: { accountId, phone: evaluation.to } })) > 0) {
    evaluation.issues.unshift({ code: "opted_out", field: "to", message: `${evaluation.to} has opted out of this account's messages` });
  }
  return evaluation;
}

/**
 * Checks a message for sending, in the order of the single-send flow (number, content, sender ID,
 * price); the first problem is thrown as its API error. Credit is checked by the reservation itself.
 * `context`, when given, is the account's send context already loaded for `draft.from`.
 */
export async function prepareMessage(accountId: string, draft: MessageDraft, context?: SendContext): Promise<PreparedMessage> {
  const evaluation = await evaluateDraft(accountId, draft, context);
  const [firstIssue] = evaluation.issues;
  if (firstIssue) throw issueToError(firstIssue);
  if (evaluation.to === null || evaluation.country === null || evaluation.operator === null || evaluation.cost === null) {
    throw new Error("a message without issues must have a resolved recipient and a price");
  }
  return {
    to: evaluation.to,
    from: draft.from,
    body: draft.body,
    country: evaluation.country,
    operator: evaluation.operator,
    encoding: evaluation.encoding,
    segments: evaluation.segments,
    cost: evaluation.cost,
  };
}
