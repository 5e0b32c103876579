import { beforeAll, describe, expect, it } from "vitest";
import * as campaignMessagesRoute from "@/app/api/v1/campaigns/[id]/messages/route";
import * as campaignsRoute from "@/app/api/v1/campaigns/route";
import * as contactRoute from "@/app/api/v1/contact-lists/[id]/contacts/[contactId]/route";
import * as contactsRoute from "@/app/api/v1/contact-lists/[id]/contacts/route";
import * as listsRoute from "@/app/api/v1/contact-lists/route";
import * as keysRoute from "@/app/api/v1/api-keys/route";
import * as messagesRoute from "@/app/api/v1/messages/route";
import * as senderIdsRoute from "@/app/api/v1/sender-ids/route";
import * as deliveriesRoute from "@/app/api/v1/webhooks/deliveries/route";
import * as replayRoute from "@/app/api/v1/webhooks/deliveries/replay/route";
import * as endpointRoute from "@/app/api/v1/webhooks/[id]/route";
import * as endpointDeliveriesRoute from "@/app/api/v1/webhooks/[id]/deliveries/route";
import * as webhooksRoute from "@/app/api/v1/webhooks/route";
import { db } from "@/lib/db";
import { createTestAccount, type TestAccount } from "@/tests/helpers/accounts";
import { callRoute, type CallOptions } from "@/tests/helpers/http";

// Every input the hardening issue measured as a 500, each answered with its specific 4xx in the
// documented shape, naming the field. Nothing is written for a refused request.

type ErrorBody = { error: { code: string; message: string; details?: { field: string; message: string }[] } };
type Handler = Parameters<typeof callRoute>[0];

const SAFARICOM = "0712345678";
const NUL = "\u0000";
const HIGH = "\ud800";
const LOW = "\udc00";
const BAD_DATES = ["-005000-01-01T00:00:00Z", "+275760-09-13T00:00:00Z", "8.64e15"];
const b64 = (text: string) => Buffer.from(text).toString("base64url");
const deepArray = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;

let account: TestAccount;
let endpointId: string;
let listId: string;

beforeAll(async () => {
  account = await createTestAccount();
  const endpoint = await callRoute<{ id: string }>(webhooksRoute.POST, { apiKey: account.apiKey, body: { url: "http://127.0.0.1:9/hook", events: ["*"] } });
  endpointId = endpoint.body.id;
  listId = (await db.contactList.create({ data: { accountId: account.accountId, name: "Fixture", source: "numbers", status: "ready" } })).id;
});

interface Case {
  name: string;
  handler: Handler;
  call: () => CallOptions;
  status: number;
  code: string;
  field: string;
}

const send = (body: Record<string, unknown>) => ({ body: { to: SAFARICOM, from: "SEMATEST", body: "hi", ...body } });
const query = (path: string, params?: Record<string, string>) => ({ method: "GET", path, ...(params ? { params } : {}) });
const campaign = (body: Record<string, unknown>) => ({ body: { name: "C", from: "SEMATEST", body: "hi", contactListId: listId, ...body } });

