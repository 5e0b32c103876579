import { db, Prisma } from "@/lib/db";
import { notFound } from "@/lib/http/errors";
import type { CampaignStatus } from "@/lib/generated/prisma/enums";
import type { ListCampaignMessagesQuery } from "@/lib/campaigns/schemas";

const campaignSelect = {
  id: true,
  name: true,
  from: true,
  body: true,
  status: true,
  statusReason: true,
  sendAt: true,
  priority: true,
  messageClass: true,
  maxMessages: true,
  sendRatePerMinute: true,
  contactListId: true,
  callbackUrl: true,
  callbackEvents: true,
  reservedAmount: true,
  estimatedCost: true,
  recipientCount: true,
  messageCount: true,
  optedOutCount: true,
  createdAt: true,
  queuedAt: true,
  completedAt: true,
  cancelledAt: true,
  contactList: { select: { name: true } },
} as const;

export interface CampaignProgress {
  submitted: number;
  queued: number;
  sent: number;
  delivered: number;
  failed: number;
  expired: number;
  undeliverable: number;
  rejected: number;
  /** Messages in a final status. */
  finished: number;
  /** finished / messageCount, 0..1. */
  ratio: number;
  /** Captured charges (minor units). */
  spent: number;
  /** Credits still held: the campaign's own reservation plus reserved message costs. */
  reserved: number;
  /** Charges released back to the balance for messages never accepted. */
  refunded: number;
}

/** The API calls a campaign's message class `class`, as on sends. */
function withClass<T extends { messageClass: string }>({ messageClass, ...rest }: T) {
  return { ...rest, class: messageClass as T["messageClass"] };
}

export async function listCampaigns(accountId: string, options: { status?: CampaignStatus; limit?: number } = {}) {
  const rows = await db.campaign.findMany({
    where: { accountId, ...(options.status ? { status: options.status } : {}) },
    orderBy: { createdAt: "desc" },
    take: options.limit ?? 50,
    select: campaignSelect,
  });
  return rows.map(withClass);
}

async function readProgress(campaignId: string, messageCount: number, campaignReserved: bigint): Promise<CampaignProgress> {
  const rows = await db.$queryRaw<{ status: string; count: bigint; captured: bigint; reserved: bigint; released: bigint }[]>`
    SELECT status::text AS status, count(*) AS count,
           COALESCE(sum(cost) FILTER (WHERE charge_state = 'captured'), 0)::bigint AS captured,
           COALESCE(sum(cost) FILTER (WHERE charge_state = 'reserved'), 0)::bigint AS reserved,
           COALESCE(sum(cost) FILTER (WHERE charge_state = 'released'), 0)::bigint AS released
    FROM messages WHERE campaign_id = ${campaignId}::uuid GROUP BY status`;
  const count = (status: string) => Number(rows.find((row) => row.status === status)?.count ?? 0n);
  const sum = (key: "captured" | "reserved" | "released") => rows.reduce((total, row) => total + Number(row[key]), 0);
  const finished = ["delivered", "failed", "expired", "undeliverable", "rejected"].reduce((total, status) => total + count(status), 0);
  return {
    submitted: count("submitted"),
    queued: count("queued"),
    sent: count("sent"),
    delivered: count("delivered"),
    failed: count("failed"),
    expired: count("expired"),
    undeliverable: count("undeliverable"),
    rejected: count("rejected"),
    finished,
    ratio: messageCount === 0 ? 0 : Math.min(1, finished / messageCount),
    spent: sum("captured"),
    reserved: sum("reserved") + Number(campaignReserved),
    refunded: sum("released"),
  };
}

/** A campaign with live progress: counts per status, spend against what is still reserved. */
export async function getCampaign(accountId: string, campaignId: string) {
  const campaign = await db.campaign.findFirst({ where: { id: campaignId, accountId }, select: campaignSelect });
  if (!campaign) throw notFound("Campaign");
  return { ...withClass(campaign), progress: await readProgress(campaign.id, campaign.messageCount, campaign.reservedAmount) };
}

/** A page of a campaign's messages, optionally by status (or several: the portal's outcome tabs) or recipient; `nextCursor` continues. */
export async function listCampaignMessages(accountId: string, campaignId: string, query: Omit<ListCampaignMessagesQuery, "status"> & { status?: ListCampaignMessagesQuery["status"]; statuses?: readonly string[] }) {
  const campaign = await db.campaign.findFirst({ where: { id: campaignId, accountId }, select: { id: true } });
  if (!campaign) throw notFound("Campaign");
  const rows = await db.$queryRaw<
    { id: string; to: string; body: string; status: string; status_reason: string | null; segments: number; cost: number; charge_state: string; updated_at: Date }[]
  >`
    SELECT id::text AS id, "to", body, status::text AS status, status_reason, segments, cost, charge_state::text AS charge_state, updated_at
    FROM messages
    WHERE campaign_id = ${campaignId}::uuid
      ${query.status ? Prisma.sql`AND status = ${query.status}::"MessageStatus"` : Prisma.empty}
      ${query.statuses ? Prisma.sql`AND status = ANY(${[...query.statuses]}::"MessageStatus"[])` : Prisma.empty}
      ${query.to ? Prisma.sql`AND "to" LIKE ${`%${query.to.replace(/[^0-9+]/g, "")}%`}` : Prisma.empty}
      ${query.cursor ? Prisma.sql`AND id > ${query.cursor}::uuid` : Prisma.empty}
    ORDER BY id
    LIMIT ${query.limit}`;
  const data = rows.map((row) => ({
    id: row.id,
    to: row.to,
    body: row.body,
    status: row.status,
    statusReason: row.status_reason,
    segments: row.segments,
    cost: row.cost,
    chargeState: row.charge_state,
    updatedAt: row.updated_at,
  }));
  return { data, nextCursor: rows.length === query.limit ? rows[rows.length - 1].id : null };
}
