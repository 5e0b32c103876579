// What a run must prove once the system is quiet, read from Postgres, the queues in Redis, the
// simulator's counters and the webhook receiver. Each check is strict: any stuck message, second
// final event, unbalanced account, missing webhook or stuck job fails the run.
import type pg from "pg";
import { type ConnectionOptions, type Job, Queue } from "bullmq";
import { type WebhookReceiver } from "@/bench/chaos/receiver";

export const FINAL_STATUSES = ["delivered", "failed", "expired", "undeliverable", "rejected"];
const FINAL_LIST = FINAL_STATUSES.map((status) => `'${status}'`).join(",");

export interface Check {
  name: string;
  ok: boolean;
  detail: Record<string, unknown>;
}

export interface Progress {
  messages: number;
  byStatus: Record<string, number>;
  notFinal: number;
  webhookDeliveriesOpen: number;
  campaignsOpen: number;
  receivedFinals: number;
}

export async function progress(pool: pg.Pool, receiver: WebhookReceiver): Promise<Progress> {
  const statuses = await pool.query<{ status: string; count: string }>("SELECT status::text, count(*) FROM messages GROUP BY status");
  const byStatus = Object.fromEntries(statuses.rows.map((row) => [row.status, Number(row.count)]));
  const messages = Object.values(byStatus).reduce((sum, count) => sum + count, 0);
  const notFinal = ["submitted", "queued", "sent"].reduce((sum, status) => sum + (byStatus[status] ?? 0), 0);
  const deliveries = await pool.query<{ count: string }>("SELECT count(*) FROM webhook_deliveries WHERE status = 'pending'");
  const campaigns = await pool.query<{ count: string }>("SELECT count(*) FROM campaigns WHERE status NOT IN ('completed', 'cancelled', 'rejected')");
  return {
    messages,
    byStatus,
    notFinal,
    webhookDeliveriesOpen: Number(deliveries.rows[0].count),
    campaignsOpen: Number(campaigns.rows[0].count),
    receivedFinals: receiver.finals.size,
  };
}

function quiet(now: Progress): boolean {
  return now.notFinal === 0 && now.webhookDeliveriesOpen === 0 && now.campaignsOpen === 0 && now.receivedFinals >= now.messages;
}

/**
 * Waits until every message is final, every webhook delivered and every campaign finished, or until
 * nothing has moved for `stallSeconds` (longer than the reconcilers' periods), or `timeoutSeconds`.
 */
