import { Prisma, type SqlClient, withPgTransaction } from "@/lib/db";
import type { ConsentAction, ConsentSource } from "@/lib/generated/prisma/enums";
import { metrics } from "@/lib/observability/metrics";

export type { ConsentAction, ConsentSource };

/** One opt-out or opt-in: whose phone, for which account, how, and on what evidence. */
export interface ConsentChange {
  accountId: string;
  /** E.164. */
  phone: string;
  action: ConsentAction;
  source: ConsentSource;
  /** Evidence: the inbound message that carried the keyword, the API key, or the portal user. */
  inboundMessageId?: string | null;
  apiKeyId?: string | null;
  userId?: string | null;
}

export interface ConsentOutcome {
  /** Consent events written (one per change). */
  recorded: number;
  /** Phones that were not opted out before and now are. */
  optedOut: number;
  /** Phones that were opted out and no longer are. */
  optedIn: number;
}

/** Changes per transaction: each holds one advisory lock per phone until it commits. */
const CHUNK_SIZE = 1_000;

/**
 * Appends consent events and brings the derived opt-out state (opt_outs) in line with each phone's
 * latest event, inside the caller's transaction. Changes to one (account, phone) are serialised by
 * a transaction-scoped advisory lock, taken in a fixed order: without it an opt-in committing
 * beside an opt-out could leave opt_outs disagreeing with the newest event.
 */
export async function recordConsentIn(sql: SqlClient, changes: readonly ConsentChange[]): Promise<ConsentOutcome> {
  if (changes.length === 0) return { recorded: 0, optedOut: 0, optedIn: 0 };
  const accounts = changes.map((change) => change.accountId);
  const phones = changes.map((change) => change.phone);
  await sql.query(Prisma.sql`
    SELECT pg_advisory_xact_lock(k) FROM (
      SELECT DISTINCT hashtextextended(t.account_id::text || '|' || t.phone, 12) AS k
      FROM unnest(${accounts}::uuid[], ${phones}::text[]) AS t(account_id, phone) ORDER BY 1
    ) AS keys`);
  const [row] = await sql.query<{ recorded: bigint | string; opted_out: bigint | string; opted_in: bigint | string }>(Prisma.sql`
    WITH input AS (
      SELECT * FROM unnest(
        ${accounts}::uuid[], ${phones}::text[], ${changes.map((change) => change.action)}::"ConsentAction"[],
        ${changes.map((change) => change.source)}::"ConsentSource"[], ${changes.map((change) => change.inboundMessageId ?? null)}::uuid[],
        ${changes.map((change) => change.apiKeyId ?? null)}::uuid[], ${changes.map((change) => change.userId ?? null)}::uuid[]
      ) WITH ORDINALITY AS t(account_id, phone, action, source, inbound_message_id, api_key_id, user_id, ord)
    ), events AS (
      INSERT INTO consent_events (account_id, phone, action, source, inbound_message_id, api_key_id, user_id)
      SELECT account_id, phone, action, source, inbound_message_id, api_key_id, user_id FROM input ORDER BY ord
      RETURNING id, account_id, phone, action, source, created_at
    ), latest AS (
      SELECT DISTINCT ON (account_id, phone) id, account_id, phone, action, source, created_at
      FROM events ORDER BY account_id, phone, id DESC
    ), opted_out AS (
      INSERT INTO opt_outs (account_id, phone, source, consent_event_id, created_at)
      SELECT account_id, phone, source::text, id, created_at FROM latest WHERE action = 'opt_out'
      ON CONFLICT (account_id, phone) DO UPDATE SET consent_event_id = EXCLUDED.consent_event_id
      RETURNING (xmax = 0) AS inserted
    ), opted_in AS (
      DELETE FROM opt_outs o USING latest l
      WHERE l.action = 'opt_in' AND o.account_id = l.account_id AND o.phone = l.phone
      RETURNING o.id
    )
    SELECT (SELECT count(*) FROM events) AS recorded,
           (SELECT count(*) FROM opted_out WHERE inserted) AS opted_out,
           (SELECT count(*) FROM opted_in) AS opted_in`);
  return { recorded: Number(row.recorded), optedOut: Number(row.opted_out), optedIn: Number(row.opted_in) };
}

/** Counts committed new opt-outs by source (one source per call in practice; "mixed" otherwise). */
function countNewOptOuts(changes: readonly ConsentChange[], count: number): void {
  if (count === 0) return;
  const sources = new Set(changes.filter((change) => change.action === "opt_out").map((change) => change.source));
  metrics.optOuts.inc({ source: sources.size === 1 ? [...sources][0] : "mixed" }, count);
}

/** Records consent changes in transactions of up to a thousand (an import may carry many). */
export async function recordConsent(changes: readonly ConsentChange[]): Promise<ConsentOutcome> {
  const total: ConsentOutcome = { recorded: 0, optedOut: 0, optedIn: 0 };
  for (let start = 0; start < changes.length; start += CHUNK_SIZE) {
    const chunk = changes.slice(start, start + CHUNK_SIZE);
    const outcome = await withPgTransaction((sql) => recordConsentIn(sql, chunk));
    total.recorded += outcome.recorded;
    total.optedOut += outcome.optedOut;
    countNewOptOuts(chunk, outcome.optedOut);
    total.optedIn += outcome.optedIn;
  }
  return total;
}
