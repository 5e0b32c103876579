import type { CountryCode } from "libphonenumber-js/max";
import { db, Prisma, withPgTransaction, type Transaction } from "@/lib/db";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { announce } from "@/lib/notifications/announce";
import { copyOut, copyRows, copyText, CopyTextBuilder, forEachCopyPair, fromCopyText } from "@/lib/pg-copy";
import { loadPrefixRegistry } from "@/lib/phone/load-prefix-registry";
import { resolveRecipient } from "@/lib/phone/resolve-recipient";
import { enqueueBulk, getQueue } from "@/lib/queue/enqueue";
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

/** Recounts a list from its rows (valid excludes duplicates; pending = contacts without a verdict) and stores the counts. */
export async function refreshListCounts(client: Client, listId: string): Promise<ListCounts> {
  const [row] = await client.$queryRaw<{ total: bigint; valid: bigint; invalid: bigint; duplicates: bigint }[]>`
    SELECT (SELECT count(*) FROM contacts WHERE list_id = ${listId}::uuid) AS total,
           count(*) FILTER (WHERE status = 'valid' AND NOT is_duplicate) AS valid,
           count(*) FILTER (WHERE status = 'invalid') AS invalid,
           count(*) FILTER (WHERE status = 'valid' AND is_duplicate) AS duplicates
    FROM contact_verdicts WHERE list_id = ${listId}::uuid`;
  const total = Number(row.total);
  const valid = Number(row.valid);
  const invalid = Number(row.invalid);
  const duplicates = Number(row.duplicates);
  const counts = { total, valid, invalid, duplicates, pending: Math.max(total - valid - invalid - duplicates, 0) };
  await client.$executeRaw`
    UPDATE contact_lists SET total_count = ${counts.total}, valid_count = ${counts.valid}, invalid_count = ${counts.invalid},
      duplicate_count = ${counts.duplicates}, pending_count = ${counts.pending}, updated_at = now()
    WHERE id = ${listId}::uuid`;
  return counts;
}

/**
 * Which verdicts a duplicate pass looks at: the numbers that just changed, or one of `of` slices
 * of the list split by the last digit of the number (a number's copies share their last digit, so
 * slices can be flagged independently, in parallel).
 */
export type DuplicateScope = { phones: readonly string[] } | { slice: number; of: number };

/**
 * Flags repeats of the same E.164 number within a list: the first occurrence (lowest contact id)
 * stays the contact, later ones are duplicates. Only verdicts whose flag changes are written,
 * found by key, and the list's valid/duplicate counts move by the same amount in the same
 * statement. The target flag is re-checked on each row as it is locked, so two passes over the
 * same numbers at once never count a change twice. Numbers are grouped bytewise (COLLATE "C").
 */
export async function flagDuplicates(client: Client, listId: string, scope: DuplicateScope): Promise<void> {
  if ("phones" in scope && scope.phones.length === 0) return;
  const numbers = "phones" in scope
    ? Prisma.sql`AND phone = ANY(${scope.phones}::text[])`
    : Prisma.sql`AND (ascii(right(phone, 1)) - 48) % ${scope.of} = ${scope.slice}`;
  const changes = await client.$queryRaw<{ contact_id: bigint; duplicate: boolean }[]>`
    SELECT contact_id, duplicate FROM (
      SELECT contact_id, is_duplicate, row_number() OVER (PARTITION BY phone COLLATE "C" ORDER BY contact_id) > 1 AS duplicate
      FROM contact_verdicts WHERE list_id = ${listId}::uuid AND status = 'valid' ${numbers}
    ) numbered
    WHERE duplicate IS DISTINCT FROM is_duplicate`;
  if (changes.length === 0) return;
  await client.$executeRaw`
    WITH flipped AS (
      UPDATE contact_verdicts v SET is_duplicate = c.duplicate
      FROM unnest(${changes.map((change) => change.contact_id)}::bigint[], ${changes.map((change) => change.duplicate)}::boolean[]) AS c(contact_id, duplicate)
      WHERE v.list_id = ${listId}::uuid AND v.contact_id = c.contact_id AND v.status = 'valid' AND v.is_duplicate IS DISTINCT FROM c.duplicate
      RETURNING v.is_duplicate
    )
    UPDATE contact_lists l SET valid_count = l.valid_count - d.delta, duplicate_count = l.duplicate_count + d.delta, updated_at = now()
    FROM (SELECT COALESCE(sum(CASE WHEN is_duplicate THEN 1 ELSE -1 END), 0)::int AS delta FROM flipped) d
    WHERE l.id = ${listId}::uuid AND d.delta <> 0`;
}

