import type { db, Transaction } from "@/lib/db";
import { countSegments, type SmsEncoding } from "@/lib/content/encoding";
import { hasPlaceholders, renderTemplate } from "@/lib/campaigns/personalise";
import type { RateCard } from "@/lib/pricing/get-rate-card";
import { eligibleRecipients, optedOutRecipientCount } from "@/lib/contacts/contact-sql";

type Client = Transaction | typeof db;

/** Contacts rendered to estimate a personalised message's length; the real cost is reconciled at expansion. */
const ESTIMATE_SAMPLE_SIZE = 1_000;

export interface CampaignEstimate {
  recipients: number;
  /** Valid numbers of the list skipped because they opted out of the account's messages. */
  optedOut: number;
  segments: number;
  encoding: SmsEncoding;
  cost: number;
  byNetwork: { country: string; operator: string; recipients: number; rate: number; cost: number }[];
  /** With a cap: the contact id of the last recipient counted (null when the cap is not reached). */
  recipientsThrough: bigint | null;
}

/** What the campaign wizard shows of an estimate. */
export interface CampaignEstimateView {
  recipients: number;
  /** Eligible contacts left out because they opted out of this account's messages. */
  optedOut: number;
  segments: number;
  encoding: string;
  cost: number;
}

/**
 * Prices a campaign over the list's eligible contacts: per network, recipients × segments × rate.
 * A template with `{{fields}}` is rendered for a sample of contacts and the longest result
 * counts, so the reservation covers the usual case; expansion settles the exact difference.
 * `maxMessages` counts only the first that many eligible contacts, in list order.
 */
export async function estimateCampaignCost(
  client: Client,
  accountId: string,
  listId: string,
  body: string,
  rateCard: RateCard,
  maxMessages: number | null = null,
): Promise<CampaignEstimate> {
  const [capped] = maxMessages
    ? await client.$queryRaw<{ contact_id: bigint }[]>`
        SELECT v.contact_id FROM ${eligibleRecipients(listId, accountId)} ORDER BY v.contact_id OFFSET ${maxMessages - 1} LIMIT 1`
    : [];
  const recipientsThrough = capped?.contact_id ?? null;
  const eligible = eligibleRecipients(listId, accountId, 0n, recipientsThrough ?? undefined);
  const networks = await client.$queryRaw<{ country: string; operator: string; recipients: bigint }[]>`
    SELECT v.country, v.operator, count(*) AS recipients
    FROM ${eligible}
    GROUP BY v.country, v.operator
    ORDER BY v.country, v.operator`;

  const [{ opted_out: optedOut }] = await client.$queryRaw<{ opted_out: bigint }[]>(optedOutRecipientCount(listId, accountId));

  let longest = countSegments(body);
  if (hasPlaceholders(body)) {
    const sample = await client.$queryRaw<{ fields: Record<string, unknown> }[]>`
      SELECT c.fields
      FROM (SELECT v.contact_id FROM ${eligible} ORDER BY v.contact_id LIMIT ${ESTIMATE_SAMPLE_SIZE}) r
      JOIN contacts c ON c.id = r.contact_id`;
    longest = countSegments(renderTemplate(body, {}));
    for (const row of sample) {
      const rendered = countSegments(renderTemplate(body, row.fields));
      if (rendered.segments > longest.segments) longest = rendered;
    }
  }
  const segments = Math.max(longest.segments, 1);
  const byNetwork = networks.map((network) => {
    const rate = rateCard.rateFor(network.country, network.operator);
    const recipients = Number(network.recipients);
    return { country: network.country, operator: network.operator, recipients, rate, cost: recipients * segments * rate };
  });
  return {
    recipients: byNetwork.reduce((sum, network) => sum + network.recipients, 0),
    optedOut: Number(optedOut),
    segments,
    encoding: longest.encoding,
    cost: byNetwork.reduce((sum, network) => sum + network.cost, 0),
    byNetwork,
    recipientsThrough,
  };
}
