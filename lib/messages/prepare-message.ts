import { authenticateApiKeyWith, type ApiAuth } from "@/lib/api-keys/authenticate-api-key";
import { hotQuery, Prisma } from "@/lib/db";
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

/** The send context's columns over an account aliased `a` (after a leading comma, to follow other columns). */
export function sendContextColumns(from: string): Prisma.Sql {
  return Prisma.sql`, a.pricing_tier_id, a.balance::text AS balance, a.timezone, a.quiet_hours_start, a.quiet_hours_end,
      (SELECT s.status::text FROM sender_ids s WHERE s.account_id = a.id AND s.value = ${from}) AS sender_status,
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

/** Runs every synchronous check of a send for an account without sending: the preview (API and portal). */
export async function previewMessage(accountId: string, draft: MessageDraft, loadedContext?: SendContext): Promise<MessageEvaluation> {
  const [context, registry] = await Promise.all([loadedContext ?? loadSendContext(accountId, draft.from), loadPrefixRegistry()]);
  const rateCard = await loadTierRateCard(context.pricingTierId);
  return evaluateMessage(draft, context, registry, rateCard);
}

/**
 * Checks a message for sending, in the order of the single-send flow (number, content, sender ID,
 * price); the first problem is thrown as its API error. Credit is checked by the reservation itself.
 * `context`, when given, is the account's send context already loaded for `draft.from`.
 */
export async function prepareMessage(accountId: string, draft: MessageDraft, context?: SendContext): Promise<PreparedMessage> {
  const evaluation = await previewMessage(accountId, draft, context);
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
