import path from "node:path";
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { db } from "@/lib/db";
import { createWebhookEndpoint } from "@/lib/webhooks/create-webhook-endpoint";
import { sendTestEvent } from "@/lib/webhooks/send-test-event";
import { createTestAccount } from "@/tests/helpers/accounts";
import { createTestMessage } from "@/tests/helpers/messages";
import { clientJson, clientObject, clientString, deeplyNestedJson, findFiles, FUZZ_RUNS, FUZZ_SEED, FUZZ_TIMEOUT_MS, headerValue, mutatedObject, ROOT, variantOf } from "./arbitraries";

// Every /v1 route handler (found by walking app/api/v1, so a new route is covered the day it is
// added), called in-process with arbitrary path ids, query strings, bodies and content types: the
// answer is never a 5xx. Most requests are valid ones with a field or two broken, so they get past
// validation of the rest into the domain code and the database.

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Handler = (request: Request, segment: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

const QUERY_KEYS = ["status", "since", "until", "recipient", "campaignId", "cursor", "limit", "to", "format", "reason", "scope", "eventType", "before", "endpointId", "messageId", "name", "phoneColumn", "header"];
const OTHER_CONTENT_TYPES = ["application/vnd.api+json", "text/csv", "text/plain", "multipart/form-data; boundary=fuzz", "application/x-www-form-urlencoded", "none"];

// Rows the routes can find, so requests get past "not found"; made while the suite is collected
// because the arbitraries are built from their ids. The key that authenticates the suite is not
// among them (revoking it would end the run).
const account = await createTestAccount({ credits: 10_000_000 });
const spareKey = await createApiKey({ accountId: account.accountId, name: "spare" });
const endpoint = await createWebhookEndpoint(account.accountId, { url: "http://127.0.0.1:9/fuzz", events: ["*"] });
await sendTestEvent(account.accountId, endpoint.id);
const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { accountId: account.accountId } });
const list = await db.contactList.create({ data: { accountId: account.accountId, name: "Fuzz", source: "numbers", status: "ready" } });
const campaign = await db.campaign.create({ data: { accountId: account.accountId, name: "Fuzz", from: "SEMATEST", body: "hi", status: "scheduled", sendAt: new Date(Date.now() + 86_400_000) } });
const message = await createTestMessage({ accountId: account.accountId });
const ids = [spareKey.id, endpoint.id, delivery.id, list.id, campaign.id, message.id];
const known = [...ids, "0712345678", "+254712345678", "SEMATEST", "*", "message.delivered", "http://127.0.0.1:9/fuzz", "invalid", "valid", "all", "csv", "true"];

/** A body every JSON route accepts: each schema takes its own fields and ignores the rest. */
const VALID_BODY: Record<string, unknown> = {
  to: "0712345678",
  from: "SEMATEST",
  body: "Your order {{name}} is ready",
  priority: "normal",
  callbackUrl: "http://127.0.0.1:9/callback",
  callbackEvents: ["delivered"],
  customPayload: { order: "1234", lines: [{ sku: "A1" }] },
  name: "Fuzz list",
  numbers: ["0712345678", "0733123456"],
  value: "ACMEFUZZ",
  purpose: "Order updates",
  url: "http://127.0.0.1:9/hook",
  events: ["message.delivered"],
  description: "Fuzzed endpoint",
  batch: false,
  status: "active",
  graceHours: 1,
  overlapHours: 1,
  since: "2026-01-01T00:00:00Z",
  endpointId: endpoint.id,
  contactListId: list.id,
  sendAt: new Date(Date.now() + 86_400_000).toISOString(),
  phone: "0712345678",
};

/** Plausible query values, for `variantOf` to break. */
const VALID_QUERY: Record<string, string> = {
  status: "invalid",
  since: "2026-01-01T00:00:00Z",
  until: "2030-01-01T00:00:00Z",
  recipient: "0712345678",
  campaignId: campaign.id,
  limit: "5",
  to: "0712345678",
  format: "json",
  eventType: "message.delivered",
  before: delivery.id,
  endpointId: endpoint.id,
  messageId: message.id,
  name: "Fuzz",
  phoneColumn: "phone",
};

/** `[id]` and `[...path]` segments of a route file's folder. */
function paramNames(file: string): { name: string; catchAll: boolean }[] {
  return [...path.dirname(file).matchAll(/\[(\.\.\.)?([^\]]+)\]/g)].map((match) => ({ name: match[2], catchAll: Boolean(match[1]) }));
}

