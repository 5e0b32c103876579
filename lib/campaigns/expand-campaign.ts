import { db, Prisma, type Transaction } from "@/lib/db";
import { env } from "@/lib/env";
import { countSegments } from "@/lib/content/encoding";
import { AppError } from "@/lib/http/errors";
import { logger } from "@/lib/logger";
import { countDailySpend } from "@/lib/credits/count-daily-spend";
import { releaseCredits, reserveCredits } from "@/lib/credits/movements";
import { enqueuePacedBatches, paceChunk, plannedSendTimes } from "@/lib/campaigns/pace-campaign";
import { announce } from "@/lib/notifications/announce";
import { loadRateCard, type RateCard } from "@/lib/pricing/get-rate-card";
import { enqueueMessageBatches } from "@/lib/sending/send-batch";
import type { MessagePriority } from "@/lib/generated/prisma/enums";
import { hasPlaceholders } from "@/lib/campaigns/personalise";
import { optedOutRecipientCount } from "@/lib/contacts/contact-sql";
import { campaignRecipients, insertPersonalisedChunk, insertUniformChunk, personalisedContacts, renderMessages, type ChunkCampaign } from "@/lib/campaigns/insert-campaign-chunk";
import { recordTallies } from "@/lib/messages/transitions/status-tally";

const log = logger.child({ component: "campaigns.expand" });

const CHUNK_TIMEOUT_MS = 5 * 60_000;

interface CampaignRow extends ChunkCampaign {
  name: string;
  reserved_amount: bigint;
  estimated_cost: bigint;
  message_count: number;
  /** Per slice of the list: the last contact expanded (the resume point) and the slice's last contact. */
  expansion_cursors: bigint[];
  expansion_ends: bigint[];
  status: string;
  send_rate_per_minute: number | null;
  queued_at: Date | null;
  send_at: Date | null;
  account_timezone: string;
  quiet_hours_start: string | null;
  quiet_hours_end: string | null;
}

const CAMPAIGN_COLUMNS = Prisma.sql`id, account_id, contact_list_id, name, "from", body, priority::text AS priority, message_class::text AS message_class, callback_url, callback_events,
  custom_payload, reserved_amount, estimated_cost, message_count, expansion_cursors, expansion_ends, status::text AS status,
  recipients_through, send_rate_per_minute, queued_at, send_at,
  (SELECT a.timezone FROM accounts a WHERE a.id = campaigns.account_id) AS account_timezone,
  (SELECT a.quiet_hours_start FROM accounts a WHERE a.id = campaigns.account_id) AS quiet_hours_start,
  (SELECT a.quiet_hours_end FROM accounts a WHERE a.id = campaigns.account_id) AS quiet_hours_end`;

/** Expansion has started (and not finished) once the campaign has slices. */
function expanding(campaign: CampaignRow): boolean {
  return campaign.expansion_cursors.length > 0;
}

export interface ExpansionResult {
  campaignId: string;
  messages: number;
  /** Valid numbers of the list skipped because they had opted out when the campaign was expanded. */
  optedOut: number;
  cost: number;
  estimatedCost: number;
  status: "queued" | "completed" | "rejected";
}

export interface ExpansionProgress {
  campaignId: string;
  /** Messages committed so far by every slice (this chunk included). */
  messages: number;
  slice: number;
  lastContactId: bigint;
}

export interface ExpansionOptions {
  /** Contacts per committed chunk (CAMPAIGN_EXPANSION_CHUNK_SIZE). */
  chunkSize?: number;
  /** Slices of the list expanded at once, each on its own connection (CAMPAIGN_EXPANSION_CONCURRENCY). */
  concurrency?: number;
  /** Called after each chunk is committed and its send jobs are enqueued. */
  onChunkCommitted?: (progress: ExpansionProgress) => void | Promise<void>;
}

/**
 * The campaign if expansion may (still) run: queued, holding its reservation or being expanded.
 * `lock` takes FOR NO KEY UPDATE, not FOR UPDATE: every message a chunk inserts holds a key-share
 * lock on its campaign (the foreign key), which FOR UPDATE would wait for, and deadlock with.
 */
