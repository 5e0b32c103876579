import { describe, expect, it } from "vitest";
import { GET as getBalanceRoute } from "@/app/api/v1/balance/route";
import { GET as getMessageRoute } from "@/app/api/v1/messages/[id]/route";
import { POST as previewRoute } from "@/app/api/v1/messages/preview/route";
import { GET as listMessagesRoute, POST as sendRoute } from "@/app/api/v1/messages/route";
import { checkLedger } from "@/lib/credits/check-ledger";
import { topUpCredits } from "@/lib/credits/movements";
import { db } from "@/lib/db";
import { createTestAccount, type TestAccount } from "@/tests/helpers/accounts";
import { callRoute } from "@/tests/helpers/http";
import { messageWithEvents } from "@/tests/helpers/messages";

interface Submitted {
  messageId: string;
  status: string;
  to: string;
  segments: number;
  encoding: string;
  cost: number;
}
interface ApiError {
  error: { code: string; message: string; details?: { field: string; message: string; code?: string }[] };
}

const SAFARICOM = "+254712345678";

function send(account: TestAccount, body: Record<string, unknown>, headers?: Record<string, string>) {
  return callRoute<Submitted & ApiError>(sendRoute, {
    method: "POST",
    path: "/api/v1/messages",
    apiKey: account.apiKey,
    body: { from: account.senderId, ...body },
    headers,
  });
}

async function expectBooksBalanced(accountId: string) {
  expect((await checkLedger(accountId)).problems).toEqual([]);
}

