import type { CountryCode } from "libphonenumber-js/max";
import { db, type Transaction } from "@/lib/db";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { announce } from "@/lib/notifications/announce";
import { loadPrefixRegistry } from "@/lib/phone/load-prefix-registry";
import { resolveRecipient } from "@/lib/phone/resolve-recipient";
import { enqueueBulk } from "@/lib/queue/enqueue";
import type { JobPayload } from "@/lib/queue/registry";

const log = logger.child({ component: "contacts.validate" });

type Client = Transaction | typeof db;

export interface ListCounts {
  total: number;
  valid: number;
  invalid: number;
  duplicates: number;
  pending: number;
}

/** Recounts a list from its rows (valid excludes duplicates) and stores the counts. */
export async function refreshListCounts(client: Client, listId: string): Promise<ListCounts> {
  const [row] = await client.$queryRaw<{ total: bigint; valid: bigint; invalid: bigint; duplicates: bigint; pending: bigint }[]>`
    SELECT count(*) AS total,
           count(*) FILTER (WHERE status = 'valid' AND NOT is_duplicate) AS valid,
           count(*) FILTER (WHERE status = 'invalid') AS invalid,
           count(*) FILTER (WHERE status = 'valid' AND is_duplicate) AS duplicates,
           count(*) FILTER (WHERE status = 'pending_validation') AS pending
    FROM contacts WHERE list_id = ${listId}::uuid`;
  const counts = { total: Number(row.total), valid: Number(row.valid), invalid: Number(row.invalid), duplicates: Number(row.duplicates), pending: Number(row.pending) };
  await client.$executeRaw`
    UPDATE contact_lists SET total_count = ${counts.total}, valid_count = ${counts.valid}, invalid_count = ${counts.invalid},
      duplicate_count = ${counts.duplicates}, pending_count = ${counts.pending}, updated_at = now()
    WHERE id = ${listId}::uuid`;
  return counts;
}

/**
 * Flags repeats of the same E.164 number within a list: the first occurrence (lowest id) stays the
 * contact, later ones are duplicates. `phones` narrows the work to the numbers that just changed.
 * Numbers are grouped bytewise (COLLATE "C"): equality is the same, and the sort is far cheaper.
 */
export async function flagDuplicates(client: Client, listId: string, phones?: readonly string[]): Promise<void> {
  if (phones) {
    const touched = phones.filter(Boolean);
    if (touched.length === 0) return;
    await client.$executeRaw`
      UPDATE contacts c SET is_duplicate = d.rn > 1, updated_at = now()
      FROM (SELECT id, row_number() OVER (PARTITION BY phone COLLATE "C" ORDER BY id) AS rn
            FROM contacts WHERE list_id = ${listId}::uuid AND status = 'valid' AND phone = ANY(${touched}::text[])) d
      WHERE c.id = d.id AND c.is_duplicate IS DISTINCT FROM (d.rn > 1)`;
    return;
  }
  await client.$executeRaw`
    UPDATE contacts c SET is_duplicate = d.rn > 1, updated_at = now()
    FROM (SELECT id, row_number() OVER (PARTITION BY phone COLLATE "C" ORDER BY id) AS rn
          FROM contacts WHERE list_id = ${listId}::uuid AND status = 'valid') d
    WHERE c.id = d.id AND c.is_duplicate IS DISTINCT FROM (d.rn > 1)`;
}

/**
 * Splits a list's pending contacts into id ranges of CONTACT_VALIDATION_CHUNK_SIZE rows and
 * enqueues one `contacts.validate` job per range, so many workers share a big list.
 * Returns the run id, which the API reports as the job id.
 */
