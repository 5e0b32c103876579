// Webhook delivery throughput to a local receiver: outbox relay → events → deliveries → signed
// POSTs, batched (JSON arrays, ≤1,000 events per request) and one event per request. Not a timed test.
//
//   DATABASE_URL=<a migrated database> QUEUE_PREFIX=bench_hooks SEMA_MODE=test WEBHOOK_ALLOW_LOOPBACK=true \
//     npx tsx bench/webhooks-delivery.ts [--events 20000] [--single 2000]
import { randomBytes, randomUUID } from "node:crypto";
import http from "node:http";
import { type AddressInfo } from "node:net";
import { parseArgs } from "node:util";
import { createAccount } from "@/lib/accounts/create-account";
import { db, Prisma } from "@/lib/db";
import { closeConnectionPools } from "@/lib/net/safe-fetch";
import { closeQueues, upsertSchedules } from "@/lib/queue/enqueue";
import { nudgeWebhookRelay } from "@/lib/webhooks/dispatch-deliveries";
import { generateWebhookSecret } from "@/lib/webhooks/signing";
import { startWebhooks } from "@/workers/webhooks";

const { values } = parseArgs({ options: { events: { type: "string", default: "20000" }, single: { type: "string", default: "2000" } } });
const batchedEvents = Number(values.events);
const singleEvents = Number(values.single);

let received = 0;
const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown;
    received += Array.isArray(body) ? body.length : 1;
    res.writeHead(204).end();
  });
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const receiverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

/** An account with one endpoint and `count` messages each with one undispatched `delivered` transition. */
async function scenario(count: number, batch: boolean) {
  const suffix = randomBytes(4).toString("hex");
  const account = await createAccount({ name: `Hooks bench ${suffix}`, owner: { email: `hooks-${suffix}@example.test`, name: "Bench", password: randomBytes(12).toString("hex") } });
  await db.webhookEndpoint.create({
    data: { accountId: account.accountId, url: `${receiverUrl}/${batch ? "batch" : "single"}`, events: ["message.*"], batch, secret: generateWebhookSecret() },
  });
  for (let offset = 0; offset < count; offset += 5_000) {
    const ids = Array.from({ length: Math.min(5_000, count - offset) }, () => randomUUID());
    await db.$executeRaw(Prisma.sql`
      WITH created AS (
        INSERT INTO messages (id, account_id, "to", "from", body, encoding, segments, country, operator, status, cost, charge_state, attempts, completed_at, updated_at)
        SELECT id, ${account.accountId}::uuid, '+254712345678', 'BENCH', 'bench', 'gsm7', 1, 'KE', 'Safaricom', 'delivered', 0, 'captured', 1, now(), now()
        FROM unnest(${ids}::uuid[]) AS t(id)
        RETURNING id
      )
      INSERT INTO message_events (message_id, status, source, dispatched_at) SELECT id, 'delivered', 'dlr', now() FROM created`);
  }
  return account.accountId;
}

async function measure(accountId: string, count: number) {
  received = 0;
  // Setup, not timed: the transitions become undispatched (the relay cannot see them before this commits).
  await db.$executeRaw`
    UPDATE message_events SET dispatched_at = NULL
    WHERE message_id IN (SELECT id FROM messages WHERE account_id = ${accountId}::uuid)`;
  const start = performance.now();
  await nudgeWebhookRelay();
  for (;;) {
    const done = await db.webhookDelivery.count({ where: { accountId, status: "succeeded" } });
    if (done >= count) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const seconds = (performance.now() - start) / 1000;
  return { events: count, received, seconds: +seconds.toFixed(2), perSecond: Math.round(count / seconds) };
}

const batchedAccount = await scenario(batchedEvents, true);
const singleAccount = await scenario(singleEvents, false);
const worker = startWebhooks();
await upsertSchedules({ only: ["webhooks-relay"] });
const batched = await measure(batchedAccount, batchedEvents);
const single = await measure(singleAccount, singleEvents);
const requests = await db.webhookAttempt.groupBy({ by: ["requestId"], where: { delivery: { accountId: batchedAccount } } });

process.stdout.write(`${JSON.stringify({ batched: { ...batched, requests: requests.length }, single }, null, 2)}\n`);
await worker.close();
await closeQueues();
closeConnectionPools();
server.close();
await db.$disconnect();
