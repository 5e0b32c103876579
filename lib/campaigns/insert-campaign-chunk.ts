import { type db, Prisma, type Transaction } from "@/lib/db";
import { countSegments } from "@/lib/content/encoding";
import type { RateCard } from "@/lib/pricing/get-rate-card";
import { compileTemplate } from "@/lib/campaigns/personalise";
import { eligibleRecipients } from "@/lib/contacts/contact-sql";
import { createRenderedCampaignMessages, createUniformCampaignMessages, type CampaignMessageDefaults } from "@/lib/messages/transitions/create-campaign-messages";

/**
 * Turning one chunk of a campaign's recipients into `submitted` messages (through
 * lib/messages/transitions, in one statement): built in SQL for a uniform text, rendered and
 * priced here for a personalised one. Expansion (expand-campaign.ts) decides which chunk, and books the credits.
 */

/** What a chunk needs of its campaign. */
export interface ChunkCampaign extends CampaignMessageDefaults {
  contact_list_id: string | null;
  body: string;
  /** A capped campaign's last recipient (contact id); null = the whole list. */
  recipients_through: bigint | null;
}

export interface ChunkOutcome {
  lastContactId: bigint | null;
  ids: string[];
  cost: bigint;
  /** For the metrics, once the chunk commits (lib/messages/transitions/status-tally). */
  tally: unknown;
}

/** The campaign's recipients (alias `v`) after contact `after`, up to `through` when given, and never past its cap. */
export function campaignRecipients(campaign: ChunkCampaign, after: bigint, through?: bigint) {
  const cap = campaign.recipients_through;
  const bound = cap === null ? through : through === undefined || cap < through ? cap : through;
  return eligibleRecipients(campaign.contact_list_id ?? "", campaign.account_id, after, bound);
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
  const rates = networks.map((network) => ({ ...network, cost: rateCard.rateFor(network.country, network.operator) * segments }));
  const recipients = Prisma.sql`
    SELECT v.contact_id AS id, v.phone, v.country, v.operator FROM ${campaignRecipients(campaign, range.after, range.through)}
    ORDER BY v.contact_id LIMIT ${range.size}`;
  const created = await createUniformCampaignMessages(tx, campaign, { body: campaign.body, encoding, segments }, recipients, rates);
  return { lastContactId: created.lastRecipientId, ids: created.ids, cost: created.cost, tally: created.tally };
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
  if (contacts.length === 0) return { lastContactId: null, ids: [], cost: 0n, tally: [] };
  const messages = renderMessages(campaign.body, contacts, rateCard);
  const lastContactId = contacts[contacts.length - 1].id;
  const created = await createRenderedCampaignMessages(
    tx,
    campaign,
    messages.map(({ contact, ...message }) => ({ ...message, to: contact.phone, country: contact.country, operator: contact.operator })),
  );
  return { lastContactId, ids: created.ids, cost: created.cost, tally: created.tally };
}
