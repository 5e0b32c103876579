import { db, Prisma, type Transaction } from "@/lib/db";
import { env } from "@/lib/env";
import { countSegments } from "@/lib/content/encoding";
import { AppError } from "@/lib/http/errors";
import { logger } from "@/lib/logger";
import { releaseCredits, reserveCredits } from "@/lib/credits/movements";
import { announce } from "@/lib/notifications/announce";
import { loadRateCard, type RateCard } from "@/lib/pricing/get-rate-card";
import { enqueueMessageSends } from "@/lib/sending/send-jobs";
import type { MessagePriority } from "@/lib/generated/prisma/enums";
import { hasPlaceholders, renderTemplate } from "@/lib/campaigns/personalise";

const log = logger.child({ component: "campaigns.expand" });

/** Message ids enqueued per addBulk call. */
const ENQUEUE_CHUNK_SIZE = 5_000;
/** addBulk calls in flight at once: Redis pipelines them, the worker only waits. */
const ENQUEUE_PARALLELISM = 4;
const EXPANSION_TIMEOUT_MS = 15 * 60_000;

interface CampaignRow {
  id: string;
  account_id: string;
  contact_list_id: string | null;
  name: string;
  from: string;
  body: string;
  priority: MessagePriority;
  callback_url: string | null;
  callback_events: string[];
  custom_payload: unknown;
  reserved_amount: bigint;
  status: string;
}

/**
 * Message ids as 16 bytes each (a million fit in 16 MB): the expansion commits before any job is
 * enqueued, so the ids are held until then without keeping a million strings alive.
 */
class IdCollector {
  private buffer = Buffer.alloc(16 * 65_536);
  count = 0;

  add(ids: readonly string[]) {
    const needed = (this.count + ids.length) * 16;
    if (needed > this.buffer.length) {
      const grown = Buffer.alloc(Math.max(needed, this.buffer.length * 2));
      this.buffer.copy(grown, 0, 0, this.count * 16);
      this.buffer = grown;
    }
    for (const id of ids) {
      this.buffer.write(id.replace(/-/g, ""), this.count * 16, 16, "hex");
      this.count++;
    }
  }

  slice(start: number, end: number): string[] {
    const ids: string[] = [];
    for (let index = start; index < Math.min(end, this.count); index++) {
      const hex = this.buffer.toString("hex", index * 16, index * 16 + 16);
      ids.push(`${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`);
    }
    return ids;
  }
}

interface ChunkOutcome {
  lastContactId: bigint | null;
  ids: string[];
  cost: bigint;
}

function eligible(campaign: CampaignRow, after: bigint) {
  return Prisma.sql`c.list_id = ${campaign.contact_list_id}::uuid AND c.status = 'valid' AND NOT c.is_duplicate AND c.id > ${after}
    AND NOT EXISTS (SELECT 1 FROM opt_outs o WHERE o.account_id = ${campaign.account_id}::uuid AND o.phone = c.phone)`;
}

function messageColumns() {
  return Prisma.sql`(account_id, campaign_id, "to", "from", body, encoding, segments, country, operator, priority, status, cost,
    charge_state, callback_url, callback_events, custom_payload)`;
}

/** A template without fields has the same text for everyone: the whole chunk is built in SQL. */
async function insertUniformChunk(tx: Transaction, campaign: CampaignRow, rateCard: RateCard, networks: { country: string; operator: string }[], after: bigint, size: number): Promise<ChunkOutcome> {
  const { encoding, segments } = countSegments(campaign.body);
  const rates = networks.map((network) => rateCard.rateFor(network.country, network.operator) * segments);
  const [row] = await tx.$queryRaw<{ last_id: bigint | null; ids: string[]; cost: bigint }[]>`
    WITH src AS (
      SELECT c.id, c.phone, c.country, c.operator FROM contacts c
      WHERE ${eligible(campaign, after)}
      ORDER BY c.id LIMIT ${size}
    ), ins AS (
      INSERT INTO messages ${messageColumns()}
      SELECT ${campaign.account_id}::uuid, ${campaign.id}::uuid, s.phone, ${campaign.from}, ${campaign.body}, ${encoding}::"MessageEncoding",
             ${segments}, s.country, s.operator, ${campaign.priority}::"MessagePriority", 'submitted', p.cost, 'reserved',
             ${campaign.callback_url}, ${campaign.callback_events}::text[], ${campaign.custom_payload === null ? null : JSON.stringify(campaign.custom_payload)}::jsonb
      FROM src s JOIN unnest(${networks.map((network) => network.country)}::text[], ${networks.map((network) => network.operator)}::text[], ${rates}::int[])
        AS p(country, operator, cost) ON p.country = s.country AND p.operator = s.operator
      RETURNING id, cost
    ), events AS (
      INSERT INTO message_events (message_id, status, source) SELECT id, 'submitted', 'campaign' FROM ins
    )
    SELECT (SELECT max(id) FROM src) AS last_id,
           COALESCE((SELECT array_agg(id::text) FROM ins), '{}') AS ids,
           COALESCE((SELECT sum(cost) FROM ins), 0)::bigint AS cost`;
  return { lastContactId: row.last_id, ids: row.ids, cost: row.cost };
}

