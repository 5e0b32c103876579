import { describe, expect, it } from "vitest";
import { GET as listKeywordsRoute, POST as createKeywordRoute } from "@/app/api/v1/keywords/route";
import { DELETE as deleteKeywordRoute, GET as getKeywordRoute, PATCH as patchKeywordRoute } from "@/app/api/v1/keywords/[id]/route";
import { GET as listNumbersRoute } from "@/app/api/v1/inbound-numbers/route";
import { PATCH as patchNumberRoute } from "@/app/api/v1/inbound-numbers/[id]/route";
import { POST as sendRoute } from "@/app/api/v1/messages/route";
import { AppError } from "@/lib/http/errors";
import { listInboundNumbers, releaseInboundNumber } from "@/lib/inbound-numbers/manage-numbers";
import { releaseInboundNumberInput } from "@/lib/inbound-numbers/schemas";
import { db } from "@/lib/db";
import { createTestAccount, type TestAccount } from "@/tests/helpers/accounts";
import { callRoute } from "@/tests/helpers/http";
import { assignNumber, uniquePhone, uniqueShortCode } from "@/tests/helpers/two-way";

type ErrorBody = { error: { code: string; details?: { field: string; message: string }[] | { field: string } } };

function createKeyword(account: TestAccount, body: Record<string, unknown>) {
  return callRoute<{ id: string; keyword: string; action: string; reply: string | null; number: string | null } & ErrorBody>(createKeywordRoute, {
    apiKey: account.apiKey,
    path: "/v1/keywords",
    body,
  });
}

function patchKeyword(account: TestAccount, id: string, body: Record<string, unknown>) {
  return callRoute<{ keyword: string; reply: string | null } & ErrorBody>(patchKeywordRoute, { method: "PATCH", apiKey: account.apiKey, path: `/v1/keywords/${id}`, params: { id }, body });
}

async function expectRefused(promise: Promise<unknown>, code: string) {
  await expect(promise).rejects.toSatisfy((error) => error instanceof AppError && error.code === code);
}