/** Slices of a big list flagged at once when a run finishes (one connection each). */
const DUPLICATE_SLICES = 2;

function chunkJobId(runId: string, chunk: number): string {
  return `${runId}-${chunk}`;
}

async function enqueueChunks(listId: string, runId: string, chunks: { chunk: number; fromId: bigint; toId: bigint }[]): Promise<void> {
  await enqueueBulk(
    "contactsValidate",
    chunks.map(({ chunk, fromId, toId }) => ({
      payload: { listId, runId, chunk, fromId: fromId.toString(), toId: toId.toString() },
      options: { jobId: chunkJobId(runId, chunk) },
    })),
  );
}

/**
 * Splits the list's pending contacts (those without a verdict) into id ranges of
 * CONTACT_VALIDATION_CHUNK_SIZE and enqueues one `contacts.validate` job per range, so many
 * workers share a big list. The ranges are kept on the run, so a lost job can be enqueued again.
 * Returns the run id, which the API reports as the job id.
 */
export async function startValidationRun(
  listId: string,
  chunkSize: number = env.CONTACT_VALIDATION_CHUNK_SIZE,
): Promise<{ runId: string; status: "validating" | "ready"; chunks: number }> {
  const bounds = await db.$queryRaw<{ from_id: bigint; to_id: bigint }[]>`
    SELECT min(id) AS from_id, max(id) AS to_id
    FROM (SELECT c.id, (row_number() OVER (ORDER BY c.id) - 1) / ${chunkSize} AS chunk
          FROM contacts c
          WHERE c.list_id = ${listId}::uuid
            AND NOT EXISTS (SELECT 1 FROM contact_verdicts v WHERE v.list_id = c.list_id AND v.contact_id = c.id)) numbered
    GROUP BY chunk ORDER BY chunk`;
  const run = await db.$transaction(async (tx) => {
    const created = await tx.contactValidationRun.create({
      data: { listId, chunksTotal: bounds.length, chunkStarts: bounds.map((bound) => bound.from_id), chunkEnds: bounds.map((bound) => bound.to_id) },
      select: { id: true },
    });
    await tx.contactList.update({ where: { id: listId }, data: { status: "validating", validatedAt: null } });
    await refreshListCounts(tx, listId);
    return created;
  });
  if (bounds.length === 0) {
    await finishValidationRun(listId, run.id);
    return { runId: run.id, status: "ready", chunks: 0 };
  }
  try {
    await enqueueChunks(listId, run.id, bounds.map((bound, chunk) => ({ chunk, fromId: bound.from_id, toId: bound.to_id })));
  } catch (error) {
    // The run is in Postgres: the reconciler enqueues its chunks once Redis answers again.
    log.error("could not enqueue validation chunks; the reconciler will", { listId, runId: run.id, err: error });
  }
  log.info("validation started", { listId, runId: run.id, chunks: bounds.length });
  return { runId: run.id, status: "validating", chunks: bounds.length };
}

const operatorFields = new Map<string, string>();

/** An operator name as a COPY field: names come from the prefix registry, so escaping is memoised. */
function operatorField(operator: string): string {
  let field = operatorFields.get(operator);
  if (field === undefined) {
    field = copyText(operator);
    operatorFields.set(operator, field);
  }
  return field;
}

interface ChunkRun {
  default_country: string;
  status: string;
}

/**
 * Validates one id range of a list, in one transaction: reads the range's contacts that have no
 * verdict yet, resolves every number in memory, appends the verdicts (COPY), adds them to the
 * list's counts and marks the chunk done. A chunk that runs twice (a retried or re-enqueued job)
 * finds its contacts already judged and its index already counted, so it changes nothing.
 */