async function readExpandable(client: Transaction | typeof db, campaignId: string, lock: boolean): Promise<CampaignRow | null> {
  const [campaign] = await client.$queryRaw<CampaignRow[]>`
    SELECT ${CAMPAIGN_COLUMNS} FROM campaigns WHERE id = ${campaignId}::uuid ${lock ? Prisma.sql`FOR NO KEY UPDATE` : Prisma.empty}`;
  // A campaign not yet expanded holds its whole reservation; one being expanded has slices; an
  // expanded one has neither, which is what makes expansion run once.
  if (!campaign || campaign.status !== "queued") return null;
  if (!expanding(campaign) && campaign.reserved_amount <= 0n) return null;
  return campaign;
}

/** The exact cost of the messages the campaign will create, computed without writing anything. */
async function exactCost(campaign: CampaignRow, rateCard: RateCard, chunkSize: number): Promise<bigint> {
  if (!campaign.contact_list_id) return 0n;
  if (!hasPlaceholders(campaign.body)) {
    const { segments } = countSegments(campaign.body);
    const networks = await db.$queryRaw<{ country: string; operator: string; recipients: bigint }[]>`
      SELECT v.country, v.operator, count(*) AS recipients FROM ${campaignRecipients(campaign, 0n)} GROUP BY v.country, v.operator`;
    return networks.reduce((sum, network) => sum + network.recipients * BigInt(rateCard.rateFor(network.country, network.operator) * segments), 0n);
  }
  let cost = 0n;
  let after = 0n;
  for (;;) {
    const contacts = await personalisedContacts(db, campaign, { after, size: chunkSize });
    if (contacts.length === 0) return cost;
    for (const message of renderMessages(campaign.body, contacts, rateCard)) cost += BigInt(message.cost);
    after = contacts[contacts.length - 1].id;
  }
}

/**
 * Splits the eligible contacts into `concurrency` contiguous id ranges (evenly by id: a list's
 * contacts are numbered together at upload). Slice i covers (cursors[i], ends[i]].
 */
async function sliceRanges(tx: Transaction, campaign: CampaignRow, concurrency: number): Promise<{ cursors: bigint[]; ends: bigint[] }> {
  const [range] = campaign.contact_list_id
    ? await tx.$queryRaw<{ first: bigint | null; last: bigint | null }[]>`
        SELECT min(v.contact_id) AS first, max(v.contact_id) AS last FROM ${campaignRecipients(campaign, 0n)}`
    : [{ first: null, last: null }];
  if (range.first === null || range.last === null) return { cursors: [0n], ends: [0n] };
  const span = range.last - range.first + 1n;
  const slices = BigInt(Math.max(1, concurrency));
  const cursors: bigint[] = [];
  const ends: bigint[] = [];
  for (let slice = 0n; slice < slices; slice++) {
    const start = range.first + (span * slice) / slices;
    const end = slice === slices - 1n ? range.last : range.first + (span * (slice + 1n)) / slices - 1n;
    if (end < start) continue;
    cursors.push(start - 1n);
    ends.push(end);
  }
  return { cursors, ends };
}

/**
 * Books the difference between the estimate and the exact cost (a `reserve` above the estimate,
 * a `release` below it) and splits the list into slices, which marks the campaign as being
 * expanded. Throws insufficient_credits when the balance cannot cover the difference.
 */