describe("keywords and inbound numbers", () => {
  it("creates, lists, changes and deletes keywords, refusing what would break a standard keyword", async () => {
    const account = await createTestAccount();
    const number = uniqueShortCode();
    await assignNumber(account.accountId, number);

    const promo = await createKeyword(account, { keyword: " Ofa ", action: "reply", reply: "Ofa ya leo: 2 kwa 1", number });
    expect(promo.status).toBe(201);
    expect(promo.body).toMatchObject({ keyword: "OFA", action: "reply", reply: "Ofa ya leo: 2 kwa 1", number });
    const stop = await createKeyword(account, { keyword: "stop", action: "opt_out", reply: "Umejiondoa. Tuma START kurudi." });
    expect(stop.status).toBe(201);
    expect(stop.body.number).toBeNull();

    const listed = await callRoute<{ data: { keyword: string }[]; standard: { keyword: string; overridden: boolean }[] }>(listKeywordsRoute, { apiKey: account.apiKey, path: "/v1/keywords" });
    expect(listed.body.data.map((row) => row.keyword)).toEqual(["OFA", "STOP"]);
    expect(listed.body.standard).toContainEqual({ keyword: "STOP", action: "opt_out", overridden: true });
    expect(listed.body.standard).toContainEqual({ keyword: "HELP", action: "help", overridden: false });

    const duplicate = await createKeyword(account, { keyword: "OFA", action: "reply", reply: "again", number });
    expect(duplicate.status).toBe(409);
    // Same word for every number is a different scope.
    expect((await createKeyword(account, { keyword: "OFA", action: "reply", reply: "general" })).status).toBe(201);

    const invalid = [
      [{ keyword: "stop", action: "reply", reply: "x" }, "action"],
      [{ keyword: "help", action: "opt_out" }, "action"],
      [{ keyword: "price", action: "reply" }, "reply"],
      [{ keyword: "two words", action: "reply", reply: "x" }, "keyword"],
      [{ keyword: "price", action: "subscribe", reply: "x" }, "action"],
      [{ keyword: "price", action: "reply", reply: "x".repeat(919) }, "reply"],
      [{ keyword: "price", action: "reply", reply: "x", number: "99999999" }, "number"],
    ] as const;
    for (const [body, field] of invalid) {
      const refused = await createKeyword(account, body);
      expect(refused.status, JSON.stringify(body)).toBe(422);
      expect(refused.body.error.details).toContainEqual(expect.objectContaining({ field }));
    }

    const changed = await patchKeyword(account, stop.body.id, { reply: "" });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ keyword: "STOP", reply: null });
    expect((await patchKeyword(account, stop.body.id, { action: "reply", reply: "x" })).status).toBe(422);
    expect((await patchKeyword(account, stop.body.id, {})).status).toBe(422);

    const other = await createTestAccount();
    expect((await patchKeyword(other, promo.body.id, { reply: "hijack" })).status).toBe(404);
    expect((await callRoute(getKeywordRoute, { apiKey: account.apiKey, path: "/x", params: { id: promo.body.id } })).body).toMatchObject({ keyword: "OFA", reply: "Ofa ya leo: 2 kwa 1" });
    expect((await callRoute(getKeywordRoute, { apiKey: other.apiKey, path: "/x", params: { id: promo.body.id } })).status).toBe(404);
    const foreignDelete = await callRoute(deleteKeywordRoute, { method: "DELETE", apiKey: other.apiKey, path: `/v1/keywords/${promo.body.id}`, params: { id: promo.body.id } });
    expect(foreignDelete.status).toBe(404);
    const deleted = await callRoute(deleteKeywordRoute, { method: "DELETE", apiKey: account.apiKey, path: `/v1/keywords/${promo.body.id}`, params: { id: promo.body.id } });
    expect(deleted.status).toBe(204);
    expect(await db.keyword.count({ where: { id: promo.body.id } })).toBe(0);
    const notUuid = await callRoute(deleteKeywordRoute, { method: "DELETE", apiKey: account.apiKey, path: "/v1/keywords/nope", params: { id: "nope" } });
    expect(notUuid.status).toBe(404);
  });

  it("assigns numbers once, lets the owner send from them and set confirmations, and releases them", async () => {
    const account = await createTestAccount();
    const other = await createTestAccount();
    const number = uniqueShortCode();
    const assigned = await assignNumber(account.accountId, number, { zeroRated: true });
    expect(assigned).toMatchObject({ number, keyword: null, kind: "short_code", zeroRated: true, sendConfirmations: false });
    await expectRefused(assignNumber(other.accountId, number), "conflict");
    await expectRefused(assignNumber(other.accountId, number, { keyword: "acme" }).then(() => assignNumber(other.accountId, number, { keyword: "ACME" })), "conflict");
    await expectRefused(assignNumber("00000000-0000-4000-8000-000000000000", uniqueShortCode()), "not_found");
    await expect(assignNumber(account.accountId, uniqueShortCode(), { keyword: "stop" })).rejects.toThrow(/standard keywords/);
    const longNumber = await assignNumber(account.accountId, "0709 123 456".replace("123 456", uniqueShortCode().slice(0, 6)));
    expect(longNumber.kind).toBe("long_number");
    expect(longNumber.number).toMatch(/^\+254709\d{6}$/);

    // Owners (of the number or of a keyword on it) may send from it; other accounts may not.
    const fromNumber = (apiKey: string) => callRoute<ErrorBody>(sendRoute, { apiKey, body: { to: uniquePhone(), from: number, body: "Karibu" } });
    expect((await fromNumber(account.apiKey)).status).toBe(202);
    expect((await fromNumber(other.apiKey)).status).toBe(202);
    const stranger = await createTestAccount();
    const refused = await fromNumber(stranger.apiKey);
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe("sender_id_not_approved");

    const own = await callRoute<{ data: { id: string; number: string }[] }>(listNumbersRoute, { apiKey: account.apiKey, path: "/v1/inbound-numbers" });
    expect(own.body.data.map((row) => row.number).sort()).toEqual([longNumber.number, number].sort());
    const theirs = await callRoute<{ data: { number: string; keyword: string }[] }>(listNumbersRoute, { apiKey: other.apiKey, path: "/v1/inbound-numbers" });
    expect(theirs.body.data).toEqual([expect.objectContaining({ number, keyword: "ACME" })]);

    const toggled = await callRoute<{ sendConfirmations: boolean }>(patchNumberRoute, {
      method: "PATCH",
      apiKey: account.apiKey,
      path: `/v1/inbound-numbers/${assigned.id}`,
      params: { id: assigned.id },
      body: { sendConfirmations: true },
    });
    expect(toggled).toMatchObject({ status: 200, body: { sendConfirmations: true } });
    const foreign = await callRoute(patchNumberRoute, { method: "PATCH", apiKey: other.apiKey, path: "/x", params: { id: assigned.id }, body: { sendConfirmations: false } });
    expect(foreign.status).toBe(404);
    const badBody = await callRoute(patchNumberRoute, { method: "PATCH", apiKey: account.apiKey, path: "/x", params: { id: assigned.id }, body: { sendConfirmations: "yes" } });
    expect(badBody.status).toBe(422);

    const released = await releaseInboundNumber(releaseInboundNumberInput.parse({ number, keyword: "acme" }));
    expect(released.account.name).toBeTruthy();
    expect((await listInboundNumbers({ accountId: other.accountId })).length).toBe(0);
    await expectRefused(releaseInboundNumber(releaseInboundNumberInput.parse({ number, keyword: "acme" })), "not_found");
  });
});
