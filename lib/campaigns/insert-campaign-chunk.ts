import { type db, Prisma, type Transaction } from "@/lib/db";
import { countSegments } from "@/lib/content/encoding";
import type { RateCard } from "@/lib/pricing/get-rate-card";
import type { MessagePriority } from "@/lib/generated/prisma/enums";
import { compileTemplate } from "@/lib/campaigns/personalise";
import { eligibleRecipients } from "@/lib/contacts/contact-sql";

/**
 * Turning one chunk of a campaign's recipients into `submitted` messages (and their timeline rows)
 * in one statement: built in SQL for a uniform text, rendered and priced here for a personalised
 * one. Expansion (expand-campaign.ts) decides which chunk, and books the credits.
 */

/** What a chunk needs of its campaign. */
export interface ChunkCampaign {
  id: string;
  account_id: string;
  contact_list_id: string | null;
  from: string;
  body: string;
  priority: MessagePriority;
  callback_url: string | null;
  callback_events: string[];
  custom_payload: unknown;
}

export interface ChunkOutcome {
  lastContactId: bigint | null;
  ids: string[];
  cost: bigint;
}

/** The campaign's recipients (alias `v`) after contact `after`, up to `through` when given. */
export function campaignRecipients(campaign: ChunkCampaign, after: bigint, through?: bigint) {
  return eligibleRecipients(campaign.contact_list_id ?? "", campaign.account_id, after, through);
}

function messageColumns() {
  return Prisma.sql`(account_id, campaign_id, "to", "from", body, encoding, segments, country, operator, priority, status, cost,
    charge_state, callback_url, callback_events, custom_payload)`;
}

/** A template without fields has the same text for everyone: the whole chunk is built in SQL. */
export async function insertUniformChunk(
  tx: Transaction,
  campaign: ChunkCampaign,
  rateCard: RateCard,
  networks: { country: string; operator: string }[],
  range: ContactRange,
): Promise<ChunkOutcome> {
  const { encoding, segments } = countSegments(campaign.body);
  const rates = networks.map((network) => rateCard.rateFor(network.country, network.operator) * segments);
  const [row] = await tx.$queryRaw<{ last_id: bigint | null; ids: string[]; cost: bigint }[]>`
    WITH src AS (
      SELECT v.contact_id AS id, v.phone, v.country, v.operator FROM ${campaignRecipients(campaign, range.after, range.through)}
      ORDER BY v.contact_id LIMIT ${range.size}
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

interface PersonalisedContact {
  id: bigint;
  phone: string;
  country: string;
  operator: string;
  fields: Record<string, unknown>;
}

/** Contacts after `range.after` (up to `range.through`, when given), at most `range.size` of them. */
export interface ContactRange {
  after: bigint;
  through?: bigint;
  size: number;
}

export function personalisedContacts(client: Transaction | typeof db, campaign: ChunkCampaign, range: ContactRange) {
  return client.$queryRaw<PersonalisedContact[]>`
    SELECT r.contact_id AS id, r.phone, r.country, r.operator, c.fields
    FROM (SELECT v.contact_id, v.phone, v.country, v.operator FROM ${campaignRecipients(campaign, range.after, range.through)}
          ORDER BY v.contact_id LIMIT ${range.size}) r
    JOIN contacts c ON c.id = r.contact_id
    ORDER BY r.contact_id`;
}

interface RenderedMessage {
  contact: PersonalisedContact;
  body: string;
  encoding: string;
  segments: number;
  cost: number;
}

/** Renders a chunk's bodies (the template compiled once) and prices each; blank bodies are skipped. */
export function renderMessages(template: string, contacts: readonly PersonalisedContact[], rateCard: RateCard): RenderedMessage[] {
  const render = compileTemplate(template);
  const rendered: RenderedMessage[] = [];
  for (const contact of contacts) {
    const body = render(contact.fields);
    if (body.trim().length === 0) continue;
    const { encoding, segments } = countSegments(body);
    rendered.push({ contact, body, encoding, segments, cost: segments * rateCard.rateFor(contact.country, contact.operator) });
  }
  return rendered;
}

/** A personalised template: each chunk is rendered and segmented here, then inserted in one statement. */
export async function insertPersonalisedChunk(tx: Transaction, campaign: ChunkCampaign, rateCard: RateCard, range: ContactRange): Promise<ChunkOutcome> {
  const contacts = await personalisedContacts(tx, campaign, range);
  if (contacts.length === 0) return { lastContactId: null, ids: [], cost: 0n };
  const messages = renderMessages(campaign.body, contacts, rateCard);
  const lastContactId = contacts[contacts.length - 1].id;
  if (messages.length === 0) return { lastContactId, ids: [], cost: 0n };
  const [row] = await tx.$queryRaw<{ ids: string[]; cost: bigint }[]>`
    WITH ins AS (
      INSERT INTO messages ${messageColumns()}
      SELECT ${campaign.account_id}::uuid, ${campaign.id}::uuid, m.to, ${campaign.from}, m.body, m.encoding::"MessageEncoding", m.segments,
             m.country, m.operator, ${campaign.priority}::"MessagePriority", 'submitted', m.cost, 'reserved',
             ${campaign.callback_url}, ${campaign.callback_events}::text[], ${campaign.custom_payload === null ? null : JSON.stringify(campaign.custom_payload)}::jsonb
      FROM unnest(${messages.map((message) => message.contact.phone)}::text[], ${messages.map((message) => message.body)}::text[],
                  ${messages.map((message) => message.encoding)}::text[], ${messages.map((message) => message.segments)}::int[],
                  ${messages.map((message) => message.contact.country)}::text[], ${messages.map((message) => message.contact.operator)}::text[],
                  ${messages.map((message) => message.cost)}::int[])
        AS m("to", body, encoding, segments, country, operator, cost)
      RETURNING id, cost
    ), events AS (
      INSERT INTO message_events (message_id, status, source) SELECT id, 'submitted', 'campaign' FROM ins
    )
    SELECT COALESCE((SELECT array_agg(id::text) FROM ins), '{}') AS ids, COALESCE((SELECT sum(cost) FROM ins), 0)::bigint AS cost`;
  return { lastContactId, ids: row.ids, cost: row.cost };
}