export async function startValidationRun(listId: string): Promise<{ runId: string; status: "validating" | "ready"; chunks: number }> {
  const chunkSize = env.CONTACT_VALIDATION_CHUNK_SIZE;
  const bounds = await db.$queryRaw<{ from_id: bigint; to_id: bigint }[]>`
    SELECT min(id) AS from_id, max(id) AS to_id
    FROM (SELECT id, (row_number() OVER (ORDER BY id) - 1) / ${chunkSize} AS chunk
          FROM contacts WHERE list_id = ${listId}::uuid AND status = 'pending_validation') numbered
    GROUP BY chunk ORDER BY chunk`;
  const run = await db.$transaction(async (tx) => {
    const created = await tx.contactValidationRun.create({ data: { listId, chunksTotal: bounds.length }, select: { id: true } });
    await tx.contactList.update({ where: { id: listId }, data: { status: "validating", validatedAt: null } });
    await refreshListCounts(tx, listId);
    return created;
  });
  if (bounds.length === 0) {
    await finishValidationRun(listId, run.id);
    return { runId: run.id, status: "ready", chunks: 0 };
  }
  await enqueueBulk(
    "contactsValidate",
    bounds.map((bound, index) => ({
      payload: { listId, runId: run.id, fromId: bound.from_id.toString(), toId: bound.to_id.toString() },
      options: { jobId: `${run.id}-${index}`, attempts: 5, backoff: { type: "exponential", delay: 1_000 } },
    })),
  );
  log.info("validation started", { listId, runId: run.id, chunks: bounds.length });
  return { runId: run.id, status: "validating", chunks: bounds.length };
}

interface ChunkVerdicts {
  ids: string[];
  statuses: string[];
  phones: (string | null)[];
  countries: (string | null)[];
  operators: (string | null)[];
  reasons: (string | null)[];
}

/**
 * Validates one id range of a list: verdicts computed in memory, then ONE statement writes them,
 * adds them to the list's counts and counts the chunk as done. No interactive transaction: row
 * locks on the list and the run are held only for that statement, so many chunks proceed at once.
 */
export async function validateContactChunk(payload: JobPayload<"contactsValidate">): Promise<{ validated: number; finished: boolean }> {
  const [list] = await db.$queryRaw<{ default_country: string }[]>`
    SELECT a.default_country FROM contact_lists l JOIN accounts a ON a.id = l.account_id WHERE l.id = ${payload.listId}::uuid`;
  if (!list) return { validated: 0, finished: false };
  const registry = await loadPrefixRegistry();
  const started = Date.now();
  const rows = await db.$queryRaw<{ id: bigint; raw_phone: string }[]>`
    SELECT id, raw_phone FROM contacts
    WHERE list_id = ${payload.listId}::uuid AND id BETWEEN ${BigInt(payload.fromId)} AND ${BigInt(payload.toId)} AND status = 'pending_validation'`;
  const read = Date.now();

  const verdicts: ChunkVerdicts = { ids: [], statuses: [], phones: [], countries: [], operators: [], reasons: [] };
  const defaultCountry = list.default_country as CountryCode;
  for (const row of rows) {
    const result = resolveRecipient(row.raw_phone, defaultCountry, registry);
    verdicts.ids.push(row.id.toString());
    if (result.ok) {
      verdicts.statuses.push("valid");
      verdicts.phones.push(result.e164);
      verdicts.countries.push(result.country);
      verdicts.operators.push(result.operator);
      verdicts.reasons.push(null);
    } else {
      verdicts.statuses.push("invalid");
      verdicts.phones.push(null);
      verdicts.countries.push(null);
      verdicts.operators.push(null);
      verdicts.reasons.push(result.reason);
    }
  }

  const resolved = Date.now();
  const [progress] = await db.$queryRaw<{ updated: bigint; chunks_done: number | null; chunks_total: number | null }[]>`
    WITH verdicts AS (
      SELECT * FROM unnest(${verdicts.ids}::bigint[], ${verdicts.statuses}::text[], ${verdicts.phones}::text[], ${verdicts.countries}::text[],
                           ${verdicts.operators}::text[], ${verdicts.reasons}::text[]) AS v(id, status, phone, country, operator, reason)
    ), written AS (
      UPDATE contacts c SET status = v.status::"ContactStatus", phone = v.phone, country = v.country, operator = v.operator,
        reason = v.reason, is_duplicate = false, updated_at = now()
      FROM verdicts v
      WHERE c.id = v.id AND c.list_id = ${payload.listId}::uuid AND c.status = 'pending_validation'
      RETURNING c.status
    ), tally AS (
      SELECT count(*) AS updated, count(*) FILTER (WHERE status = 'valid') AS valid, count(*) FILTER (WHERE status = 'invalid') AS invalid FROM written
    ), counted AS (
      UPDATE contact_lists l SET pending_count = GREATEST(l.pending_count - t.updated, 0), valid_count = l.valid_count + t.valid,
        invalid_count = l.invalid_count + t.invalid, updated_at = now()
      FROM tally t WHERE l.id = ${payload.listId}::uuid AND t.updated > 0
    ), run AS (
      UPDATE contact_validation_runs SET chunks_done = chunks_done + 1 WHERE id = ${payload.runId}::uuid AND status = 'running'
      RETURNING chunks_done, chunks_total
    )
    SELECT (SELECT updated FROM tally) AS updated, run.chunks_done, run.chunks_total FROM (SELECT 1) one LEFT JOIN run ON true`;
  const validated = Number(progress.updated);
  log.debug("chunk validated", { listId: payload.listId, rows: rows.length, readMs: read - started, resolveMs: resolved - read, writeMs: Date.now() - resolved });
  const finished = progress.chunks_done !== null && progress.chunks_total !== null && progress.chunks_done >= progress.chunks_total;
  if (finished) await finishValidationRun(payload.listId, payload.runId);
  return { validated, finished };
}