describe("POST /v1/messages", () => {
  it("accepts a message: 202, submitted, reserved, with its first timeline event and a reserve ledger entry", async () => {
    const account = await createTestAccount({ credits: 1_000 });
    const response = await send(account, { to: "0712 345 678", body: "Your code is 1234" });

    expect(response.status).toBe(202);
    expect(response.body).toEqual({ messageId: expect.any(String), status: "submitted", class: "transactional", to: SAFARICOM, segments: 1, encoding: "gsm7", cost: 80 });

    const message = await messageWithEvents(response.body.messageId);
    expect(message).toMatchObject({ accountId: account.accountId, to: SAFARICOM, country: "KE", operator: "Safaricom", cost: 80, chargeState: "reserved" });
    expect(message.events.map((event) => [event.status, event.source])).toContainEqual(["submitted", "api"]);
    const ledger = await db.ledgerEntry.findMany({ where: { messageId: message.id } });
    expect(ledger.map((entry) => [entry.type, entry.amount])).toEqual([["reserve", 80n]]);
    const balance = await callRoute<{ balance: number; reserved: number }>(getBalanceRoute, { apiKey: account.apiKey });
    expect(balance.body).toMatchObject({ balance: 920 });
    await expectBooksBalanced(account.accountId);
  });

  it("normalises local formats to E.164 with the account's default country", async () => {
    const account = await createTestAccount();
    for (const to of ["712345678", "254712345678", "+254 712-345-678"]) {
      const response = await send(account, { to, body: "hello" });
      expect(response.status, to).toBe(202);
      expect(response.body.to).toBe(SAFARICOM);
    }
  });

  it("prices per segment at the recipient network's rate and encodes non-GSM text as UCS-2", async () => {
    const account = await createTestAccount();
    const airtel = await send(account, { to: "0733123456", body: "a".repeat(161) });
    expect(airtel.body).toMatchObject({ segments: 2, encoding: "gsm7", cost: 140 });
    const unicode = await send(account, { to: "0712345678", body: "Habari 😀" });
    expect(unicode.body).toMatchObject({ segments: 1, encoding: "ucs2", cost: 80 });
  });

  it("refuses an invalid number (422 invalid_phone_number) and a network we do not serve (422 unsupported_network)", async () => {
    const account = await createTestAccount();
    const invalid = await send(account, { to: "12345", body: "hello" });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error).toMatchObject({ code: "invalid_phone_number", details: [expect.objectContaining({ field: "to", code: "invalid_format" })] });

    const unserved = await send(account, { to: "0749123456", body: "hello" });
    expect(unserved.status).toBe(422);
    expect(unserved.body.error.code).toBe("unsupported_network");
    expect(await db.message.count({ where: { accountId: account.accountId } })).toBe(0);
  });

  it("refuses content with 422 content_rejected, naming every rule, including platform and account blocked words", async () => {
    const account = await createTestAccount();
    await db.blockedWord.create({ data: { accountId: account.accountId, word: "casino" } });
    const response = await send(account, { to: SAFARICOM, body: "Casino night!!!! Verify your account now" });
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe("content_rejected");
    const details = response.body.error.details ?? [];
    expect(details.every((detail) => detail.field === "body" && detail.message.length > 0)).toBe(true);
    const rules = details.map((detail) => detail.code);
    expect(rules).toEqual(expect.arrayContaining(["blocklist", "repeated_punctuation", "phishing_phrase"]));

    const other = await createTestAccount();
    expect((await send(other, { to: SAFARICOM, body: "Casino night" })).status).toBe(202);
  });

  it("refuses a sender ID that is not approved for the account (422 sender_id_not_approved)", async () => {
    const account = await createTestAccount();
    await db.senderId.create({ data: { accountId: account.accountId, value: "PENDINGID" } });
    const pending = await send(account, { to: SAFARICOM, body: "hi", from: "PENDINGID" });
    expect(pending.status).toBe(422);
    expect(pending.body.error).toMatchObject({ code: "sender_id_not_approved", details: [expect.objectContaining({ field: "from" })] });
    expect((await send(account, { to: SAFARICOM, body: "hi", from: "NOSUCHID" })).body.error.code).toBe("sender_id_not_approved");
  });

  it("checks in the seed's order: the number before the content before the sender ID", async () => {
    const account = await createTestAccount();
    const all = await send(account, { to: "0749123456", body: "   ", from: "NOSUCHID" });
    expect(all.body.error.code).toBe("unsupported_network");
    const contentAndSender = await send(account, { to: SAFARICOM, body: "   ", from: "NOSUCHID" });
    expect(contentAndSender.body.error.code).toBe("content_rejected");
  });

  it("answers 402 insufficient_credits when the balance does not cover the cost, creating nothing", async () => {
    const account = await createTestAccount({ credits: 100 });
    const response = await send(account, { to: SAFARICOM, body: "a".repeat(200) });
    expect(response.status).toBe(402);
    expect(response.body.error.code).toBe("insufficient_credits");
    expect(await db.message.count({ where: { accountId: account.accountId } })).toBe(0);
    await expectBooksBalanced(account.accountId);
  });

  it("validates the request body (422 validation_failed)", async () => {
    const account = await createTestAccount();
    const response = await send(account, { to: SAFARICOM, body: "hi", priority: "urgent", callbackUrl: "ftp://x" });
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe("validation_failed");
  });

  it("stores priority and callback settings for later delivery", async () => {
    const account = await createTestAccount();
    const response = await send(account, {
      to: SAFARICOM,
      body: "hi",
      priority: "high",
      callbackUrl: "https://example.test/hook",
      callbackEvents: ["delivered", "message.failed"],
      customPayload: { orderId: 42 },
    });
    const message = await db.message.findUniqueOrThrow({ where: { id: response.body.messageId } });
    expect(message).toMatchObject({
      priority: "high",
      callbackUrl: "https://example.test/hook",
      callbackEvents: ["message.delivered", "message.failed"],
      customPayload: { orderId: 42 },
    });
  });

  it("accepts exactly as many concurrent sends as the credit covers: 100 requests, credit for 50", async () => {
    const account = await createTestAccount({ credits: 50 * 80 });
    const responses = await Promise.all(Array.from({ length: 100 }, (_, index) => send(account, { to: SAFARICOM, body: `race ${index}` })));
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 202)).toHaveLength(50);
    expect(statuses.filter((status) => status === 402)).toHaveLength(50);
    expect(await db.message.count({ where: { accountId: account.accountId } })).toBe(50);
    const books = await checkLedger(account.accountId);
    expect(books.problems).toEqual([]);
    expect(books.account.balance + books.account.reserved + books.account.spent).toBe(4_000n);
    expect(books.account.balance).toBe(0n);
    expect(books.ledger.reserve - books.ledger.release - books.ledger.capture).toBe(books.account.reserved);
  });
});