async function startExpansion(campaignId: string, cost: bigint, concurrency: number): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const campaign = await readExpandable(tx, campaignId, true);
    if (!campaign || expanding(campaign)) return campaign !== null;
    const reserved = campaign.reserved_amount;
    // A scheduled campaign's estimate was not counted when it was created: it is counted today.
    if (campaign.send_at !== null) await countDailySpend(tx, campaign.account_id, cost < reserved ? cost : reserved);
    if (cost > reserved) {
      await reserveCredits(tx, campaign.account_id, cost - reserved, { campaignId, description: "campaign cost above estimate" });
    } else if (cost < reserved) {
      await releaseCredits(tx, campaign.account_id, reserved - cost, { campaignId, description: "campaign estimate not used" });
    }
    const { cursors, ends } = await sliceRanges(tx, campaign, concurrency);
    await tx.$executeRaw`
      UPDATE campaigns SET reserved_amount = ${cost}, expansion_cursors = ${cursors}::bigint[], expansion_ends = ${ends}::bigint[], updated_at = now()
      WHERE id = ${campaignId}::uuid`;
    return true;
  });
}

/** Another expander moved this slice first (a duplicate job); the chunk is rolled back and the slice re-read. */
class SliceMoved extends Error {}

type ChunkStep =
  | { kind: "chunk"; ids: string[]; messages: number; lastContactId: bigint; priority: MessagePriority; sendTimes: Date[] | null; tally: unknown }
  | { kind: "slice-done"; tally?: unknown }
  | { kind: "gone" };

/**
 * Commits the next chunk of one slice: its messages, their reservations taken from the campaign's
 * (any shortfall, if contacts changed since the start, reserved from the balance) and the slice's
 * resume point, so account.reserved = reserved messages + campaign reservation at every commit.
 * Slices run in parallel: the campaign row is locked only for the final update, which moves the
 * slice's resume point only if it is still where this chunk started.
 */
async function expandNextChunk(campaignId: string, slice: number, rateCard: RateCard, chunkSize: number, networks: { country: string; operator: string }[] | null): Promise<ChunkStep> {
  return db.$transaction(
    async (tx) => {
      const campaign = await readExpandable(tx, campaignId, false);
      if (!campaign || !expanding(campaign)) return { kind: "gone" };
      const after = campaign.expansion_cursors[slice];
      const through = campaign.expansion_ends[slice];
      if (after >= through) return { kind: "slice-done" };
      const range = { after, through, size: chunkSize };
      const chunk = !campaign.contact_list_id
        ? { lastContactId: null, ids: [], cost: 0n, tally: [] }
        : networks === null
          ? await insertPersonalisedChunk(tx, campaign, rateCard, range)
          : await insertUniformChunk(tx, campaign, rateCard, networks, range);
      const [moved] = await tx.$queryRaw<{ covered: bigint; message_count: number }[]>`
        WITH current AS (SELECT reserved_amount FROM campaigns WHERE id = ${campaignId}::uuid FOR NO KEY UPDATE)
        UPDATE campaigns c SET reserved_amount = c.reserved_amount - LEAST(current.reserved_amount, ${chunk.cost}),
          expansion_cursors[${slice + 1}] = ${chunk.lastContactId ?? through}, message_count = c.message_count + ${chunk.ids.length}, updated_at = now()
        FROM current
        WHERE c.id = ${campaignId}::uuid AND c.expansion_cursors[${slice + 1}] = ${after}
        RETURNING LEAST(current.reserved_amount, ${chunk.cost})::bigint AS covered, c.message_count`;
      if (!moved) throw new SliceMoved();
      if (chunk.cost > moved.covered) {
        await reserveCredits(tx, campaign.account_id, chunk.cost - moved.covered, { campaignId, description: "campaign cost above estimate" });
      }
      if (chunk.lastContactId === null) return { kind: "slice-done", tally: chunk.tally };
      const sendTimes = plannedSendTimes(campaign, moved.message_count - chunk.ids.length, chunk.ids.length);
      if (sendTimes) await paceChunk(tx, chunk.ids, sendTimes);
      return { kind: "chunk", ids: chunk.ids, messages: moved.message_count, lastContactId: chunk.lastContactId, priority: campaign.priority, sendTimes, tally: chunk.tally };
    },
    { timeout: CHUNK_TIMEOUT_MS, maxWait: 30_000 },
  );
}

