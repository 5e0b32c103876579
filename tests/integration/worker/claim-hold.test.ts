import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { holdingClaims } from "@/lib/messages/transitions/hold-claims";
import { markQueued } from "@/lib/messages/transitions/mark-queued";
import { createTestAccount } from "@/tests/helpers/accounts";
import { createTestMessage } from "@/tests/helpers/messages";

/**
 * The ids among `ids` that the reconciler's sweep (touchStuckMessages) would take as stuck after
 * `olderThanSeconds`; asked of these rows only, since the sweep itself would touch other files' messages.
 */
async function stuckAmong(ids: string[], olderThanSeconds: number): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT id::text FROM messages WHERE id = ANY(${ids}::uuid[]) AND status IN ('submitted', 'queued')
      AND updated_at < now() - make_interval(secs => ${olderThanSeconds})`;
  return rows.map((row) => row.id);
}

/**
 * Makes the message look claimed `ageSeconds` ago, as a send that started then would leave it. It is
 * also held until an hour from now (not_before), which the reconciler's sweep skips: other files'
 * reconcilers run against the same database and must not touch these rows while this test times them.
 */
async function claimedSecondsAgo(messageId: string, ageSeconds: number): Promise<void> {
  await markQueued(messageId);
  await db.$executeRaw`
    UPDATE messages SET updated_at = now() - make_interval(secs => ${ageSeconds}), not_before = now() + interval '1 hour'
    WHERE id = ${messageId}::uuid`;
}

async function updatedAt(messageId: string): Promise<number> {
  const [row] = await db.$queryRaw<{ at: Date }[]>`SELECT updated_at AS at FROM messages WHERE id = ${messageId}::uuid`;
  return row.at.getTime();
}

describe("a send in progress holds its claim against the reconciler", () => {
  it("a slow provider call keeps its messages out of the stuck sweep, and stops refreshing them once it ends", async () => {
    const account = await createTestAccount({ credits: 10_000 });
    const held = await createTestMessage({ accountId: account.accountId, status: "queued", providerMessageId: null });
    const idle = await createTestMessage({ accountId: account.accountId, status: "queued", providerMessageId: null });
    await claimedSecondsAgo(held.id, 30);
    await claimedSecondsAgo(idle.id, 30);

    const ids = [held.id, idle.id];
    const sweptIds = await holdingClaims(
      [held.id],
      async () => {
        await sleep(600);
        return stuckAmong(ids, 5);
      },
      100,
    );
    // The idle claim (a dead worker's) is taken over; the held one is not handed to a second job.
    expect(sweptIds).toContain(idle.id);
    expect(sweptIds).not.toContain(held.id);

    // Once the send is over nothing refreshes the claim any more (a refresh already in flight may land first).
    await sleep(1_000);
    const settled = await updatedAt(held.id);
    await sleep(1_000);
    expect(await updatedAt(held.id)).toBe(settled);
  });
});
