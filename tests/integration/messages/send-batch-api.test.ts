import { describe, expect, it } from "vitest";
import { POST as batchRoute } from "@/app/api/v1/messages/batch/route";
import { checkLedger } from "@/lib/credits/check-ledger";
import { db } from "@/lib/db";
import { getQueue } from "@/lib/queue/enqueue";
import { createTestAccount, type TestAccount } from "@/tests/helpers/accounts";
import { callRoute } from "@/tests/helpers/http";

interface BatchResult {
  index: number;
  status: "submitted" | "refused";
  messageId?: string;
  to: string | null;
  segments?: number;
  cost?: number;
  error?: { code: string; message: string };
}
interface BatchBody {
  accepted: number;
  refused: number;
  cost: number;
  results: BatchResult[];
  error?: { code: string; message: string; details?: { field: string; message: string }[] };
}

function sendBatch(account: TestAccount, body: unknown, headers?: Record<string, string>) {
  return callRoute<BatchBody>(batchRoute, { method: "POST", path: "/api/v1/messages/batch", apiKey: account.apiKey, body, headers });
}

async function expectBooksBalanced(accountId: string) {
  expect((await checkLedger(accountId)).problems).toEqual([]);
}

/** Message ids carried by the waiting batch send jobs of the normal queue. */
async function enqueuedBatchIds(): Promise<Set<string>> {
  const jobs = await getQueue("smsNormal").getJobs(["waiting", "delayed", "prioritized"]);
  return new Set(jobs.flatMap((job) => (job.data as { messageIds?: string[] }).messageIds ?? []));
}

