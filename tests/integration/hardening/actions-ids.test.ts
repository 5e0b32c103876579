import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import * as apiKeyActions from "@/app/(portal)/api-keys/actions";
import * as campaignActions from "@/app/(portal)/campaigns/actions";
import * as contactActions from "@/app/(portal)/contacts/actions";
import * as topUpActions from "@/app/(portal)/operator/accounts/actions";
import * as decisionActions from "@/app/(portal)/operator/sender-ids/actions";
import * as webhookActions from "@/app/(portal)/webhooks/actions";
import { GET as exportContacts } from "@/app/(portal)/contacts/[id]/export/route";
import { POST as uploadContacts } from "@/app/(portal)/contacts/upload/route";
import { db } from "@/lib/db";
import { createWebhookEndpoint } from "@/lib/webhooks/create-webhook-endpoint";
import { sendTestEvent } from "@/lib/webhooks/send-test-event";
import type { FormState } from "@/lib/form-state";
import { createTestAccount, type TestAccount } from "@/tests/helpers/accounts";
import { callRoute } from "@/tests/helpers/http";
import { sessionUserOf, signInAs } from "@/tests/helpers/portal-session";

vi.mock("@/lib/auth/next-auth", () => import("@/tests/helpers/portal-session"));
// Outside a Next.js request there is no cache to revalidate.
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

// Portal server actions given an id that is not a UUID, or another account's id: a form error
// saying the thing was not found, never a throw, and the other account's data untouched.

type FormAction = (previous: FormState<never>, formData: FormData) => Promise<FormState<unknown>>;

let mine: TestAccount;
let theirs: TestAccount;
const their: Record<"apiKey" | "campaign" | "list" | "endpoint" | "delivery", string> = { apiKey: "", campaign: "", list: "", endpoint: "", delivery: "" };

beforeAll(async () => {
  [mine, theirs] = await Promise.all([createTestAccount(), createTestAccount()]);
  their.apiKey = (await db.apiKey.findFirstOrThrow({ where: { accountId: theirs.accountId } })).id;
  their.campaign = (
    await db.campaign.create({ data: { accountId: theirs.accountId, name: "Theirs", from: "SEMATEST", body: "hi", status: "scheduled", sendAt: new Date(Date.now() + 86_400_000) } })
  ).id;
  their.list = (await db.contactList.create({ data: { accountId: theirs.accountId, name: "Theirs", source: "numbers", status: "ready" } })).id;
  const endpoint = await createWebhookEndpoint(theirs.accountId, { url: "http://127.0.0.1:9/theirs", events: ["*"] });
  their.endpoint = endpoint.id;
  await sendTestEvent(theirs.accountId, endpoint.id);
  their.delivery = (await db.webhookDelivery.findFirstOrThrow({ where: { accountId: theirs.accountId } })).id;
  await db.webhookDelivery.update({ where: { id: their.delivery }, data: { status: "failed" } });
});

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

interface IdCase {
  name: string;
  action: FormAction;
  field: string;
  theirs?: keyof typeof their;
  extra?: Record<string, string>;
  operator?: boolean;
}

const cases: IdCase[] = [
  { name: "rotate API key", action: apiKeyActions.rotateApiKeyAction, field: "id", theirs: "apiKey" },
  { name: "revoke API key", action: apiKeyActions.revokeApiKeyAction, field: "id", theirs: "apiKey" },
  { name: "cancel campaign", action: campaignActions.cancelCampaignAction, field: "campaignId", theirs: "campaign" },
  { name: "estimate campaign", action: campaignActions.estimateCampaignAction, field: "contactListId", theirs: "list", extra: { body: "hi" } },
  { name: "fix contact", action: contactActions.fixContactAction, field: "listId", theirs: "list", extra: { contactId: "1", phone: "0712345678" } },
  { name: "remove invalid contacts", action: contactActions.removeInvalidAction, field: "listId", theirs: "list" },
  { name: "re-validate list", action: contactActions.revalidateListAction, field: "listId", theirs: "list" },
  { name: "delete list", action: contactActions.deleteListAction, field: "listId", theirs: "list" },
  { name: "update endpoint events", action: webhookActions.updateEndpointEventsAction, field: "id", theirs: "endpoint", extra: { events: "*" } },
  { name: "enable endpoint", action: webhookActions.setEndpointStatusAction, field: "id", theirs: "endpoint", extra: { status: "disabled" } },
  { name: "delete endpoint", action: webhookActions.deleteEndpointAction, field: "id", theirs: "endpoint" },
  { name: "rotate endpoint secret", action: webhookActions.rotateEndpointSecretAction, field: "id", theirs: "endpoint" },
  { name: "send test event", action: webhookActions.sendTestEventAction, field: "id", theirs: "endpoint" },
  { name: "replay delivery", action: webhookActions.replayDeliveryAction, field: "id", theirs: "delivery" },
  { name: "top up (operator)", action: topUpActions.topUpAccountAction, field: "accountId", extra: { amount: "10" }, operator: true },
  { name: "decide sender ID (operator)", action: decisionActions.decideSenderIdAction, field: "id", extra: { decision: "approved" }, operator: true },
];