describe("Idempotency-Key", () => {
  it("replays the first response for the same key and body, creating nothing new", async () => {
    const account = await createTestAccount({ credits: 1_000 });
    const body = { to: SAFARICOM, body: "pay 100" };
    const first = await send(account, body, { "idempotency-key": "order-1" });
    const again = await send(account, { body: "pay 100", to: SAFARICOM }, { "idempotency-key": "order-1" });
    expect(first.status).toBe(202);
    expect(again.status).toBe(202);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await db.message.count({ where: { accountId: account.accountId } })).toBe(1);
    expect((await checkLedger(account.accountId)).account.balance).toBe(920n);
  });

  it("refuses the same key with a different body (409 idempotency_conflict)", async () => {
    const account = await createTestAccount();
    await send(account, { to: SAFARICOM, body: "first" }, { "idempotency-key": "k-conflict" });
    const conflict = await send(account, { to: SAFARICOM, body: "second" }, { "idempotency-key": "k-conflict" });
    expect(conflict.status).toBe(409);
    expect(conflict.body.error.code).toBe("idempotency_conflict");
    expect(await db.message.count({ where: { accountId: account.accountId } })).toBe(1);
  });

  it("creates one message when the same key arrives many times at once", async () => {
    const account = await createTestAccount();
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => send(account, { to: SAFARICOM, body: "once" }, { "idempotency-key": "burst" })),
    );
    const created = responses.filter((response) => response.status === 202);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((response) => response.body.messageId)).size).toBe(1);
    for (const response of responses.filter((item) => item.status !== 202)) {
      expect(response.status).toBe(409);
      expect(response.body.error.code).toBe("idempotency_in_progress");
    }
    expect(await db.message.count({ where: { accountId: account.accountId } })).toBe(1);
  });

  it("frees a key whose request created nothing, so the client can retry it after fixing the cause", async () => {
    const account = await createTestAccount({ credits: 10 });
    const refused = await send(account, { to: SAFARICOM, body: "topup first" }, { "idempotency-key": "retry-me" });
    expect(refused.status).toBe(402);
    await topUpCredits(account.accountId, 1_000);
    const accepted = await send(account, { to: SAFARICOM, body: "topup first" }, { "idempotency-key": "retry-me" });
    expect(accepted.status).toBe(202);
    await expectBooksBalanced(account.accountId);
  });

  it("scopes keys to the account", async () => {
    const first = await createTestAccount();
    const second = await createTestAccount();
    const a = await send(first, { to: SAFARICOM, body: "same" }, { "idempotency-key": "shared-key" });
    const b = await send(second, { to: SAFARICOM, body: "same" }, { "idempotency-key": "shared-key" });
    expect(a.status).toBe(202);
    expect(b.status).toBe(202);
    expect(b.body.messageId).not.toBe(a.body.messageId);
    expect(b.headers.get("idempotent-replayed")).toBeNull();
  });
});

describe("POST /v1/messages/preview", () => {
  it("returns segments, encoding and cost with the same checks as a send, without reserving anything", async () => {
    const account = await createTestAccount({ credits: 1_000 });
    const response = await callRoute<Record<string, unknown>>(previewRoute, {
      apiKey: account.apiKey,
      body: { to: "0733123456", from: account.senderId, body: "b".repeat(170) },
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      to: "+254733123456",
      operator: "Airtel",
      encoding: "gsm7",
      segments: 2,
      cost: 140,
      ratePerSegment: 70,
      sufficientCredits: true,
      issues: [],
    });
    const problems = await callRoute<{ issues: { code: string }[]; segments: number }>(previewRoute, {
      apiKey: account.apiKey,
      body: { to: "0749123456", from: "NOSUCHID", body: "hi" },
    });
    expect(problems.body.segments).toBe(1);
    expect(problems.body.issues.map((issue) => issue.code)).toEqual(["unsupported_network", "sender_id_not_approved"]);
    expect(await db.message.count({ where: { accountId: account.accountId } })).toBe(0);
    expect((await checkLedger(account.accountId)).account.balance).toBe(1_000n);
  });
});