const cases: Case[] = [
  { name: "NUL in from", handler: messagesRoute.POST, call: () => send({ from: `SEMA${NUL}` }), status: 422, code: "validation_failed", field: "from" },
  { name: "lone surrogate in body", handler: messagesRoute.POST, call: () => send({ body: `hi ${HIGH}` }), status: 422, code: "validation_failed", field: "body" },
  { name: "NUL in to", handler: messagesRoute.POST, call: () => send({ to: `0712${NUL}345678` }), status: 422, code: "validation_failed", field: "to" },
  { name: "NUL in a customPayload key", handler: messagesRoute.POST, call: () => send({ customPayload: { [`a${NUL}`]: 1 } }), status: 422, code: "validation_failed", field: "customPayload" },
  { name: "lone surrogate in a customPayload value", handler: messagesRoute.POST, call: () => send({ customPayload: { a: [`x${LOW}`] } }), status: 422, code: "validation_failed", field: "customPayload.a.0" },
  {
    name: "customPayload nested 30,000 deep",
    handler: messagesRoute.POST,
    call: () => ({ rawBody: `{"to":"${SAFARICOM}","from":"SEMATEST","body":"hi","customPayload":${deepArray(30_000)}}`, headers: { "content-type": "application/json" } }),
    status: 422,
    code: "validation_failed",
    field: "customPayload",
  },
  { name: "customPayload nested 40 deep", handler: messagesRoute.POST, call: () => send({ customPayload: JSON.parse(deepArray(40)) }), status: 422, code: "validation_failed", field: "customPayload" },
  { name: "NUL in an API key name", handler: keysRoute.POST, call: () => ({ body: { name: `key${NUL}` } }), status: 422, code: "validation_failed", field: "name" },
  { name: "lone surrogate in a sender ID purpose", handler: senderIdsRoute.POST, call: () => ({ body: { value: "ACMEX", purpose: LOW } }), status: 422, code: "validation_failed", field: "purpose" },
  { name: "NUL in a webhook description", handler: webhooksRoute.POST, call: () => ({ body: { url: "http://127.0.0.1:9/x", events: ["*"], description: NUL } }), status: 422, code: "validation_failed", field: "description" },
  {
    name: "lone surrogate in a webhook description update",
    handler: endpointRoute.PATCH,
    call: () => ({ method: "PATCH", params: { id: endpointId }, body: { description: HIGH } }),
    status: 422,
    code: "validation_failed",
    field: "description",
  },
  { name: "NUL in a campaign name", handler: campaignsRoute.POST, call: () => campaign({ name: NUL }), status: 422, code: "validation_failed", field: "name" },
  ...BAD_DATES.map((sendAt) => ({ name: `sendAt ${sendAt}`, handler: campaignsRoute.POST, call: () => campaign({ sendAt }), status: 422, code: "validation_failed", field: "sendAt" })),
  { name: "sendAt 8.64e15 as a number", handler: campaignsRoute.POST, call: () => campaign({ sendAt: 8.64e15 }), status: 422, code: "validation_failed", field: "sendAt" },
  { name: "campaign customPayload key with NUL", handler: campaignsRoute.POST, call: () => campaign({ customPayload: { [NUL]: "x" } }), status: 422, code: "validation_failed", field: "customPayload" },
  {
    name: "campaign customPayload nested 30,000 deep",
    handler: campaignsRoute.POST,
    call: () => ({ rawBody: `{"name":"C","from":"SEMATEST","body":"hi","contactListId":"${listId}","customPayload":{"a":${deepArray(30_000)}}}`, headers: { "content-type": "application/json" } }),
    status: 422,
    code: "validation_failed",
    field: "customPayload",
  },
  { name: "NUL in a contact list name (JSON)", handler: listsRoute.POST, call: () => ({ body: { name: `L${NUL}`, numbers: [SAFARICOM] } }), status: 422, code: "validation_failed", field: "name" },
  { name: "lone surrogate in a number (JSON)", handler: listsRoute.POST, call: () => ({ body: { name: "L", numbers: [`${HIGH}0712`] } }), status: 422, code: "validation_failed", field: "numbers.0" },
  {
    name: "NUL in the list name query of a CSV upload",
    handler: listsRoute.POST,
    call: () => ({ path: "/v1/contact-lists?name=L%00", rawBody: `phone\n${SAFARICOM}\n`, headers: { "content-type": "text/csv" } }),
    status: 422,
    code: "validation_failed",
    field: "name",
  },
  {
    name: "NUL in the phoneColumn of a multipart upload",
    handler: listsRoute.POST,
    call: () => {
      const boundary = "XyZ";
      const part = (name: string, value: string, file = false) =>
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${file ? '; filename="c.csv"' : ""}\r\n\r\n${value}\r\n`;
      return { rawBody: `${part("phoneColumn", `phone${NUL}`)}${part("file", `phone\n${SAFARICOM}`, true)}--${boundary}--\r\n`, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
    },
    status: 422,
    code: "validation_failed",
    field: "phoneColumn",
  },
  {
    name: "a UTF-16 CSV without a byte-order mark",
    handler: listsRoute.POST,
    call: () => ({ path: "/v1/contact-lists?name=U16", rawBody: new Uint8Array(Buffer.from(`phone\n${SAFARICOM}\n`, "utf16le")), headers: { "content-type": "text/csv" } }),
    status: 422,
    code: "validation_failed",
    field: "file",
  },
  { name: "NUL in a contact's phone", handler: contactRoute.PATCH, call: () => ({ method: "PATCH", params: { id: listId, contactId: "1" }, body: { phone: `07${NUL}` } }), status: 422, code: "validation_failed", field: "phone" },
  ...(["since", "until"] as const).flatMap((field) =>
    BAD_DATES.map((value) => ({ name: `${field}=${value}`, handler: messagesRoute.GET, call: () => query(`/v1/messages?${field}=${encodeURIComponent(value)}`), status: 422, code: "validation_failed", field })),
  ),
  { name: "NUL in the recipient filter", handler: messagesRoute.GET, call: () => query("/v1/messages?recipient=07%00"), status: 422, code: "validation_failed", field: "recipient" },
  ...[
    b64(`2026-11-30T10:00:00.000Z|${"-".repeat(36)}`),
    b64(`+275760-09-13T00:00:00.000Z|0b7c6f7e-8a53-4c1e-9d1b-1f6a2d3c4e5f`),
    b64("\u0000|\u0000"),
    "%%%",
  ].map((cursor) => ({ name: `crafted message cursor ${cursor.slice(0, 12)}…`, handler: messagesRoute.GET, call: () => query(`/v1/messages?cursor=${encodeURIComponent(cursor)}`), status: 422, code: "validation_failed", field: "cursor" })),
  ...["-1", "1e30", "abc"].map((cursor) => ({
    name: `crafted contacts cursor ${cursor}`,
    handler: contactsRoute.GET,
    call: () => query(`/v1/contact-lists/${listId}/contacts?cursor=${cursor}`, { id: listId }),
    status: 422,
    code: "validation_failed",
    field: "cursor",
  })),
  {
    name: "crafted campaign messages cursor",
    handler: campaignMessagesRoute.GET,
    call: () => query("/v1/campaigns/x/messages?cursor=not-a-uuid", { id: "0b7c6f7e-8a53-4c1e-9d1b-1f6a2d3c4e5f" }),
    status: 422,
    code: "validation_failed",
    field: "cursor",
  },
  { name: "crafted deliveries cursor", handler: deliveriesRoute.GET, call: () => query("/v1/webhooks/deliveries?before=1%27"), status: 422, code: "validation_failed", field: "before" },
  ...BAD_DATES.map((since) => ({ name: `deliveries since=${since}`, handler: deliveriesRoute.GET, call: () => query(`/v1/webhooks/deliveries?since=${encodeURIComponent(since)}`), status: 422, code: "validation_failed", field: "since" })),
  { name: "NUL in the deliveries eventType filter", handler: deliveriesRoute.GET, call: () => query("/v1/webhooks/deliveries?eventType=%00"), status: 422, code: "validation_failed", field: "eventType" },
  {
    name: "an endpoint's deliveries since year 275760",
    handler: endpointDeliveriesRoute.GET,
    call: () => ({ ...query(`/v1/webhooks/${endpointId}/deliveries?since=%2B275760-09-13T00:00:00Z`), params: { id: endpointId } }),
    status: 422,
    code: "validation_failed",
    field: "since",
  },
  ...BAD_DATES.map((since) => ({ name: `replay since ${since}`, handler: replayRoute.POST, call: () => ({ body: { since } }), status: 422, code: "validation_failed", field: "since" })),
];

/** What the account owns: a refused request adds nothing. (Other test files run alongside, so only this account's rows.) */
function rowCounts() {
  const where = { accountId: account.accountId };
  return Promise.all([db.message.count({ where }), db.campaign.count({ where }), db.contactList.count({ where }), db.apiKey.count({ where }), db.senderId.count({ where }), db.webhookEndpoint.count({ where })]);
}

describe("no 5xx from anything a client can send", () => {
  it.each(cases)("$name → $status $code on $field", async ({ handler, call, status, code, field }) => {
    const before = await rowCounts();
    const response = await callRoute<ErrorBody>(handler, { apiKey: account.apiKey, ...call() });
    expect(response.status).toBe(status);
    expect(response.body.error).toMatchObject({ code, message: expect.any(String) });
    expect(response.body.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ field, message: expect.any(String) })]));
    expect(await rowCounts()).toEqual(before);
  });
});

describe("CSV uploads in other encodings", () => {
  const csv = `phone,name\n${SAFARICOM},Zoë 漢字\n0712000999,Ann\n`;

  it.each([
    ["UTF-16LE", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, "utf16le")])],
    ["UTF-16BE", Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(csv, "utf16le").swap16()])],
  ])("reads %s with a byte-order mark like UTF-8", async (_name, bytes) => {
    const response = await callRoute<{ contactListId: string; totalCount: number }>(listsRoute.POST, {
      apiKey: account.apiKey,
      path: "/v1/contact-lists?name=Excel",
      rawBody: new Uint8Array(bytes),
      headers: { "content-type": "text/csv" },
    });
    expect(response.status).toBe(202);
    expect(response.body.totalCount).toBe(2);
    const rows = await db.contact.findMany({ where: { listId: response.body.contactListId }, orderBy: { rowNumber: "asc" }, select: { rawPhone: true, fields: true } });
    expect(rows).toEqual([
      { rawPhone: SAFARICOM, fields: { name: "Zoë 漢字" } },
      { rawPhone: "0712000999", fields: { name: "Ann" } },
    ]);
  });

  it("drops NUL characters from a header, as from every cell", async () => {
    const response = await callRoute<{ contactListId: string }>(listsRoute.POST, {
      apiKey: account.apiKey,
      path: "/v1/contact-lists?name=NulHeader",
      rawBody: `pho${NUL}ne,na${NUL}me\n${SAFARICOM},A\n`,
      headers: { "content-type": "text/csv" },
    });
    expect(response.status).toBe(202);
    const list = await db.contactList.findUniqueOrThrow({ where: { id: response.body.contactListId } });
    expect(list.phoneColumn).toBe("phone");
    expect(list.fields).toEqual(["name"]);
  });
});
