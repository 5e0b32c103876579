import { randomInt } from "node:crypto";
import { POST as inboundCallback } from "@/app/api/callbacks/celcom/inbound/route";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { assignInboundNumber } from "@/lib/inbound-numbers/manage-numbers";
import { assignInboundNumberInput } from "@/lib/inbound-numbers/schemas";
import { getQueue } from "@/lib/queue/enqueue";
import { callRoute, type CallResult } from "@/tests/helpers/http";
import { waitFor } from "@/tests/helpers/messages";

/** A short code no other test uses (test files share one database). */
export function uniqueShortCode(): string {
  return String(randomInt(10_000_000, 99_999_999));
}

/** A Safaricom number (+254 700–729, priced 80) no other test uses. */
export function uniquePhone(): string {
  return `+2547${randomInt(0, 3)}${String(randomInt(0, 10_000_000)).padStart(7, "0")}`;
}

export async function assignNumber(accountId: string, number: string, options: { keyword?: string; zeroRated?: boolean } = {}) {
  return assignInboundNumber(assignInboundNumberInput.parse({ accountId, number, ...options }), "test");
}

/** Posts to the Celcom inbound callback as Celcom would (the DLR callback token in its header). */
export function postInbound(body: unknown, headers: Record<string, string> = {}): Promise<CallResult<{ accepted?: number; error?: { code: string; details?: unknown } }>> {
  return callRoute(inboundCallback, {
    path: "/api/callbacks/celcom/inbound",
    headers: { "x-callback-token": env.DLR_CALLBACK_TOKEN, ...headers },
    body,
  });
}

/** The stored inbound message with this provider id, once the worker has stored it. */
export function waitForInbound(providerMessageId: string) {
  return waitFor(() => db.inboundMessage.findFirst({ where: { provider: "celcom", providerMessageId } }), 15_000, `inbound message ${providerMessageId}`);
}

/** Waits until this test file's inbound queue has nothing waiting or running. */
export async function waitForInboundQueueIdle(): Promise<void> {
  await waitFor(
    async () => {
      const counts = await getQueue("inboundReceive").getJobCounts("waiting", "active", "delayed", "prioritized");
      return Object.values(counts).every((count) => count === 0);
    },
    15_000,
    "the inbound queue to drain",
  );
}

let providerIds = Date.now();
/** A fresh Celcom-style numeric message id. */
export function nextProviderId(): string {
  providerIds += 1;
  return `mo${providerIds}`;
}
