import { Prisma, type Transaction } from "@/lib/db";
import type { MessageClass, MessagePriority } from "@/lib/generated/prisma/enums";
import { statusTallySql } from "@/lib/messages/transitions/status-tally";

/**
 * Campaign messages are born `submitted`, many per statement, each with its first timeline row.
 * Their price is already reserved: it moves from the campaign's reservation to the messages'
 * (expand-campaign.ts books that), so no ledger entry is written here.
 */

/** What every message of a campaign shares. */
export interface CampaignMessageDefaults {
  id: string;
  account_id: string;
  from: string;
  priority: MessagePriority;
  message_class: MessageClass;
  callback_url: string | null;
  callback_events: string[];
  custom_payload: unknown;
}

export interface CreatedCampaignMessages {
  ids: string[];
  cost: bigint;
  /** The new messages by network, for the metrics: recorded (recordTallies) once the chunk commits. */
  tally: unknown;
}

function messageColumns() {
  return Prisma.sql`(account_id, campaign_id, "to", "from", body, encoding, segments, country, operator, priority, message_class, status, cost,
    charge_state, callback_url, callback_events, custom_payload)`;
}

function customPayload(campaign: CampaignMessageDefaults) {
  return campaign.custom_payload === null ? null : JSON.stringify(campaign.custom_payload);
}

/**
 * One text for every recipient (no personalisation): the whole chunk is built in SQL.
 * `recipients` selects `id, phone, country, operator` (ordered and limited by the caller); the
 * price per segment comes from `rates` by network. Returns the last recipient id read as well.
 */
export async function createUniformCampaignMessages(
  tx: Transaction,
  campaign: CampaignMessageDefaults,
  text: { body: string; encoding: string; segments: number },
  recipients: Prisma.Sql,
  rates: { country: string; operator: string; cost: number }[],
): Promise<CreatedCampaignMessages & { lastRecipientId: bigint | null }> {
  const [row] = await tx.$queryRaw<{ last_id: bigint | null; ids: string[]; cost: bigint; tally: unknown }[]>`
    WITH src AS (${recipients}), ins AS (
      INSERT INTO messages ${messageColumns()}
      SELECT ${campaign.account_id}::uuid, ${campaign.id}::uuid, s.phone, ${campaign.from}, ${text.body}, ${text.encoding}::"MessageEncoding",
             ${text.segments}, s.country, s.operator, ${campaign.priority}::"MessagePriority", ${campaign.message_class}::"MessageClass", 'submitted', p.cost, 'reserved',
             ${campaign.callback_url}, ${campaign.callback_events}::text[], ${customPayload(campaign)}::jsonb
      FROM src s JOIN unnest(${rates.map((rate) => rate.country)}::text[], ${rates.map((rate) => rate.operator)}::text[], ${rates.map((rate) => rate.cost)}::int[])
        AS p(country, operator, cost) ON p.country = s.country AND p.operator = s.operator
      RETURNING id, cost, status, provider, operator, message_class
    ), events AS (
      INSERT INTO message_events (message_id, status, source) SELECT id, 'submitted', 'campaign' FROM ins
    )
    SELECT (SELECT max(id) FROM src) AS last_id,
           COALESCE((SELECT array_agg(id::text) FROM ins), '{}') AS ids,
           COALESCE((SELECT sum(cost) FROM ins), 0)::bigint AS cost,
           ${statusTallySql("ins")} AS tally`;
  return { lastRecipientId: row.last_id, ids: row.ids, cost: row.cost, tally: row.tally };
}

export interface RenderedCampaignMessage {
  to: string;
  body: string;
  encoding: string;
  segments: number;
  country: string;
  operator: string;
  cost: number;
}

/** Personalised messages, rendered and priced by the caller, inserted in one statement. */
export async function createRenderedCampaignMessages(
  tx: Transaction,
  campaign: CampaignMessageDefaults,
  messages: readonly RenderedCampaignMessage[],
): Promise<CreatedCampaignMessages> {
  if (messages.length === 0) return { ids: [], cost: 0n, tally: [] };
  const [row] = await tx.$queryRaw<{ ids: string[]; cost: bigint; tally: unknown }[]>`
    WITH ins AS (
      INSERT INTO messages ${messageColumns()}
      SELECT ${campaign.account_id}::uuid, ${campaign.id}::uuid, m.to, ${campaign.from}, m.body, m.encoding::"MessageEncoding", m.segments,
             m.country, m.operator, ${campaign.priority}::"MessagePriority", ${campaign.message_class}::"MessageClass", 'submitted', m.cost, 'reserved',
             ${campaign.callback_url}, ${campaign.callback_events}::text[], ${customPayload(campaign)}::jsonb
      FROM unnest(${messages.map((message) => message.to)}::text[], ${messages.map((message) => message.body)}::text[],
                  ${messages.map((message) => message.encoding)}::text[], ${messages.map((message) => message.segments)}::int[],
                  ${messages.map((message) => message.country)}::text[], ${messages.map((message) => message.operator)}::text[],
                  ${messages.map((message) => message.cost)}::int[])
        AS m("to", body, encoding, segments, country, operator, cost)
      RETURNING id, cost, status, provider, operator, message_class
    ), events AS (
      INSERT INTO message_events (message_id, status, source) SELECT id, 'submitted', 'campaign' FROM ins
    )
    SELECT COALESCE((SELECT array_agg(id::text) FROM ins), '{}') AS ids, COALESCE((SELECT sum(cost) FROM ins), 0)::bigint AS cost,
           ${statusTallySql("ins")} AS tally`;
  return { ids: row.ids, cost: row.cost, tally: row.tally };
}