/** Lists at least this big refresh the planner's statistics once validated (see below). */
const ANALYZE_AFTER_CONTACTS = 10_000;

/**
 * Completes a run exactly once (the conditional UPDATE picks one winner): flags duplicates,
 * recounts, marks the list ready, notifies the customer and emits `contact_list.validated`.
 * A big list then refreshes the contacts table's statistics: every row of it just changed
 * status, and with stale statistics the planner takes the list's valid contacts for a handful
 * and reads all of them for every chunk a campaign expands (seconds per chunk instead of ms).
 */
export async function finishValidationRun(listId: string, runId: string): Promise<void> {
  const total = await db.$transaction(
    async (tx) => {
      const claimed = await tx.$executeRaw`
        UPDATE contact_validation_runs SET status = 'completed', completed_at = now() WHERE id = ${runId}::uuid AND status = 'running'`;
      if (claimed === 0) return 0;
      // One pass over the whole list sorts every number: let it sort in memory, not on disk.
      await tx.$executeRaw`SET LOCAL work_mem = '256MB'`;
      await flagDuplicates(tx, listId);
      const counts = await refreshListCounts(tx, listId);
      const list = await tx.contactList.update({
        where: { id: listId },
        data: { status: "ready", validatedAt: new Date() },
        select: { accountId: true, name: true, validatedAt: true },
      });
      await announce(tx, {
        accountId: list.accountId,
        notification: {
          type: "contact_list.validated",
          title: `Contact list "${list.name}" is ready`,
          body: `${counts.valid} valid, ${counts.invalid} invalid, ${counts.duplicates} duplicates`,
          link: `/contacts/${listId}`,
        },
        event: {
          type: "contact_list.validated",
          data: { contactListId: listId, name: list.name, status: "ready", counts, validatedAt: list.validatedAt?.toISOString() },
        },
      });
      log.info("validation finished", { listId, runId, ...counts });
      return counts.total;
    },
    { timeout: 120_000 },
  );
  if (total < ANALYZE_AFTER_CONTACTS) return;
  // The list is ready either way; autovacuum would refresh the statistics later.
  await db.$executeRaw`ANALYZE contacts`.catch((error: unknown) => log.warn("could not analyze contacts", { listId, err: error }));
}