describe("GET /v1/messages and /v1/messages/:id", () => {
  it("shows one message with status, cost, attempts and its timeline", async () => {
    const account = await createTestAccount();
    const sent = await send(account, { to: SAFARICOM, body: "detail" });
    const detail = await callRoute<Record<string, unknown> & { events: { status: string; source: string }[] }>(getMessageRoute, {
      apiKey: account.apiKey,
      params: { id: sent.body.messageId },
    });
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ id: sent.body.messageId, to: SAFARICOM, cost: 80, segments: 1, attempts: expect.any(Number) });
    expect(detail.body.events[0]).toMatchObject({ status: "submitted", source: "api" });
  });

  it("pages through messages newest first with a cursor and filters by recipient, status and date", async () => {
    const account = await createTestAccount();
    for (let index = 0; index < 5; index++) {
      await send(account, { to: index % 2 === 0 ? SAFARICOM : "0733123456", body: `m${index}` });
    }
    // Oldest first, by the same key the API pages on.
    const rows = await db.message.findMany({ where: { accountId: account.accountId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    const ids = rows.map((row) => row.id);
    type Page = { data: { id: string; to: string }[]; nextCursor: string | null };
    const first = await callRoute<Page>(listMessagesRoute, { apiKey: account.apiKey, path: "/api/v1/messages?limit=2" });
    expect(first.body.data.map((row) => row.id)).toEqual([ids[4], ids[3]]);
    const second = await callRoute<Page>(listMessagesRoute, { apiKey: account.apiKey, path: `/api/v1/messages?limit=2&cursor=${first.body.nextCursor}` });
    expect(second.body.data.map((row) => row.id)).toEqual([ids[2], ids[1]]);
    const third = await callRoute<Page>(listMessagesRoute, { apiKey: account.apiKey, path: `/api/v1/messages?limit=2&cursor=${second.body.nextCursor}` });
    expect(third.body.data.map((row) => row.id)).toEqual([ids[0]]);
    expect(third.body.nextCursor).toBeNull();

    const airtel = await callRoute<Page>(listMessagesRoute, { apiKey: account.apiKey, path: "/api/v1/messages?recipient=0733%20123%20456" });
    expect(airtel.body.data.map((row) => row.to)).toEqual(["+254733123456", "+254733123456"]);

    const future = encodeURIComponent(new Date(Date.now() + 60_000).toISOString());
    const none = await callRoute<Page>(listMessagesRoute, { apiKey: account.apiKey, path: `/api/v1/messages?since=${future}` });
    expect(none.body.data).toEqual([]);
    const delivered = await callRoute<Page>(listMessagesRoute, { apiKey: account.apiKey, path: "/api/v1/messages?status=delivered" });
    expect(delivered.body.data).toEqual([]);
    const bad = await callRoute<ApiError>(listMessagesRoute, { apiKey: account.apiKey, path: "/api/v1/messages?status=bogus" });
    expect(bad.status).toBe(422);
  });
});

describe("tenant isolation", () => {
  it("never shows or accepts another account's messages or sender IDs", async () => {
    const owner = await createTestAccount({ senderId: "OWNERCO" });
    const intruder = await createTestAccount({ senderId: "INTRUDER" });
    const sent = await send(owner, { to: SAFARICOM, body: "private" });

    const detail = await callRoute<ApiError>(getMessageRoute, { apiKey: intruder.apiKey, params: { id: sent.body.messageId } });
    expect(detail.status).toBe(404);
    const list = await callRoute<{ data: { id: string }[] }>(listMessagesRoute, { apiKey: intruder.apiKey, path: "/api/v1/messages" });
    expect(list.body.data.map((row) => row.id)).not.toContain(sent.body.messageId);

    const borrowed = await send(intruder, { to: SAFARICOM, body: "spoof", from: "OWNERCO" });
    expect(borrowed.status).toBe(422);
    expect(borrowed.body.error.code).toBe("sender_id_not_approved");
    const preview = await callRoute<{ issues: { code: string }[] }>(previewRoute, {
      apiKey: intruder.apiKey,
      body: { to: SAFARICOM, from: "OWNERCO", body: "spoof" },
    });
    expect(preview.body.issues.map((issue) => issue.code)).toEqual(["sender_id_not_approved"]);
  });

  it("requires an API key on every route", async () => {
    const account = await createTestAccount();
    const sent = await send(account, { to: SAFARICOM, body: "x" });
    const anonymous = [
      await callRoute(sendRoute, { body: { to: SAFARICOM, from: "X", body: "x" } }),
      await callRoute(previewRoute, { body: { to: SAFARICOM, from: "X", body: "x" } }),
      await callRoute(listMessagesRoute, { path: "/api/v1/messages" }),
      await callRoute(getMessageRoute, { params: { id: sent.body.messageId } }),
    ];
    expect(anonymous.map((response) => response.status)).toEqual([401, 401, 401, 401]);
  });
});