describe("POST /v1/messages/batch", () => {
  it("judges each item on its own: valid ones are reserved and enqueued, bad ones refused in request order", async () => {
    const account = await createTestAccount({ credits: 10_000 });
    const response = await sendBatch(account, {
      from: account.senderId,
      body: "Shared text",
      customPayload: { campaign: "shared" },
      messages: [
        { to: "0712345678" },
        { to: "12345" },
        { to: "0749123456" },
        { to: "0733123456", body: "a".repeat(161), customPayload: "{\"abc\": \"123\"}" },
        { to: "0712345679", from: "NOTMINE" },
        { body: "no recipient" },
        { to: "0712345680", callbackUrl: "http://169.254.169.254/latest" },
      ],
    });

    expect(response.status).toBe(202);
    expect(response.body).toMatchObject({ accepted: 2, refused: 5, cost: 80 + 140 });
    const results = response.body.results;
    expect(results.map((result) => [result.index, result.status])).toEqual([
      [0, "submitted"],
      [1, "refused"],
      [2, "refused"],
      [3, "submitted"],
      [4, "refused"],
      [5, "refused"],
      [6, "refused"],
    ]);
    expect(results[0]).toMatchObject({ to: "+254712345678", segments: 1, cost: 80, messageId: expect.any(String) });
    expect(results[1].error?.code).toBe("invalid_phone_number");
    expect(results[2].error?.code).toBe("unsupported_network");
    expect(results[3]).toMatchObject({ to: "+254733123456", segments: 2, cost: 140 });
    expect(results[4].error?.code).toBe("sender_id_not_approved");
    expect(results[5]).toMatchObject({ to: null, error: { code: "validation_failed", message: expect.stringContaining("to") } });
    expect(results[6].error?.code).toBe("destination_not_allowed");

    const messages = await db.message.findMany({
      where: { accountId: account.accountId },
      select: { id: true, to: true, body: true, status: true, chargeState: true, customPayload: true, apiKeyId: true },
    });
    expect(messages).toHaveLength(2);
    const byId = new Map(messages.map((message) => [message.id, message]));
    expect(byId.get(results[0].messageId!)).toMatchObject({ body: "Shared text", status: "submitted", chargeState: "reserved", customPayload: { campaign: "shared" } });
    expect(byId.get(results[3].messageId!)).toMatchObject({ body: "a".repeat(161), customPayload: "{\"abc\": \"123\"}" });
    expect(messages.every((message) => message.apiKeyId !== null)).toBe(true);

    const ledger = await db.ledgerEntry.findMany({ where: { accountId: account.accountId, type: "reserve" }, select: { messageId: true, amount: true } });
    expect(ledger.map((entry) => [entry.messageId, entry.amount]).sort()).toEqual(
      [
        [results[0].messageId, 80n],
        [results[3].messageId, 140n],
      ].sort(),
    );
    const events = await db.messageEvent.findMany({ where: { messageId: { in: [...byId.keys()] } }, select: { status: true, source: true } });
    expect(events).toEqual([
      { status: "submitted", source: "api" },
      { status: "submitted", source: "api" },
    ]);
    const enqueued = await enqueuedBatchIds();
    expect(enqueued.has(results[0].messageId!) && enqueued.has(results[3].messageId!)).toBe(true);
    await expectBooksBalanced(account.accountId);
  });

  it("sends one text to many recipients with { to: [...], from, body }", async () => {
    const account = await createTestAccount({ credits: 10_000 });
    const response = await sendBatch(account, { to: ["0712000001", "0712000002", "nope"], from: account.senderId, body: "Hello all" });
    expect(response.status).toBe(202);
    expect(response.body.results.map((result) => result.status)).toEqual(["submitted", "submitted", "refused"]);
    expect(await db.message.count({ where: { accountId: account.accountId, body: "Hello all" } })).toBe(2);
    expect((await checkLedger(account.accountId)).account.reserved).toBe(160n);
  });

  it("answers 202 with every item refused and creates nothing when no item is valid", async () => {
    const account = await createTestAccount({ credits: 1_000 });
    const response = await sendBatch(account, { from: account.senderId, body: "x", to: ["1", "2"] });
    expect(response.status).toBe(202);
    expect(response.body).toMatchObject({ accepted: 0, refused: 2, cost: 0 });
    expect(await db.message.count({ where: { accountId: account.accountId } })).toBe(0);
  });

  it("refuses 1,001 items and a request of neither form with 422, creating nothing", async () => {
    const account = await createTestAccount({ credits: 1_000_000 });
    const tooMany = await sendBatch(account, { from: account.senderId, body: "x", messages: Array.from({ length: 1_001 }, () => ({ to: "0712345678" })) });
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.error).toMatchObject({ code: "validation_failed", details: [{ field: "messages", message: "must contain at most 1000 messages" }] });
    const tooManyRecipients = await sendBatch(account, { from: account.senderId, body: "x", to: Array.from({ length: 1_001 }, () => "0712345678") });
    expect(tooManyRecipients.status).toBe(422);
    const neither = await sendBatch(account, { from: account.senderId, body: "x" });
    expect(neither.status).toBe(422);
    expect(neither.body.error?.details).toEqual([expect.objectContaining({ field: "to" })]);
    expect(await db.message.count({ where: { accountId: account.accountId } })).toBe(0);
  });

  it("accepts exactly 1,000 items", async () => {
    const account = await createTestAccount({ credits: 1_000_000 });
    const response = await sendBatch(account, { from: account.senderId, body: "x", to: Array.from({ length: 1_000 }, (_, index) => `0712${String(index).padStart(6, "0")}`) });
    expect(response.status).toBe(202);
    expect(response.body.accepted).toBe(1_000);
    expect(await db.message.count({ where: { accountId: account.accountId } })).toBe(1_000);
    await expectBooksBalanced(account.accountId);
  });

  it("refuses the whole batch with 402 when the balance cannot cover the accepted items", async () => {
    const account = await createTestAccount({ credits: 80 * 2 });
    const response = await sendBatch(account, { from: account.senderId, body: "x", to: ["0712000001", "0712000002", "0712000003", "bad"] });
    expect(response.status).toBe(402);
    expect(response.body.error?.code).toBe("insufficient_credits");
    expect(await db.message.count({ where: { accountId: account.accountId } })).toBe(0);
    expect((await checkLedger(account.accountId)).account).toMatchObject({ balance: 160n, reserved: 0n });
  });

  it("lets exactly as many concurrent batches through as the balance covers, all or nothing each", async () => {
    const account = await createTestAccount({ credits: 80 * 10 * 5 });
    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, batch) =>
        sendBatch(account, { from: account.senderId, body: `race ${batch}`, to: Array.from({ length: 10 }, (_, index) => `0712${String(batch).padStart(2, "0")}${String(index).padStart(4, "0")}`) }),
      ),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 202)).toHaveLength(5);
    expect(statuses.filter((status) => status === 402)).toHaveLength(7);
    expect(await db.message.count({ where: { accountId: account.accountId } })).toBe(50);
    const books = await checkLedger(account.accountId);
    expect(books.problems).toEqual([]);
    expect(books.account).toMatchObject({ balance: 0n, reserved: 4_000n });
  });

  it("replays the first response for the same Idempotency-Key and creates nothing more", async () => {
    const account = await createTestAccount({ credits: 10_000 });
    const body = { from: account.senderId, body: "once", to: ["0712000001", "0712000002", "bad"] };
    const first = await sendBatch(account, body, { "idempotency-key": "batch-1" });
    const again = await sendBatch(account, body, { "idempotency-key": "batch-1" });
    expect(first.status).toBe(202);
    expect(again.status).toBe(202);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.body).toEqual(first.body);
    expect(await db.message.count({ where: { accountId: account.accountId } })).toBe(2);
    const conflict = await sendBatch(account, { ...body, body: "other" }, { "idempotency-key": "batch-1" });
    expect(conflict.status).toBe(409);

    const refusedFirst = await sendBatch(account, { from: account.senderId, body: "x", to: ["bad"] }, { "idempotency-key": "batch-2" });
    const refusedAgain = await sendBatch(account, { from: account.senderId, body: "x", to: ["bad"] }, { "idempotency-key": "batch-2" });
    expect(refusedAgain.body).toEqual(refusedFirst.body);
    expect(refusedAgain.headers.get("idempotent-replayed")).toBe("true");
    await expectBooksBalanced(account.accountId);
  });
});