/** Finishes the expansion once every slice is done (exactly once: under the campaign's row lock). */
async function finishIfExpanded(campaignId: string): Promise<ExpansionResult | null> {
  return db.$transaction(async (tx) => {
    const campaign = await readExpandable(tx, campaignId, true);
    if (!campaign || !expanding(campaign)) return null;
    if (campaign.expansion_cursors.some((cursor, slice) => cursor < campaign.expansion_ends[slice])) return null;
    return finishExpansion(tx, campaign);
  });
}

/**
 * Turns a claimed (`queued`) campaign into messages. First the exact cost is computed and the
 * difference from the estimate booked (or the campaign rejected when the balance cannot cover
 * it); then the list is split into slices expanded in parallel, each chunk by chunk in contact id
 * order: a chunk becomes `submitted` messages in its own transaction, and its batch send jobs are
 * enqueued right after the commit, so sending starts while expansion continues. The slices' resume
 * points let a crashed expansion continue where it stopped; messages whose jobs were lost are
 * enqueued by the send reconciler.
 */
export async function expandCampaign(campaignId: string, options: ExpansionOptions = {}): Promise<ExpansionResult | null> {
  const started = Date.now();
  const chunkSize = options.chunkSize ?? env.CAMPAIGN_EXPANSION_CHUNK_SIZE;
  const candidate = await readExpandable(db, campaignId, false);
  if (!candidate) return null;
  // Read before any transaction: a pooled connection must never wait for a second one.
  const rateCard = await loadRateCard(candidate.account_id);
  if (!expanding(candidate)) {
    try {
      const cost = await exactCost(candidate, rateCard, chunkSize);
      if (!(await startExpansion(campaignId, cost, options.concurrency ?? env.CAMPAIGN_EXPANSION_CONCURRENCY))) return null;
    } catch (error) {
      if (error instanceof AppError && (error.code === "insufficient_credits" || error.code === "daily_spend_limit_exceeded")) return rejectForCredits(campaignId, error.code);
      throw error;
    }
  }
  const campaign = await readExpandable(db, campaignId, false);
  if (!campaign || !expanding(campaign)) return null;
  const networks = !campaign.contact_list_id || hasPlaceholders(campaign.body)
    ? null
    : await db.$queryRaw<{ country: string; operator: string }[]>`
        SELECT DISTINCT country, operator FROM contact_verdicts WHERE list_id = ${campaign.contact_list_id}::uuid AND status = 'valid'`;

  let failure: { error: unknown } | null = null;
  let enqueueMs = 0;
  const expandSlice = async (slice: number) => {
    while (failure === null) {
      let step: ChunkStep;
      try {
        step = await expandNextChunk(campaignId, slice, rateCard, chunkSize, networks);
      } catch (error) {
        if (error instanceof SliceMoved) continue;
        throw error;
      }
      if (step.kind !== "gone") recordTallies(step.tally);
      if (step.kind !== "chunk") return;
      const enqueueStarted = Date.now();
      if (step.sendTimes) await enqueuePacedBatches(step.ids, step.sendTimes, step.priority);
      else await enqueueMessageBatches(step.ids, step.priority);
      enqueueMs += Date.now() - enqueueStarted;
      await options.onChunkCommitted?.({ campaignId, messages: step.messages, slice, lastContactId: step.lastContactId });
    }
  };
  // A failing slice stops the others after their current chunk; the expansion resumes later.
  await Promise.all(
    campaign.expansion_cursors.map((_, slice) =>
      expandSlice(slice).catch((error: unknown) => {
        failure ??= { error };
      }),
    ),
  );
  if (failure) throw (failure as { error: unknown }).error;
  const result = await finishIfExpanded(campaignId);
  if (result) log.info("campaign expanded", { campaignId, messages: result.messages, slices: campaign.expansion_cursors.length, totalMs: Date.now() - started, enqueueMs });
  return result;
}