/** A personalised template: each chunk is rendered and segmented here, then inserted in one statement. */
async function insertPersonalisedChunk(tx: Transaction, campaign: CampaignRow, rateCard: RateCard, after: bigint, size: number): Promise<ChunkOutcome> {
  const contacts = await tx.$queryRaw<{ id: bigint; phone: string; country: string; operator: string; fields: Record<string, unknown> }[]>`
    SELECT c.id, c.phone, c.country, c.operator, c.fields FROM contacts c
    WHERE ${eligible(campaign, after)}
    ORDER BY c.id LIMIT ${size}`;
  if (contacts.length === 0) return { lastContactId: null, ids: [], cost: 0n };
  const to: string[] = [];
  const bodies: string[] = [];
  const encodings: string[] = [];
  const segmentCounts: number[] = [];
  const countries: string[] = [];
  const operators: string[] = [];
  const costs: number[] = [];
  for (const contact of contacts) {
    const body = renderTemplate(campaign.body, contact.fields);
    if (body.trim().length === 0) continue;
    const { encoding, segments } = countSegments(body);
    to.push(contact.phone);
    bodies.push(body);
    encodings.push(encoding);
    segmentCounts.push(segments);
    countries.push(contact.country);
    operators.push(contact.operator);
    costs.push(segments * rateCard.rateFor(contact.country, contact.operator));
  }
  const lastContactId = contacts[contacts.length - 1].id;
  if (to.length === 0) return { lastContactId, ids: [], cost: 0n };
  const [row] = await tx.$queryRaw<{ ids: string[]; cost: bigint }[]>`
    WITH ins AS (
      INSERT INTO messages ${messageColumns()}
      SELECT ${campaign.account_id}::uuid, ${campaign.id}::uuid, m.to, ${campaign.from}, m.body, m.encoding::"MessageEncoding", m.segments,
             m.country, m.operator, ${campaign.priority}::"MessagePriority", 'submitted', m.cost, 'reserved',
             ${campaign.callback_url}, ${campaign.callback_events}::text[], ${campaign.custom_payload === null ? null : JSON.stringify(campaign.custom_payload)}::jsonb
      FROM unnest(${to}::text[], ${bodies}::text[], ${encodings}::text[], ${segmentCounts}::int[], ${countries}::text[], ${operators}::text[], ${costs}::int[])
        AS m("to", body, encoding, segments, country, operator, cost)
      RETURNING id, cost
    ), events AS (
      INSERT INTO message_events (message_id, status, source) SELECT id, 'submitted', 'campaign' FROM ins
    )
    SELECT COALESCE((SELECT array_agg(id::text) FROM ins), '{}') AS ids, COALESCE((SELECT sum(cost) FROM ins), 0)::bigint AS cost`;
  return { lastContactId, ids: row.ids, cost: row.cost };
}

export interface ExpansionResult {
  campaignId: string;
  messages: number;
  cost: number;
  estimatedCost: number;
  status: "queued" | "completed" | "rejected";
}

async function lockExpandable(tx: Transaction, campaignId: string): Promise<CampaignRow | null> {
  const [campaign] = await tx.$queryRaw<CampaignRow[]>`
    SELECT id, account_id, contact_list_id, name, "from", body, priority::text AS priority, callback_url, callback_events, custom_payload,
           reserved_amount, status::text AS status
    FROM campaigns WHERE id = ${campaignId}::uuid FOR UPDATE`;
  // Expanded campaigns hold no campaign-level reservation: that is what makes expansion run once.
  if (!campaign || campaign.status !== "queued" || campaign.reserved_amount <= 0n) return null;
  return campaign;
}

/**
 * Turns a claimed (`queued`) campaign into messages in one transaction: chunks of contacts in
 * id order become `submitted` messages (with their timeline row) through one INSERT … SELECT
 * each, the campaign's reservation becomes the messages' own reservations and the difference from
 * the estimate is reserved or released in the ledger. Only after the commit are the messages
 * enqueued, in bulk; if that is interrupted the send reconciler enqueues what is left.
 */
