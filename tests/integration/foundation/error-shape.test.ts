import { describe, expect, it } from "vitest";
import { POST as requestSenderId, GET as listSenderIds } from "@/app/api/v1/sender-ids/route";
import { GET as unknownRoute } from "@/app/api/v1/[...path]/route";
import { db } from "@/lib/db";
import { createTestAccount } from "@/tests/helpers/accounts";
import { callRoute } from "@/tests/helpers/http";

type ErrorBody = { error: { code: string; message: string; details?: { field: string; message: string }[] } };

function expectErrorShape(body: unknown, code: string) {
  expect(body).toEqual({ error: expect.objectContaining({ code, message: expect.any(String) }) });
}

describe("the /v1 error shape", () => {
  it("answers malformed JSON with 400", async () => {
    const account = await createTestAccount();
    const response = await callRoute(requestSenderId, {
      apiKey: account.apiKey,
      rawBody: '{"value": "ACME"',
      headers: { "content-type": "application/json" },
    });
    expect(response.status).toBe(400);
    expectErrorShape(response.body, "invalid_json");
  });

  it("answers invalid fields with 422 and per-field details", async () => {
    const account = await createTestAccount();
    const response = await callRoute<ErrorBody>(requestSenderId, { apiKey: account.apiKey, body: { value: "x", purpose: 7 } });
    expect(response.status).toBe(422);
    expectErrorShape(response.body, "validation_failed");
    const fields = response.body.error.details!.map((detail) => detail.field).sort();
    expect(fields).toEqual(["purpose", "value"]);
  });

  it("answers a conflict with 409", async () => {
    const account = await createTestAccount();
    expect((await callRoute(requestSenderId, { apiKey: account.apiKey, body: { value: "ACMELTD" } })).status).toBe(201);
    const again = await callRoute(requestSenderId, { apiKey: account.apiKey, body: { value: "ACMELTD" } });
    expect(again.status).toBe(409);
    expectErrorShape(again.body, "conflict");
    expect(await db.senderId.count({ where: { accountId: account.accountId, value: "ACMELTD" } })).toBe(1);
  });

  it("answers a body over 64 KB with 413 and writes nothing", async () => {
    const account = await createTestAccount();
    const response = await callRoute(requestSenderId, {
      apiKey: account.apiKey,
      rawBody: JSON.stringify({ value: "BIGBODY", purpose: "x".repeat(70_000) }),
      headers: { "content-type": "application/json" },
    });
    expect(response.status).toBe(413);
    expectErrorShape(response.body, "payload_too_large");
    expect(await db.senderId.count({ where: { accountId: account.accountId, value: "BIGBODY" } })).toBe(0);
  });

  it("answers a non-JSON content type with 415", async () => {
    const account = await createTestAccount();
    const response = await callRoute(requestSenderId, {
      apiKey: account.apiKey,
      rawBody: "value=ACME",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(response.status).toBe(415);
    expectErrorShape(response.body, "unsupported_media_type");
  });

  it("answers unknown routes with 404 in the same shape", async () => {
    const account = await createTestAccount();
    const response = await callRoute(unknownRoute, { apiKey: account.apiKey, path: "/api/v1/nothing-here", params: { path: ["nothing-here"] } });
    expect(response.status).toBe(404);
    expectErrorShape(response.body, "not_found");
  });

  it("lists only the caller's own rows", async () => {
    const account = await createTestAccount({ senderId: "OWNSENDER" });
    const response = await callRoute<{ data: { value: string }[] }>(listSenderIds, { apiKey: account.apiKey });
    expect(response.body.data.map((row) => row.value)).toEqual(["OWNSENDER"]);
  });
});