export async function validateContactChunk(payload: JobPayload<"contactsValidate">): Promise<{ validated: number; finished: boolean }> {
  const [run] = await db.$queryRaw<ChunkRun[]>`
    SELECT a.default_country, r.status
    FROM contact_validation_runs r JOIN contact_lists l ON l.id = r.list_id JOIN accounts a ON a.id = l.account_id
    WHERE r.id = ${payload.runId}::uuid AND r.list_id = ${payload.listId}::uuid`;
  if (!run || run.status !== "running") return { validated: 0, finished: false };
  const registry = await loadPrefixRegistry();
  const defaultCountry = run.default_country as CountryCode;

  const outcome = await withPgTransaction(async (sql, client) => {
    const started = Date.now();
    // A list deleted meanwhile takes its run with it; this share lock makes that delete wait for our commit.
    const [live] = await sql.query<{ status: string }>(Prisma.sql`
      SELECT status FROM contact_validation_runs WHERE id = ${payload.runId}::uuid AND status = 'running' FOR KEY SHARE`);
    if (!live) return { validated: 0, progress: null };
    // A chunk's contacts usually have no verdicts yet (a fresh upload): then the per-row check for an
    // existing verdict, a third of the read's cost, is skipped. Re-validation and retried chunks keep it.
    const judgedBefore = await sql.query(Prisma.sql`
      SELECT 1 FROM contact_verdicts WHERE list_id = ${payload.listId}::uuid AND contact_id BETWEEN ${payload.fromId}::bigint AND ${payload.toId}::bigint LIMIT 1`);
    const unjudged = judgedBefore.length === 0
      ? ""
      : "AND NOT EXISTS (SELECT 1 FROM contact_verdicts v WHERE v.list_id = c.list_id AND v.contact_id = c.id)";
    // COPY takes no parameters: the list id is a uuid and the bounds are digits (checked by the job schema).
    const text = await copyOut(
      client,
      `COPY (SELECT c.id, c.raw_phone FROM contacts c
             WHERE c.list_id = '${payload.listId}' AND c.id BETWEEN ${payload.fromId} AND ${payload.toId} ${unjudged}
             ORDER BY c.id) TO STDOUT`,
    );
    const read = Date.now();
    let judged = 0;
    let valid = 0;
    const verdicts = new CopyTextBuilder(text.length * 4 + 1024);
    const prefix = `${payload.listId}\t`;
    forEachCopyPair(text, (id, rawPhone) => {
      judged++;
      const result = resolveRecipient(fromCopyText(rawPhone) ?? "", defaultCountry, registry);
      verdicts.raw(prefix).raw(id);
      if (result.ok) {
        valid++;
        verdicts.raw("\tvalid\t").raw(result.e164).raw("\t").raw(result.country).raw("\t").raw(operatorField(result.operator)).raw("\t\\N\n");
      } else {
        verdicts.raw("\tinvalid\t\\N\t\\N\t\\N\t").raw(result.reason).raw("\n");
      }
    });
    const resolved = Date.now();
    if (!verdicts.empty) {
      await copyRows(client, "COPY contact_verdicts (list_id, contact_id, status, phone, country, operator, reason) FROM STDIN", verdicts);
    }
    const [progress] = await sql.query<{ chunks_done: number; chunks_total: number }>(Prisma.sql`
      WITH run AS (
        UPDATE contact_validation_runs
        SET completed_chunks = array_append(completed_chunks, ${payload.chunk}::int), chunks_done = chunks_done + 1, updated_at = now()
        WHERE id = ${payload.runId}::uuid AND NOT (${payload.chunk}::int = ANY (completed_chunks))
        RETURNING chunks_done, chunks_total
      ), counted AS (
        UPDATE contact_lists SET pending_count = GREATEST(pending_count - ${judged}::int, 0), valid_count = valid_count + ${valid}::int,
          invalid_count = invalid_count + ${judged - valid}::int, updated_at = now()
        WHERE id = ${payload.listId}::uuid AND ${judged}::int > 0
      )
      SELECT chunks_done, chunks_total FROM run`);
    log.debug("chunk validated", { listId: payload.listId, chunk: payload.chunk, rows: judged, readMs: read - started, resolveMs: resolved - read, writeMs: Date.now() - resolved });
    return { validated: judged, progress: progress ?? null };
  });
  const finished = outcome.progress !== null && outcome.progress.chunks_done >= outcome.progress.chunks_total;
  if (finished) await finishValidationRun(payload.listId, payload.runId);
  return { validated: outcome.validated, finished };
}

/** Lists at least this big refresh the planner's statistics once validated (see below). */
const ANALYZE_AFTER_CONTACTS = 10_000;