export async function expandCampaign(campaignId: string): Promise<ExpansionResult | null> {
  const started = Date.now();
  const ids = new IdCollector();
  let result: ExpansionResult | null;
  let priority: MessagePriority = "normal";
  const candidate = await db.campaign.findUnique({ where: { id: campaignId }, select: { accountId: true, status: true, reservedAmount: true } });
  if (!candidate || candidate.status !== "queued" || candidate.reservedAmount <= 0n) return null;
  // Read before the transaction: a pooled connection must never wait for a second one.
  const rateCard = await loadRateCard(candidate.accountId);
  try {
    result = await db.$transaction(
      async (tx) => {
        const campaign = await lockExpandable(tx, campaignId);
        if (!campaign) return null;
        priority = campaign.priority;
        const chunkSize = env.CAMPAIGN_EXPANSION_CHUNK_SIZE;
        let cost = 0n;
        if (campaign.contact_list_id) {
          const personalised = hasPlaceholders(campaign.body);
          const networks = personalised
            ? []
            : await tx.$queryRaw<{ country: string; operator: string }[]>`
                SELECT DISTINCT country, operator FROM contacts WHERE list_id = ${campaign.contact_list_id}::uuid AND status = 'valid'`;
          let after = 0n;
          for (;;) {
            const chunk = personalised
              ? await insertPersonalisedChunk(tx, campaign, rateCard, after, chunkSize)
              : await insertUniformChunk(tx, campaign, rateCard, networks, after, chunkSize);
            if (chunk.lastContactId === null) break;
            ids.add(chunk.ids);
            cost += chunk.cost;
            after = chunk.lastContactId;
          }
        }
        return settleExpansion(tx, campaign, ids.count, cost);
      },
      { timeout: EXPANSION_TIMEOUT_MS, maxWait: 30_000 },
    );
  } catch (error) {
    if (error instanceof AppError && error.code === "insufficient_credits") return rejectForCredits(campaignId);
    throw error;
  }
  if (!result) return null;
  const committed = Date.now();
  for (let start = 0; start < ids.count; start += ENQUEUE_CHUNK_SIZE * ENQUEUE_PARALLELISM) {
    const batches: Promise<void>[] = [];
    for (let offset = start; offset < Math.min(start + ENQUEUE_CHUNK_SIZE * ENQUEUE_PARALLELISM, ids.count); offset += ENQUEUE_CHUNK_SIZE) {
      batches.push(enqueueMessageSends(ids.slice(offset, offset + ENQUEUE_CHUNK_SIZE), priority));
    }
    await Promise.all(batches);
  }
  log.info("campaign expanded", { campaignId, messages: result.messages, insertMs: committed - started, enqueueMs: Date.now() - committed });
  return result;
}

/** Converts the campaign reservation into the messages' reservations and books the difference. */
async function settleExpansion(tx: Transaction, campaign: CampaignRow, messages: number, cost: bigint): Promise<ExpansionResult> {
  const reserved = campaign.reserved_amount;
  if (cost > reserved) {
    await reserveCredits(tx, campaign.account_id, cost - reserved, { campaignId: campaign.id, description: "campaign cost above estimate" });
  } else if (cost < reserved) {
    await releaseCredits(tx, campaign.account_id, reserved - cost, { campaignId: campaign.id, description: "campaign estimate not used" });
  }
  const status = messages === 0 ? "completed" : "queued";
  await tx.$executeRaw`
    UPDATE campaigns SET reserved_amount = 0, message_count = ${messages}, status = ${status}::"CampaignStatus",
      completed_at = ${status === "completed" ? new Date() : null}, updated_at = now()
    WHERE id = ${campaign.id}::uuid`;
  const callback = { campaignId: campaign.id, callbackUrl: campaign.callback_url, callbackEvents: campaign.callback_events, customPayload: campaign.custom_payload };
  await announce(tx, {
    accountId: campaign.account_id,
    event: { type: "campaign.queued", data: { campaignId: campaign.id, name: campaign.name, status: "queued", messageCount: messages, cost: Number(cost) }, ...callback },
  });
  if (status === "completed") {
    await announce(tx, {
      accountId: campaign.account_id,
      notification: { type: "campaign.completed", title: `Campaign "${campaign.name}" had no one to send to`, body: "Every contact had opted out.", link: `/campaigns/${campaign.id}` },
      event: { type: "campaign.completed", data: { campaignId: campaign.id, name: campaign.name, status: "completed", messageCount: 0 }, ...callback },
    });
  }
  return { campaignId: campaign.id, messages, cost: Number(cost), estimatedCost: Number(reserved), status };
}

/** Personalised messages came to more than the estimate and the balance cannot cover it: nothing is sent. */
async function rejectForCredits(campaignId: string): Promise<ExpansionResult | null> {
  return db.$transaction(async (tx) => {
    const campaign = await lockExpandable(tx, campaignId);
    if (!campaign) return null;
    await tx.$executeRaw`
      UPDATE campaigns SET status = 'rejected', status_reason = 'insufficient_credits', reserved_amount = 0, updated_at = now()
      WHERE id = ${campaignId}::uuid`;
    await releaseCredits(tx, campaign.account_id, campaign.reserved_amount, { campaignId, description: "campaign rejected: insufficient credits" });
    await announce(tx, {
      accountId: campaign.account_id,
      notification: {
        type: "campaign.rejected",
        title: `Campaign "${campaign.name}" was not sent`,
        body: "The personalised messages cost more than your balance covers. Your reservation was refunded.",
        link: `/campaigns/${campaignId}`,
      },
      event: {
        type: "campaign.rejected",
        data: { campaignId, name: campaign.name, status: "rejected", reason: "insufficient_credits" },
        campaignId,
        callbackUrl: campaign.callback_url,
        callbackEvents: campaign.callback_events,
        customPayload: campaign.custom_payload,
      },
    });
    log.warn("campaign rejected at expansion: insufficient credits", { campaignId });
    return { campaignId, messages: 0, cost: 0, estimatedCost: Number(campaign.reserved_amount), status: "rejected" as const };
  });
}
