import { randomUUID } from "node:crypto";
import { db, Prisma } from "@/lib/db";
import { reserveCredits } from "@/lib/credits/movements";
import type { MessageStatus } from "@/lib/messages/status";

let providerIdCounter = Date.now() * 1000;

export interface TestMessageOptions {
  accountId: string;
  from?: string;
  to?: string;
  cost?: number;
  status?: Extract<MessageStatus, "queued" | "sent">;
  provider?: string;
  /** Defaults to a fresh numeric id like Celcom's. */
  providerMessageId?: string | null;
  callbackUrl?: string;
  callbackEvents?: string[];
  customPayload?: Prisma.InputJsonValue;
  /** Backdates sent_at (for the expiry sweeper). */
  sentAt?: Date;
}

export interface TestMessage {
  id: string;
  providerMessageId: string | null;
  cost: number;
}

/**
 * A message as the send pipeline leaves it after the provider accepted it: credits reserved, status
 * `sent` (or `queued`), provider message id stored, its earlier transitions already dispatched so
 * the relay emits only what a test causes afterwards.
 */
export async function createTestMessage(options: TestMessageOptions): Promise<TestMessage> {
  const id = randomUUID();
  const cost = options.cost ?? 80;
  const status = options.status ?? "sent";
  const providerMessageId = options.providerMessageId === undefined ? String(++providerIdCounter) : options.providerMessageId;
  await db.$transaction(async (tx) => {
    await tx.message.create({
      data: {
        id,
        accountId: options.accountId,
        to: options.to ?? "+254712345678",
        from: options.from ?? "SEMATEST",
        body: "Hello from a test",
        encoding: "gsm7",
        segments: 1,
        country: "KE",
        operator: "Safaricom",
        status,
        cost,
        provider: providerMessageId ? (options.provider ?? "celcom") : null,
        providerMessageId,
        attempts: 1,
        callbackUrl: options.callbackUrl ?? null,
        callbackEvents: options.callbackEvents ?? [],
        customPayload: options.customPayload ?? Prisma.DbNull,
        queuedAt: new Date(),
        sentAt: status === "sent" ? (options.sentAt ?? new Date()) : null,
      },
    });
    await reserveCredits(tx, options.accountId, cost, { messageId: id, description: "Test message" });
    await tx.messageEvent.createMany({
      data: [
        { messageId: id, status: "submitted", source: "api", dispatchedAt: new Date() },
        ...(status === "sent" ? [{ messageId: id, status: "sent" as const, source: "worker", dispatchedAt: new Date() }] : []),
      ],
    });
  });
  return { id, providerMessageId, cost };
}

/** Polls `probe` until it returns a truthy value, failing after `timeoutMs` (no fixed sleeps). */
export async function waitFor<T>(probe: () => Promise<T | null | undefined | false>, timeoutMs = 10_000, what = "condition"): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Many `sent` messages at once (bulk inserts, one reservation per message), for burst tests and benchmarks. */
export async function createTestMessages(count: number, options: { accountId: string; cost?: number }): Promise<TestMessage[]> {
  const cost = options.cost ?? 80;
  const rows = Array.from({ length: count }, () => ({ id: randomUUID(), providerMessageId: String(++providerIdCounter), cost }));
  const total = BigInt(cost * count);
  await db.$transaction(async (tx) => {
    const updated = await tx.$executeRaw`
      UPDATE accounts SET balance = balance - ${total}, reserved = reserved + ${total}
      WHERE id = ${options.accountId}::uuid AND balance >= ${total}`;
    if (updated === 0) throw new Error("Not enough test credit for these messages");
    await tx.message.createMany({
      data: rows.map((row) => ({
        id: row.id,
        accountId: options.accountId,
        to: "+254712345678",
        from: "SEMATEST",
        body: "Hello from a test",
        encoding: "gsm7" as const,
        segments: 1,
        country: "KE",
        operator: "Safaricom",
        status: "sent" as const,
        cost,
        provider: "celcom",
        providerMessageId: row.providerMessageId,
        attempts: 1,
        sentAt: new Date(),
      })),
    });
    await tx.ledgerEntry.createMany({
      data: rows.map((row) => ({ accountId: options.accountId, type: "reserve" as const, amount: BigInt(cost), messageId: row.id })),
    });
  });
  return rows;
}

/** A message with its timeline, oldest transition first (message_events has no Prisma relation). */
export async function messageWithEvents(id: string) {
  // Message first, events after: a status change and its event commit together, so events read
  // later include every change the message shows (read in parallel, they could miss the last one).
  const message = await db.message.findUniqueOrThrow({ where: { id } });
  const events = await db.messageEvent.findMany({ where: { messageId: id }, orderBy: { id: "asc" } });
  return { ...message, events };
}