function expectNotFound(state: FormState<unknown>, field: string) {
  expect(state.status).toBe("error");
  // A hidden id field says "not found"; an id chosen in a form (a select) is a field error on it.
  if (!/not found/i.test(state.message ?? "")) expect(state.fieldErrors?.[field]?.length).toBeGreaterThan(0);
}

describe("portal actions given ids they cannot use", () => {
  it.each(cases)("$name: a non-UUID $field is a form error", async ({ action, field, extra, operator }) => {
    signInAs(sessionUserOf(mine, { isOperator: Boolean(operator) }));
    for (const id of ["not-a-uuid", "1 OR 1=1", "", `${randomUUID()}\u0000`]) {
      expectNotFound(await action({ status: "idle" }, form({ ...extra, [field]: id })), field);
    }
  });

  it.each(cases)("$name: an id that names nothing of this account is not found", async ({ action, field, theirs: key, extra, operator }) => {
    signInAs(sessionUserOf(mine, { isOperator: Boolean(operator) }));
    const id = key ? their[key] : randomUUID();
    const state = await action({ status: "idle" }, form({ ...extra, [field]: id }));
    expect(state).toMatchObject({ status: "error", message: expect.stringMatching(/not found/i) });
  });

  it("left the other account's data as it was", async () => {
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: their.apiKey } })).revokedAt).toBeNull();
    expect((await db.campaign.findUniqueOrThrow({ where: { id: their.campaign } })).status).toBe("scheduled");
    expect(await db.contactList.count({ where: { id: their.list } })).toBe(1);
    expect((await db.webhookEndpoint.findUniqueOrThrow({ where: { id: their.endpoint } })).status).toBe("active");
    expect((await db.webhookDelivery.findUniqueOrThrow({ where: { id: their.delivery } })).status).toBe("failed");
  });

  it("sample contacts: a non-UUID or another account's list is not found", async () => {
    signInAs(sessionUserOf(mine));
    for (const listId of ["x", their.list]) {
      expect(await campaignActions.sampleContactsAction(listId)).toMatchObject({ status: "error", message: "Contact list not found" });
    }
  });

  it("operator actions refuse everyone else with a form error", async () => {
    signInAs(sessionUserOf(mine));
    const state = await topUpActions.topUpAccountAction({ status: "idle" }, form({ accountId: mine.accountId, amount: "100" }));
    expect(state.status).toBe("error");
    expect((await db.account.findUniqueOrThrow({ where: { id: mine.accountId } })).balance).toBe(100_000n);
  });
});

describe("portal route handlers", () => {
  it("export: 404 for a non-UUID or another account's list, 422 for a bad status, 401 without a session", async () => {
    signInAs(sessionUserOf(mine));
    expect((await callRoute(exportContacts, { params: { id: "nope" } })).status).toBe(404);
    expect((await callRoute(exportContacts, { params: { id: their.list } })).status).toBe(404);
    const badStatus = await callRoute<{ error: { details: { field: string }[] } }>(exportContacts, { path: "/x?status=%00", params: { id: their.list } });
    expect(badStatus.status).toBe(422);
    expect(badStatus.body.error.details[0].field).toBe("status");
    signInAs(null);
    expect((await callRoute(exportContacts, { params: { id: their.list } })).status).toBe(401);
  });

  it("upload: the same refusals as the API (422 naming the field), 401 without a session", async () => {
    signInAs(sessionUserOf(mine));
    const refused = await callRoute<{ error: { details: { field: string }[] } }>(uploadContacts, {
      path: "/contacts/upload?name=%00",
      rawBody: "phone\n0712345678\n",
      headers: { "content-type": "text/csv" },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.details[0].field).toBe("name");
    signInAs(null);
    expect((await callRoute(uploadContacts, { rawBody: "phone\n0712345678\n", headers: { "content-type": "text/csv" } })).status).toBe(401);
  });
});
