import { db } from "@/lib/db";

export interface CampaignOutcomeFlags {
  anyDelivered: boolean;
  anyFailed: boolean;
}

/**
 * Whether each campaign has delivered and failed messages (index probes, not counts: cheap for a
 * page of campaigns however large they are), so a list can tell "Failed" from "Completed".
 */
export async function listCampaignOutcomes(accountId: string, campaignIds: readonly string[]): Promise<Map<string, CampaignOutcomeFlags>> {
  if (campaignIds.length === 0) return new Map();
  const rows = await db.$queryRaw<{ id: string; any_delivered: boolean; any_failed: boolean }[]>`
    SELECT c.id::text AS id,
           EXISTS (SELECT 1 FROM messages m WHERE m.campaign_id = c.id AND m.status = 'delivered') AS any_delivered,
           EXISTS (SELECT 1 FROM messages m WHERE m.campaign_id = c.id AND m.status IN ('failed', 'expired', 'undeliverable', 'rejected')) AS any_failed
    FROM campaigns c WHERE c.account_id = ${accountId}::uuid AND c.id = ANY(${[...campaignIds]}::uuid[])`;
  return new Map(rows.map((row) => [row.id, { anyDelivered: row.any_delivered, anyFailed: row.any_failed }]));
}