/** Releases what is left of the campaign reservation and moves it on: queued, or completed when empty. */
async function finishExpansion(tx: Transaction, campaign: CampaignRow): Promise<ExpansionResult> {
  if (campaign.reserved_amount > 0n) {
    await releaseCredits(tx, campaign.account_id, campaign.reserved_amount, { campaignId: campaign.id, description: "campaign estimate not used" });
  }
  const messages = campaign.message_count;
  const [{ cost }] = await tx.$queryRaw<{ cost: bigint }[]>`
    SELECT COALESCE(sum(cost), 0)::bigint AS cost FROM messages WHERE campaign_id = ${campaign.id}::uuid`;
  const status = messages === 0 ? "completed" : "queued";
  const [{ opted_out: skipped }] = campaign.contact_list_id
    ? await tx.$queryRaw<{ opted_out: bigint }[]>(optedOutRecipientCount(campaign.contact_list_id, campaign.account_id))
    : [{ opted_out: 0n }];
  const optedOut = Number(skipped);
  await tx.$executeRaw`
    UPDATE campaigns SET reserved_amount = 0, expansion_cursors = '{}', expansion_ends = '{}', status = ${status}::"CampaignStatus", opted_out_count = ${optedOut},
      completed_at = ${status === "completed" ? new Date() : null}, updated_at = now()
    WHERE id = ${campaign.id}::uuid`;
  const callback = { campaignId: campaign.id, callbackUrl: campaign.callback_url, callbackEvents: campaign.callback_events, customPayload: campaign.custom_payload };
  await announce(tx, {
    accountId: campaign.account_id,
    event: { type: "campaign.queued", data: { campaignId: campaign.id, name: campaign.name, status: "queued", messageCount: messages, optedOut, cost: Number(cost) }, ...callback },
  });
  if (status === "completed") {
    await announce(tx, {
      accountId: campaign.account_id,
      notification: { type: "campaign.completed", title: `Campaign "${campaign.name}" had no one to send to`, body: "Every contact had opted out.", link: `/campaigns/${campaign.id}` },
      event: { type: "campaign.completed", data: { campaignId: campaign.id, name: campaign.name, status: "completed", messageCount: 0 }, ...callback },
    });
  }
  if (optedOut > 0) log.info("campaign skipped opted-out numbers", { campaignId: campaign.id, optedOut });
  return { campaignId: campaign.id, messages, optedOut, cost: Number(cost), estimatedCost: Number(campaign.estimated_cost), status };
}

/** Personalised messages came to more than the estimate and the balance cannot cover it: nothing is sent. */
const REJECTION_TEXT = {
  insufficient_credits: "The personalised messages cost more than your balance covers. Your reservation was refunded.",
  daily_spend_limit_exceeded: "The campaign costs more than is left of today's daily spend limit. Your reservation was refunded.",
};

async function rejectForCredits(campaignId: string, reason: keyof typeof REJECTION_TEXT): Promise<ExpansionResult | null> {
  return db.$transaction(async (tx) => {
    const campaign = await readExpandable(tx, campaignId, true);
    if (!campaign || expanding(campaign)) return null;
    await tx.$executeRaw`
      UPDATE campaigns SET status = 'rejected', status_reason = ${reason}, reserved_amount = 0, updated_at = now()
      WHERE id = ${campaignId}::uuid`;
    await releaseCredits(tx, campaign.account_id, campaign.reserved_amount, { campaignId, description: `campaign rejected: ${reason.replace(/_/g, " ")}` });
    await announce(tx, {
      accountId: campaign.account_id,
      notification: {
        type: "campaign.rejected",
        title: `Campaign "${campaign.name}" was not sent`,
        body: REJECTION_TEXT[reason],
        link: `/campaigns/${campaignId}`,
      },
      event: {
        type: "campaign.rejected",
        data: { campaignId, name: campaign.name, status: "rejected", reason },
        campaignId,
        callbackUrl: campaign.callback_url,
        callbackEvents: campaign.callback_events,
        customPayload: campaign.custom_payload,
      },
    });
    log.warn("campaign rejected at expansion", { campaignId, reason });
    return { campaignId, messages: 0, optedOut: 0, cost: 0, estimatedCost: Number(campaign.reserved_amount), status: "rejected" as const };
  });
}
