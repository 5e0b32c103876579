import { randomUUID } from "node:crypto";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { db } from "@/lib/db";
import { createKeyword } from "@/lib/keywords/manage-keywords";
import { optOutPhone } from "@/lib/opt-outs/manage-opt-outs";
import { createWebhookEndpoint } from "@/lib/webhooks/create-webhook-endpoint";
import { sendTestEvent } from "@/lib/webhooks/send-test-event";
import { createTestAccount } from "@/tests/helpers/accounts";
import { createTestMessage } from "@/tests/helpers/messages";
import type { CallOptions } from "@/tests/helpers/http";

/** One request of a contract case; `apiKey` defaults to the fixture account's key (null: none). */
export type ContractRequest = Omit<CallOptions, "apiKey" | "method" | "path"> & { apiKey?: string | null; query?: string };

export interface ContractCase {
  success: ContractRequest;
  /** null only for an operation with no failure to show (the public document). */
  error: ContractRequest | null;
}

const MISSING = "00000000-0000-4000-8000-000000000000";
const NO_KEY: ContractRequest = { apiKey: null };

/**
 * Rows the success requests act on, and one request per outcome for every documented operation,
 * keyed "METHOD /v1/path/{param}" as in the document. Each success request gets its own rows where
 * it consumes them (revoking, rotating, deleting, cancelling).
 */
