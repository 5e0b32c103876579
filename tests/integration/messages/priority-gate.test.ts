import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { MessagePriority } from "@/lib/generated/prisma/enums";
import { prepareMessage } from "@/lib/messages/prepare-message";
import { createMessage } from "@/lib/messages/transitions/create-message";
import type { OutboundSms, SendResult, SmsProvider } from "@/lib/providers/types";
import { enqueueMessageSends } from "@/lib/sending/send-jobs";
import { createTestAccount, type TestAccount } from "@/tests/helpers/accounts";
import { waitFor } from "@/tests/helpers/messages";
import type { Closeable } from "@/workers/runtime";
import { startSending } from "@/workers/sending";

// The sending worker's priority gate against real Redis: while sms.priority has waiting jobs the
// sms.normal worker fetches nothing. The provider only records the order sends start in and answers
// after a pause, so each queue drains at a known pace.

const SEND_MS = 30;
const CONCURRENCY = 1;

class RecordingProvider implements SmsProvider {
  readonly name = "celcom";
  readonly started: string[] = [];

  async send(message: OutboundSms): Promise<SendResult> {
    this.started.push(message.messageId);
    await new Promise((resolve) => setTimeout(resolve, SEND_MS));
    return { ok: true, providerMessageId: randomUUID() };
  }
}

let sending: Closeable | undefined;

afterEach(async () => {
  await sending?.close();
  sending = undefined;
});

async function submitted(account: TestAccount, count: number, priority: MessagePriority, firstNumber: number): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const to = `+2547120${String(firstNumber + index).padStart(5, "0")}`;
    const prepared = await prepareMessage(account.accountId, { to, from: account.senderId, body: `${priority} ${index}` });
    ids.push((await createMessage(prepared, { accountId: account.accountId, priority })).messageId);
  }
  return ids;
}

async function allSent(ids: string[]): Promise<boolean> {
  return (await db.message.count({ where: { id: { in: ids }, status: "sent" } })) === ids.length;
}

describe("priority gate", () => {
  it("drains the sms.priority backlog before the sms.normal worker takes a job", async () => {
    const account = await createTestAccount();
    const normal = await submitted(account, 8, "normal", 10_000);
    const priority = await submitted(account, 8, "high", 10_100);
    // Normal work was queued first: only the gate keeps it behind the priority backlog.
    await enqueueMessageSends(normal, "normal");
    await enqueueMessageSends(priority, "high");

    const provider = new RecordingProvider();
    sending = await startSending({ provider, concurrency: CONCURRENCY, priorityCheckMs: 10 });
    await waitFor(() => allSent([...normal, ...priority]), 20_000, "every message sent");

    const firstNormal = provider.started.findIndex((id) => normal.includes(id));
    // Normal may start once no priority job is waiting, i.e. with the last ones still in flight.
    expect(firstNormal).toBeGreaterThanOrEqual(priority.length - CONCURRENCY);
    expect(provider.started).toHaveLength(normal.length + priority.length);
  });

  it("stops sms.normal from fetching while priority work that arrives later drains", async () => {
    const account = await createTestAccount();
    const normal = await submitted(account, 30, "normal", 20_000);
    const priority = await submitted(account, 12, "high", 20_100);
    await enqueueMessageSends(normal, "normal");

    const provider = new RecordingProvider();
    sending = await startSending({ provider, concurrency: CONCURRENCY, priorityCheckMs: 10 });
    await waitFor(async () => provider.started.length >= 3, 10_000, "normal sends under way");
    const arrivedAt = provider.started.length;
    await enqueueMessageSends(priority, "high");
    await waitFor(() => allSent([...normal, ...priority]), 30_000, "every message sent");

    const lastPriority = Math.max(...priority.map((id) => provider.started.indexOf(id)));
    const normalWhilePriorityDrained = provider.started.slice(arrivedAt, lastPriority).filter((id) => normal.includes(id));
    // Ungated, normal would take every other slot (about 12 sends) while the 12 priority jobs drain;
    // gated, only the send in flight and at most one fetched before the next check of the gate.
    expect(normalWhilePriorityDrained.length).toBeLessThanOrEqual(3);
  });
});