/**
 * Completes a run exactly once (the conditional UPDATE picks one winner): flags duplicates,
 * marks the list ready, notifies the customer and emits `contact_list.validated`.
 * A big list then refreshes the verdict table's statistics: with stale ones the planner takes the
 * list's valid contacts for a handful and reads all of them for every chunk a campaign expands.
 */
export async function finishValidationRun(listId: string, runId: string): Promise<void> {
  const [run] = await db.$queryRaw<{ status: string }[]>`SELECT status FROM contact_validation_runs WHERE id = ${runId}::uuid`;
  if (run?.status !== "running") return;
  // Duplicates first, slice by slice in parallel: each slice sorts only its numbers, and keeps the
  // list's counts exact as it goes, so running this twice (two finishers racing) changes nothing.
  await Promise.all(
    Array.from({ length: DUPLICATE_SLICES }, (_, slice) =>
      db.$transaction(async (tx) => {
        await tx.$executeRaw`SET LOCAL work_mem = '256MB'`;
        await flagDuplicates(tx, listId, { slice, of: DUPLICATE_SLICES });
      }, { timeout: 120_000 }),
    ),
  );
  const total = await db.$transaction(
    async (tx) => {
      const claimed = await tx.$executeRaw`
        UPDATE contact_validation_runs SET status = 'completed', completed_at = now(), updated_at = now()
        WHERE id = ${runId}::uuid AND status = 'running'`;
      if (claimed === 0) return 0;
      // The counts were kept exact by every chunk and duplicate slice: no recount of the list.
      const list = await tx.contactList.update({
        where: { id: listId },
        data: { status: "ready", validatedAt: new Date() },
        select: { accountId: true, name: true, validatedAt: true, totalCount: true, validCount: true, invalidCount: true, duplicateCount: true, pendingCount: true },
      });
      const counts: ListCounts = { total: list.totalCount, valid: list.validCount, invalid: list.invalidCount, duplicates: list.duplicateCount, pending: list.pendingCount };
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
  await db.$executeRaw`ANALYZE contact_verdicts`.catch((error: unknown) => log.warn("could not analyze contact_verdicts", { listId, err: error }));
}

interface StalledRun {
  id: string;
  list_id: string;
  chunks_total: number;
  chunk_starts: bigint[];
  chunk_ends: bigint[];
  completed_chunks: number[];
}

/**
 * Postgres is the truth for validation too: a run that made no progress for
 * RECONCILE_AFTER_SECONDS gets its missing chunks enqueued again (same job ids, so a job still
 * waiting in Redis is not duplicated; a job that used up its attempts is retried), and a run whose
 * chunks are all written but which never finished (a crash in between) is finished.
 * Returns the number of runs it acted on.
 */
export async function reconcileValidationRuns(stalledForSeconds: number = env.RECONCILE_AFTER_SECONDS): Promise<number> {
  const stalled = await db.$queryRaw<StalledRun[]>`
    SELECT id, list_id, chunks_total, chunk_starts, chunk_ends, completed_chunks FROM contact_validation_runs
    WHERE status = 'running' AND updated_at < now() - make_interval(secs => ${stalledForSeconds})
    ORDER BY updated_at LIMIT 100`;
  const queue = getQueue("contactsValidate");
  for (const run of stalled) {
    const done = new Set(run.completed_chunks);
    if (done.size >= run.chunks_total) {
      await finishValidationRun(run.list_id, run.id);
      continue;
    }
    const missing = run.chunk_starts
      .map((fromId, chunk) => ({ chunk, fromId, toId: run.chunk_ends[chunk] }))
      .filter(({ chunk }) => !done.has(chunk));
    const lost: typeof missing = [];
    for (const chunk of missing) {
      const job = await queue.getJob(chunkJobId(run.id, chunk.chunk));
      if (!job) lost.push(chunk);
      else if (await job.isFailed()) await job.retry();
    }
    await enqueueChunks(run.list_id, run.id, lost);
    await db.$executeRaw`UPDATE contact_validation_runs SET updated_at = now() WHERE id = ${run.id}::uuid`;
    log.warn("re-enqueued a stalled validation run", { listId: run.list_id, runId: run.id, missing: missing.length, lost: lost.length });
  }
  return stalled.length;
}