export async function contractCases(): Promise<{ apiKey: string; cases: Record<string, ContractCase> }> {
  const account = await createTestAccount({ credits: 10_000_000 });
  const { accountId } = account;
  const spareKey = await createApiKey({ accountId, name: "spare" });
  const revokableKey = await createApiKey({ accountId, name: "revokable" });
  const endpoint = await createWebhookEndpoint(accountId, { url: "http://127.0.0.1:9/contract", events: ["*"] });
  const doomedEndpoint = await createWebhookEndpoint(accountId, { url: "http://127.0.0.1:9/doomed", events: ["*"] });
  await sendTestEvent(accountId, endpoint.id);
  const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { accountId } });
  const list = await db.contactList.create({ data: { accountId, name: "Contract", source: "numbers", status: "ready" } });
  const doomedList = await db.contactList.create({ data: { accountId, name: "Doomed", source: "numbers", status: "ready" } });
  const contact = await db.contact.create({ data: { listId: list.id, rowNumber: 1, rawPhone: "07123" } });
  const sendable = await db.contactList.create({ data: { accountId, name: "Sendable", source: "numbers", status: "ready", totalCount: 1, validCount: 1 } });
  const recipient = await db.contact.create({ data: { listId: sendable.id, rowNumber: 1, rawPhone: "0712345678" } });
  await db.contactVerdict.create({ data: { listId: sendable.id, contactId: recipient.id, status: "valid", phone: "+254712345678", country: "KE", operator: "Safaricom" } });
  await db.webhookDelivery.update({ where: { id: delivery.id }, data: { status: "failed", completedAt: new Date() } });
  const sendAt = new Date(Date.now() + 86_400_000);
  const campaign = await db.campaign.create({ data: { accountId, name: "Contract", from: "SEMATEST", body: "hi", status: "scheduled", sendAt } });
  const cancellable = await db.campaign.create({ data: { accountId, name: "Cancel me", from: "SEMATEST", body: "hi", status: "scheduled", sendAt } });
  const message = await createTestMessage({ accountId });
  const senderId = await db.senderId.findFirstOrThrow({ where: { accountId } });
  const keyword = await createKeyword(accountId, { keyword: "CONTRACT", action: "reply", reply: "Thanks" });
  const doomedKeyword = await createKeyword(accountId, { keyword: "DOOMED", action: "reply", reply: "Bye" });
  const shortCode = String(10_000_000 + Math.floor(Math.random() * 89_999_999));
  const inboundNumber = await db.inboundNumber.create({ data: { accountId, number: shortCode, kind: "short_code" } });
  await db.inboundMessage.create({
    data: { accountId, inboundNumberId: inboundNumber.id, provider: "celcom", providerMessageId: randomUUID(), from: "+254722000111", to: shortCode, body: "STOP", keyword: "STOP", action: "opt_out", receivedAt: new Date() },
  });
  // A phone of its own: the sends above go to 0712345678 and must not be opted out.
  await optOutPhone(accountId, "0722000111", "KE", { source: "api" });
  await db.auditEvent.create({ data: { accountId, actorType: "api_key", actorLabel: "contract", action: "api_key.create", targetType: "api_key", targetId: spareKey.id, after: { name: "spare" } } });

  const cases: Record<string, ContractCase> = {
    "GET /v1/openapi.json": { success: { apiKey: null }, error: null },
    "GET /v1/account": { success: {}, error: NO_KEY },
    "PATCH /v1/account": {
      success: { body: { dailySpendLimit: 100_000_000, quietHours: { start: "21:00", end: "07:00" }, lowBalanceThreshold: 1_000 } },
      error: { body: { quietHours: { start: "25:00", end: "07:00" } } },
    },
    "GET /v1/balance": { success: {}, error: { apiKey: "sk_live_not_a_key" } },
    "GET /v1/api-keys": { success: {}, error: NO_KEY },
    "POST /v1/api-keys": { success: { body: { name: "contract" } }, error: { body: { name: "" } } },
    "DELETE /v1/api-keys/{id}": { success: { params: { id: revokableKey.id } }, error: { params: { id: MISSING } } },
    "POST /v1/api-keys/{id}/rotate": { success: { params: { id: spareKey.id }, body: { graceHours: 1 } }, error: { params: { id: spareKey.id }, body: { graceHours: -1 } } },
    "GET /v1/messages": { success: { query: "limit=5" }, error: { query: "limit=0" } },
    "POST /v1/messages": {
      success: { body: { to: "0712345678", from: "SEMATEST", body: "Contract", customPayload: { order: "1" } }, headers: { "idempotency-key": randomUUID() } },
      error: { body: { to: "0712345678", from: "SEMATEST", body: "x".repeat(2_001) } },
    },
    "POST /v1/messages/batch": {
      success: { body: { from: "SEMATEST", body: "Batch", messages: [{ to: "0712345678", customPayload: "ref-1" }, { to: "not a phone" }] }, headers: { "idempotency-key": randomUUID() } },
      error: { body: { from: "SEMATEST", body: "Batch", messages: [] } },
    },
    "GET /v1/messages/{id}": { success: { params: { id: message.id } }, error: { params: { id: MISSING } } },
    "POST /v1/messages/preview": { success: { body: { to: "0712345678", from: "SEMATEST", body: "Hello" } }, error: { rawBody: "{", headers: { "content-type": "application/json" } } },
    "GET /v1/sender-ids": { success: {}, error: NO_KEY },
    "POST /v1/sender-ids": { success: { body: { value: "CONTRACT", purpose: "Tests" } }, error: { body: { value: "x" } } },
    "GET /v1/sender-ids/{id}": { success: { params: { id: senderId.id } }, error: { params: { id: MISSING } } },
    "GET /v1/campaigns": { success: {}, error: { query: "status=nope" } },
    "POST /v1/campaigns": {
      success: { body: { name: "Contract", from: "SEMATEST", body: "Hello", contactListId: sendable.id, sendAt: sendAt.toISOString() } },
      error: { body: { name: "Contract", from: "SEMATEST", body: "Hello", contactListId: "nope" } },
    },
    "GET /v1/campaigns/{id}": { success: { params: { id: campaign.id } }, error: { params: { id: MISSING } } },
    "PATCH /v1/campaigns/{id}/cancel": { success: { params: { id: cancellable.id } }, error: { params: { id: MISSING } } },
    "GET /v1/campaigns/{id}/messages": { success: { params: { id: campaign.id } }, error: { params: { id: campaign.id }, query: "limit=1000" } },
    "GET /v1/contact-lists": { success: {}, error: { query: "limit=x" } },
    "POST /v1/contact-lists": { success: { body: { name: "Contract", numbers: ["0712345678", "0733123456"] } }, error: { body: { name: "Contract", numbers: [] } } },
    "GET /v1/contact-lists/{id}": { success: { params: { id: list.id } }, error: { params: { id: MISSING } } },
    "DELETE /v1/contact-lists/{id}": { success: { params: { id: doomedList.id } }, error: { params: { id: MISSING } } },
    "GET /v1/contact-lists/{id}/contacts": { success: { params: { id: list.id } }, error: { params: { id: list.id }, query: "status=gone" } },
    "DELETE /v1/contact-lists/{id}/contacts": { success: { params: { id: list.id }, query: "status=invalid" }, error: { params: { id: list.id }, query: "status=valid" } },
    "PATCH /v1/contact-lists/{id}/contacts/{contactId}": {
      success: { params: { id: list.id, contactId: String(contact.id) }, body: { phone: "0712345678" } },
      error: { params: { id: list.id, contactId: "999999999" }, body: { phone: "0712345678" } },
    },
    "POST /v1/contact-lists/{id}/validate": { success: { params: { id: list.id }, query: "scope=all" }, error: { params: { id: list.id }, query: "scope=some" } },
    "GET /v1/webhooks": { success: {}, error: NO_KEY },
    "POST /v1/webhooks": { success: { body: { url: "http://127.0.0.1:9/new", events: ["message.*"] } }, error: { body: { url: "not a url", events: [] } } },
    "GET /v1/webhooks/{id}": { success: { params: { id: endpoint.id } }, error: { params: { id: MISSING } } },
    "PATCH /v1/webhooks/{id}": { success: { params: { id: endpoint.id }, body: { description: "Contract" } }, error: { params: { id: endpoint.id }, body: {} } },
    "DELETE /v1/webhooks/{id}": { success: { params: { id: doomedEndpoint.id } }, error: { params: { id: MISSING } } },
    "GET /v1/webhooks/{id}/deliveries": { success: { params: { id: endpoint.id } }, error: { params: { id: MISSING } } },
    "POST /v1/webhooks/{id}/rotate-secret": { success: { params: { id: endpoint.id }, body: { overlapHours: 1 } }, error: { params: { id: endpoint.id }, body: { overlapHours: 1_000 } } },
    "POST /v1/webhooks/{id}/test": { success: { params: { id: endpoint.id } }, error: { params: { id: MISSING } } },
    "GET /v1/webhooks/deliveries": { success: { query: "limit=5" }, error: { query: "status=lost" } },
    "GET /v1/webhooks/deliveries/{deliveryId}": { success: { params: { deliveryId: delivery.id } }, error: { params: { deliveryId: MISSING } } },
    "POST /v1/webhooks/deliveries/{deliveryId}/replay": { success: { params: { deliveryId: delivery.id } }, error: { params: { deliveryId: MISSING } } },
    "POST /v1/webhooks/deliveries/replay": { success: { body: { since: "2026-01-01T00:00:00Z" } }, error: { body: { since: "yesterday" } } },
    "GET /v1/inbound-messages": { success: { query: "phone=0722000111" }, error: { query: "limit=0" } },
    "GET /v1/inbound-numbers": { success: {}, error: NO_KEY },
    "PATCH /v1/inbound-numbers/{id}": {
      success: { params: { id: inboundNumber.id }, body: { sendConfirmations: false } },
      error: { params: { id: inboundNumber.id }, body: { sendConfirmations: "no" } },
    },
    "GET /v1/keywords": { success: {}, error: NO_KEY },
    "POST /v1/keywords": { success: { body: { keyword: "promo", action: "reply", reply: "20% off today" } }, error: { body: { keyword: "STOP", action: "reply", reply: "No" } } },
    "GET /v1/keywords/{id}": { success: { params: { id: keyword.id } }, error: { params: { id: MISSING } } },
    "PATCH /v1/keywords/{id}": { success: { params: { id: keyword.id }, body: { reply: "Thank you" } }, error: { params: { id: keyword.id }, body: {} } },
    "DELETE /v1/keywords/{id}": { success: { params: { id: doomedKeyword.id } }, error: { params: { id: MISSING } } },
    "GET /v1/opt-outs": { success: { query: "limit=5" }, error: { query: "limit=0" } },
    "POST /v1/opt-outs": { success: { body: { phone: "0733123456" } }, error: { body: { phone: "not a phone" } } },
    "GET /v1/opt-outs/{phone}": { success: { params: { phone: "0722000111" } }, error: { params: { phone: "not-a-phone" } } },
    "GET /v1/opt-outs/{phone}/history": { success: { params: { phone: "%2B254722000111" } }, error: { params: { phone: "not-a-phone" } } },
    "DELETE /v1/opt-outs/{phone}": { success: { params: { phone: "+254722000111" } }, error: { params: { phone: "0799999999" } } },
    "GET /v1/audit-events": { success: { query: "action=api_key.create" }, error: { query: "action=nope" } },
  };
  return { apiKey: account.apiKey, cases };
}