const pathParam = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...ids) }, clientString(known), fc.uuid(), fc.nat().map(String));

const queryEntry = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(...Object.keys(VALID_QUERY)).chain((key) => fc.oneof(fc.constant(VALID_QUERY[key]), variantOf(VALID_QUERY[key], known)).map((value) => [key, value] as const)),
  },
  { weight: 1, arbitrary: fc.tuple(fc.oneof(fc.constantFrom(...QUERY_KEYS), clientString()), clientString(known)) },
);

const body = fc.oneof(
  { weight: 8, arbitrary: mutatedObject(VALID_BODY, known).map((value) => JSON.stringify(value)) },
  { weight: 2, arbitrary: clientObject(Object.keys(VALID_BODY), known).map((value) => JSON.stringify(value)) },
  { weight: 1, arbitrary: clientJson(known).map((value) => JSON.stringify(value) ?? "") },
  { weight: 1, arbitrary: clientString(known) },
  { weight: 1, arbitrary: fc.constantFrom(...Object.keys(VALID_BODY)).map(deeplyNestedJson) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }).chain((bytes) => fc.constantFrom([], [0xff, 0xfe], [0xfe, 0xff], [0xef, 0xbb, 0xbf]).map((bom) => new Uint8Array([...bom, ...bytes]))) },
  { weight: 1, arbitrary: fc.constant(undefined) },
);

const requestArbitrary = (params: { name: string; catchAll: boolean }[]) =>
  fc.record({
    params: fc.tuple(...params.map((param) => (param.catchAll ? fc.array(clientString(), { minLength: 1, maxLength: 3 }) : pathParam))),
    query: fc.array(queryEntry, { maxLength: 4 }),
    rawQuery: fc.option(fc.constantFrom("%", "%00", "%ED%A0%80", "cursor=%FF%FE", "limit=1e999", "since=%2B275760-09-13T00%3A00%3A00Z", "&&==&"), { nil: undefined }),
    contentType: fc.oneof({ weight: 6, arbitrary: fc.constant("application/json") }, { weight: 1, arbitrary: fc.constantFrom(...OTHER_CONTENT_TYPES) }),
    body,
    idempotencyKey: fc.option(headerValue(), { nil: undefined }),
  });

type FuzzRequest = ReturnType<typeof requestArbitrary> extends fc.Arbitrary<infer T> ? T : never;

function buildRequest(method: string, input: FuzzRequest): Request {
  const search = new URLSearchParams();
  for (const [key, value] of input.query) search.append(key, typeof value === "string" ? value : (JSON.stringify(value) ?? ""));
  const query = [search.toString(), input.rawQuery].filter(Boolean).join("&");
  const headers = new Headers({ authorization: `Bearer ${account.apiKey}` });
  if (input.contentType !== "none") headers.set("content-type", input.contentType);
  if (input.idempotencyKey !== undefined) headers.set("idempotency-key", input.idempotencyKey);
  const hasBody = method !== "GET" && input.body !== undefined;
  return new Request(`http://localhost/api/v1/fuzz${query ? `?${query}` : ""}`, { method, headers, body: hasBody ? input.body : undefined });
}

// Imported while the suite is collected, so every exported method of every route is its own test.
const targets = (
  await Promise.all(
    findFiles("app/api/v1", "route.ts").map(async (file) => {
      const exported = (await import(path.join(ROOT, file))) as Partial<Record<string, Handler>>;
      return METHODS.flatMap((method) => {
        const handler = exported[method];
        return handler ? [{ route: `${method} ${file}`, file, method, handler }] : [];
      });
    }),
  )
).flat();

describe.each(targets)("$route", ({ file, method, handler }) => {
  const names = paramNames(file);

  test.prop([requestArbitrary(names)], { numRuns: FUZZ_RUNS, seed: FUZZ_SEED })(
    "never answers 5xx",
    async (input) => {
      const params = Object.fromEntries(names.map((param, index) => [param.name, input.params[index] as string | string[]]));
      const response = await handler(buildRequest(method, input), { params: Promise.resolve(params) });
      const text = await response.text();
      expect(response.status, `${method} ${file} answered ${response.status}: ${text}`).toBeLessThan(500);
    },
    FUZZ_TIMEOUT_MS,
  );
});
