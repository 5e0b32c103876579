import { createHash, randomBytes } from "node:crypto";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { db } from "@/lib/db";
import { inviteMember } from "@/lib/team/manage-invites";
import { createKeyword } from "@/lib/keywords/manage-keywords";
import { optOutPhone } from "@/lib/opt-outs/manage-opt-outs";
import { requestSenderId } from "@/lib/sender-ids/request-sender-id";
import { createWebhookEndpoint } from "@/lib/webhooks/create-webhook-endpoint";
import { sendTestEvent } from "@/lib/webhooks/send-test-event";
import { createTestAccount, type TestAccount } from "@/tests/helpers/accounts";
import { createTestMessage } from "@/tests/helpers/messages";
import { assignNumber, uniquePhone, uniqueShortCode } from "@/tests/helpers/two-way";

/**
 * Two tenants for the isolation cases: A owns one row of every kind the routes and actions reach
 * (each named with A's marker), B owns only what createTestAccount gives it. B's calls aim at A's ids.
 */
export interface IsolationWorld {
  a: TestAccount;
  b: TestAccount;
  /** A string in every name A's rows carry, so any answer to B that shows one of them is caught. */
  marker: string;
  ids: {
    message: string;
    campaign: string;
    list: string;
    contact: string;
    endpoint: string;
    delivery: string;
    keyword: string;
    inboundNumber: string;
    inboundMessage: string;
    senderId: string;
    apiKey: string;
    user: string;
    invite: string;
  };
  /** A phone A has opted out and has an inbox conversation with; B has never seen it. */
  phone: string;
  /** A's short code, with A's keyword on it. */
  shortCode: string;
  /** Every id of A's (and the marker): none may appear in an answer to B. */
  secrets: string[];
}

export async function buildIsolationWorld(): Promise<IsolationWorld> {
  const marker = `isoA${randomBytes(4).toString("hex")}`;
  const a = await createTestAccount({ credits: 1_000_000, name: `Org ${marker}` });
  const b = await createTestAccount({ credits: 1_000_000 });
  const phone = uniquePhone();
  const message = await createTestMessage({ accountId: a.accountId, to: phone });
  const campaign = await db.campaign.create({
    data: { accountId: a.accountId, name: `Campaign ${marker}`, from: a.senderId, body: "hi", status: "scheduled", sendAt: new Date(Date.now() + 86_400_000) },
  });
  const list = await db.contactList.create({ data: { accountId: a.accountId, name: `List ${marker}`, source: "numbers", status: "ready" } });
  const contact = await db.contact.create({ data: { listId: list.id, rowNumber: 1, rawPhone: phone, fields: { name: marker } } });
  const endpoint = await createWebhookEndpoint(a.accountId, { url: "http://127.0.0.1:9/isolation", events: ["*"], description: `Hook ${marker}` });
  await sendTestEvent(a.accountId, endpoint.id);
  const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { accountId: a.accountId } });
  const shortCode = uniqueShortCode();
  const inboundNumber = await assignNumber(a.accountId, shortCode);
  const keyword = await createKeyword(a.accountId, { keyword: marker.toUpperCase(), action: "reply", reply: `Reply ${marker}`, number: shortCode });
  const inboundMessage = await db.inboundMessage.create({
    data: { accountId: a.accountId, inboundNumberId: inboundNumber.id, provider: "celcom", from: phone, to: shortCode, body: `Hello ${marker}`, receivedAt: new Date() },
  });
  await optOutPhone(a.accountId, phone, "KE", { source: "api", apiKeyId: null, userId: null });
  const senderId = await requestSenderId(a.accountId, { value: `P${marker.slice(4, 10).toUpperCase()}`, purpose: `Purpose ${marker}` });
  const apiKey = await createApiKey({ accountId: a.accountId, name: `Key ${marker}` });
  const invite = await inviteMember({ id: a.userId, accountId: a.accountId }, { email: `${marker.toLowerCase()}@invitee.test`, role: "member" });
  const ids = {
    message: message.id,
    campaign: campaign.id,
    list: list.id,
    contact: contact.id.toString(),
    endpoint: endpoint.id,
    delivery: delivery.id,
    keyword: keyword.id,
    inboundNumber: inboundNumber.id,
    inboundMessage: inboundMessage.id,
    senderId: senderId.id,
    apiKey: apiKey.id,
    user: a.userId,
    invite: invite.id,
  };
  const secrets = [marker, phone, a.accountId, ...Object.entries(ids).filter(([name]) => name !== "contact").map(([, id]) => id)];
  return { a, b, marker, ids, phone, shortCode, secrets };
}

/**
 * A fingerprint of every row A owns: each table with an account_id column, A's account row, its
 * lists' contacts and its messages' events. Equal before and after B's calls = B changed nothing of A's.
 */
export async function fingerprintOf(accountId: string): Promise<Record<string, string>> {
  const tables = await db.$queryRaw<{ table_name: string }[]>`
    SELECT table_name::text AS table_name FROM information_schema.columns
    WHERE table_schema = current_schema() AND column_name = 'account_id' ORDER BY table_name`;
  const result: Record<string, string> = {};
  const digest = (rows: unknown[]) => createHash("sha256").update(JSON.stringify(rows, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value))).digest("hex");
  for (const { table_name: table } of tables) {
    const rows = await db.$queryRawUnsafe<unknown[]>(`SELECT row_to_json(t)::text AS row FROM "${table}" t WHERE account_id = $1::uuid ORDER BY 1`, accountId);
    result[table] = digest(rows);
  }
  result.accounts = digest(await db.$queryRaw<unknown[]>`SELECT row_to_json(t)::text AS row FROM accounts t WHERE id = ${accountId}::uuid`);
  result.contacts = digest(await db.$queryRaw<unknown[]>`
    SELECT row_to_json(c)::text AS row FROM contacts c JOIN contact_lists l ON l.id = c.list_id WHERE l.account_id = ${accountId}::uuid ORDER BY 1`);
  result.message_events = digest(await db.$queryRaw<unknown[]>`
    SELECT row_to_json(e)::text AS row FROM message_events e JOIN messages m ON m.id = e.message_id WHERE m.account_id = ${accountId}::uuid ORDER BY 1`);
  return result;
}

/** The secrets of A that appear in `text` (an answer to B). */
export function leakedSecrets(world: IsolationWorld, text: string, echoed: readonly string[] = []): string[] {
  return world.secrets.filter((secret) => !echoed.includes(secret) && text.includes(secret));
}