export async function waitForQuiescence(pool: pg.Pool, receiver: WebhookReceiver, options: { timeoutSeconds: number; stallSeconds: number; log: (line: string) => void }) {
  const started = Date.now();
  let last = await progress(pool, receiver);
  let lastChange = Date.now();
  let lastLog = 0;
  for (;;) {
    const now = await progress(pool, receiver);
    if (quiet(now)) return { quiet: true, seconds: (Date.now() - started) / 1000, progress: now };
    if (JSON.stringify(now) !== JSON.stringify(last)) {
      last = now;
      lastChange = Date.now();
    }
    if (Date.now() - lastLog > 10_000) {
      lastLog = Date.now();
      options.log(`settling: ${JSON.stringify(now)}`);
    }
    const stalled = (Date.now() - lastChange) / 1000 > options.stallSeconds;
    if (stalled || (Date.now() - started) / 1000 > options.timeoutSeconds) {
      return { quiet: false, stalled, seconds: (Date.now() - started) / 1000, progress: now };
    }
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
}

async function rows<T extends pg.QueryResultRow>(pool: pg.Pool, sql: string, values: unknown[] = []): Promise<T[]> {
  return (await pool.query<T>(sql, values)).rows;
}

export async function checkMessages(pool: pg.Pool, accepted: string[]): Promise<Check[]> {
  const acceptedMissing = (await rows<{ id: string }>(pool, "SELECT a.id FROM unnest($1::uuid[]) AS a(id) LEFT JOIN messages m ON m.id = a.id WHERE m.id IS NULL", [accepted])).map((row) => row.id);
  const notFinal = await rows<{ status: string; count: string; sample: string[] }>(
    pool,
    `SELECT status::text, count(*), (array_agg(id::text ORDER BY id))[1:5] AS sample FROM messages WHERE status NOT IN (${FINAL_LIST}) GROUP BY status`,
  );
  const finalEvents = await rows<{ messages: string; events: string; many: string; none: string }>(
    pool,
    `SELECT count(*) AS messages, coalesce(sum(n), 0) AS events, count(*) FILTER (WHERE n > 1) AS many, count(*) FILTER (WHERE n = 0) AS none
       FROM (SELECT m.id, (SELECT count(*) FROM message_events e WHERE e.message_id = m.id AND e.status IN (${FINAL_LIST})) AS n
               FROM messages m WHERE m.status IN (${FINAL_LIST})) AS per_message`,
  );
  const stray = await rows<{ count: string }>(pool, `SELECT count(DISTINCT e.message_id) FROM message_events e JOIN messages m ON m.id = e.message_id WHERE e.status IN (${FINAL_LIST}) AND m.status NOT IN (${FINAL_LIST})`);
  const chargeOpen = await rows<{ count: string }>(pool, `SELECT count(*) FROM messages WHERE status IN (${FINAL_LIST}) AND charge_state = 'reserved'`);
  const events = finalEvents[0];
  return [
    { name: "every accepted message is stored", ok: acceptedMissing.length === 0, detail: { accepted: accepted.length, missing: acceptedMissing.length, sample: acceptedMissing.slice(0, 5) } },
    {
      name: "every message is final",
      ok: notFinal.length === 0,
      detail: { notFinal: Object.fromEntries(notFinal.map((row) => [row.status, { count: Number(row.count), sample: row.sample }])) },
    },
    {
      name: "exactly one final event per final message",
      ok: Number(events.many) === 0 && Number(events.none) === 0 && Number(stray[0].count) === 0,
      detail: { finalMessages: Number(events.messages), finalEvents: Number(events.events), withSeveral: Number(events.many), withNone: Number(events.none), finalEventOnNonFinalMessage: Number(stray[0].count) },
    },
    { name: "no final message keeps a reservation", ok: Number(chargeOpen[0].count) === 0, detail: { finalStillReserved: Number(chargeOpen[0].count) } },
  ];
}

export async function checkLedgers(pool: pg.Pool): Promise<Check> {
  const { checkLedger } = await import("@/lib/credits/check-ledger");
  const accounts = await rows<{ id: string }>(pool, "SELECT id FROM accounts ORDER BY id");
  const problems: Record<string, string[]> = {};
  let reserved = 0n;
  for (const { id } of accounts) {
    const check = await checkLedger(id);
    reserved += check.account.reserved;
    if (check.account.reserved !== 0n) check.problems.push(`still reserved: ${check.account.reserved}`);
    if (check.problems.length > 0) problems[id] = check.problems;
  }
  return { name: "every account's ledger balances and nothing stays reserved", ok: Object.keys(problems).length === 0, detail: { accounts: accounts.length, reserved: Number(reserved), problems } };
}

export async function checkWebhooks(pool: pg.Pool, receiver: WebhookReceiver): Promise<Check> {
  const finals = await rows<{ id: string; status: string }>(pool, `SELECT id::text, status::text FROM messages WHERE status IN (${FINAL_LIST})`);
  let missing = 0;
  let wrongType = 0;
  const sample: string[] = [];
  for (const message of finals) {
    const type = receiver.finals.get(message.id);
    if (type === undefined) {
      missing += 1;
      if (sample.length < 5) sample.push(message.id);
    } else if (type !== `message.${message.status}`) wrongType += 1;
  }
  const undelivered = await rows<{ status: string; count: string }>(pool, "SELECT status::text, count(*) FROM webhook_deliveries WHERE status <> 'succeeded' GROUP BY status");
  return {
    name: "every final event reached the webhook receiver",
    ok: missing === 0 && wrongType === 0 && undelivered.length === 0 && receiver.secondFinals === 0,
    detail: {
      finalMessages: finals.length,
      received: receiver.finals.size,
      missing,
      missingSample: sample,
      wrongType,
      secondFinalEventsReceived: receiver.secondFinals,
      deliveriesNotDelivered: Object.fromEntries(undelivered.map((row) => [row.status, Number(row.count)])),
      requests: receiver.requests,
      events: receiver.events,
      redeliveredEvents: receiver.redelivered,
    },
  };
}

/** Our side of "sent twice": messages with more than one attempt the provider accepted (send_attempts). */
export async function acceptedTwice(pool: pg.Pool): Promise<Record<string, number>> {
  const [row] = await rows<{ campaign: string; single: string }>(
    pool,
    `SELECT count(*) FILTER (WHERE m.campaign_id IS NOT NULL) AS campaign, count(*) FILTER (WHERE m.campaign_id IS NULL) AS single
       FROM (SELECT message_id FROM send_attempts WHERE outcome = 'sent' GROUP BY message_id HAVING count(*) > 1) AS twice
       JOIN messages m ON m.id = twice.message_id`,
  );
  return { campaignMessages: Number(row.campaign), singleMessages: Number(row.single) };
}

export interface DuplicateEvidence {
  /** When the first copy of each duplicate was accepted (the simulator's /admin/duplicates), epoch ms. */
  firstAcceptedAt: number[];
  /** When each worker SIGKILL landed, epoch ms. */
  workerKilledAt: number[];
  /** How long before a kill a send may have been accepted and still not recorded: the provider timeout plus the commit. */
  inFlightMs: number;
  /** What one worker can have at the provider at once (SEND_GROUPS_IN_FLIGHT × SEND_COMMIT_GROUP_SIZE). */
  inFlightPerWorker: number;
}

/**
 * Messages sent twice to the provider. A provider API without idempotency keys makes a send whose
 * answer was in flight when its worker was SIGKILLed unknowable: it is sent again (at-least-once).
 * Such repeats are told from all others by time — the first copy was accepted in the `inFlightMs`
 * before a kill (or just after: the provider still reads what the dead worker had written) — and
 * checked against the design's bound of what a worker has in flight. Every other repeat is the
 * platform's own fault and must stay within the goal (0.1 % of messages); our own records must show
 * no message accepted twice.
 */
export function checkProviderDuplicates(stats: Record<string, unknown>, ours: Record<string, number>, evidence: DuplicateEvidence, limit = 0.001): Check {
  const accepted = Number(stats.accepted ?? 0);
  const duplicates = Number(stats.duplicateSends ?? NaN);
  const cutOffByKill = (at: number) => evidence.workerKilledAt.some((killedAt) => at >= killedAt - evidence.inFlightMs && at <= killedAt + 1_000);
  const byKill = evidence.firstAcceptedAt.filter(cutOffByKill).length;
  // Duplicates beyond the listed ones (the simulator lists 200,000) count as unexplained.
  const unexplained = duplicates - byKill;
  const kills = evidence.workerKilledAt.length;
  const bound = kills * evidence.inFlightPerWorker;
  const oursTwice = Object.values(ours).reduce((sum, count) => sum + count, 0);
  const ratio = accepted > 0 ? duplicates / accepted : 0;
  return {
    name: `messages sent twice to the provider: none by our records, ≤ ${limit * 100} % other than sends cut off by a worker kill, those within what a worker has in flight`,
    ok: Number.isFinite(duplicates) && oursTwice === 0 && unexplained <= limit * accepted && byKill <= bound,
    detail: {
      accepted,
      duplicateSends: duplicates,
      ratio: Number(ratio.toFixed(6)),
      goalMet: ratio <= limit,
      cutOffByWorkerKill: byKill,
      workerKills: kills,
      perKill: kills > 0 ? Math.round((byKill / kills) * 10) / 10 : 0,
      perKillBound: evidence.inFlightPerWorker,
      unexplained,
      messagesWithSeveralAcceptedAttempts: ours,
      simulator: stats,
    },
  };
}

/** Why a queue's failed jobs failed: each distinct reason (its first line) with how many of the newest 500 gave it. */
async function failedReasonsOf(queue: Queue): Promise<Record<string, number>> {
  const reasons: Record<string, number> = {};
  for (const job of await queue.getFailed(0, 499)) {
    const reason = (job?.failedReason ?? "(none)").split("\n")[0].slice(0, 200);
    reasons[reason] = (reasons[reason] ?? 0) + 1;
  }
  return reasons;
}

interface QueueSnapshot {
  stuck: number;
  perQueue: Record<string, Record<string, number>>;
  failedReasons: Record<string, Record<string, number>>;
}

/** Open jobs of every queue now: a periodic schedule's run that happens to be running or due is not work left behind. */
async function snapshotQueues(connection: ConnectionOptions, prefix: string): Promise<QueueSnapshot> {
  const { queues } = await import("@/lib/queue/registry");
  const snapshot: QueueSnapshot = { stuck: 0, perQueue: {}, failedReasons: {} };
  for (const definition of Object.values(queues)) {
    const queue = new Queue(definition.name, { connection, prefix });
    try {
      const counts = await queue.getJobCounts("waiting", "prioritized", "waiting-children", "failed");
      const periodic = (job: Job | undefined) => String(job?.id ?? "").startsWith("repeat:");
      const active = (await queue.getActive(0, -1)).filter((job) => !periodic(job)).length;
      const delayed = (await queue.getDelayed(0, -1)).filter((job) => !periodic(job)).length;
      const open = active + counts.waiting + counts.prioritized + counts["waiting-children"] + delayed;
      snapshot.stuck += open;
      if (open + counts.failed > 0) snapshot.perQueue[definition.name] = { ...counts, activeNonPeriodic: active, delayedNonPeriodic: delayed };
      if (counts.failed > 0) snapshot.failedReasons[definition.name] = await failedReasonsOf(queue);
    } finally {
      await queue.close();
    }
  }
  return snapshot;
}

/**
 * Jobs still waiting, running or delayed (other than the periodic schedulers' runs) in every queue.
 * Looked at up to five times a second apart: a one-off nudge (the webhook relay's) may be running at
 * the moment of a look, while work left behind is there every time.
 */
export async function checkQueues(redisUrl: string, prefix: string, pool: pg.Pool): Promise<Check> {
  const { Redis } = await import("ioredis");
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  let snapshot: QueueSnapshot;
  try {
    snapshot = await snapshotQueues(connection, prefix);
    for (let look = 1; look < 5 && snapshot.stuck > 0; look++) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      snapshot = await snapshotQueues(connection, prefix);
    }
  } finally {
    connection.disconnect();
  }
  const { stuck, perQueue, failedReasons } = snapshot;
  const dlrDead = await rows<{ count: string }>(pool, "SELECT count(*) FROM dlr_dead_letters");
  const messageDead = await rows<{ count: string }>(pool, "SELECT count(*) FROM message_dead_letters");
  return {
    name: "no job left waiting, running or delayed",
    ok: stuck === 0,
    detail: { stuck, perQueue, failedReasons, dlrDeadLetters: Number(dlrDead[0].count), messageDeadLetters: Number(messageDead[0].count) },
  };
}
