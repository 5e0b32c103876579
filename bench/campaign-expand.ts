// Benchmark: a campaign over a validated list (e.g. the 1,000,000 contacts of contacts-validate.ts)
// from approval to every message enqueued, with the peak RSS of this (worker-role) process.
// Usage: DATABASE_URL=… QUEUE_PREFIX=bench LOG_LEVEL=warn npx tsx bench/campaign-expand.ts <accountId> <contactListId> [--personalised] [--keep-jobs]
import { db } from "@/lib/db";
import { checkLedger } from "@/lib/credits/check-ledger";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { reviewCampaignContent } from "@/lib/campaigns/review-campaign-content";
import { closeQueues, getQueue } from "@/lib/queue/enqueue";

const [accountId, listId] = process.argv.slice(2);
const personalised = process.argv.includes("--personalised");
if (!accountId || !listId) throw new Error("usage: campaign-expand.ts <accountId> <contactListId> [--personalised]");

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);

const createStart = Date.now();
const created = await createCampaign(accountId, {
  name: `bench ${new Date().toISOString()}`,
  from: "BENCH",
  body: personalised ? "Hello {{name}}, your parcel is waiting in {{city}}." : "Your parcel is waiting at the Sema Mart counter.",
  contactListId: listId,
  priority: "normal",
});
const createMs = Date.now() - createStart;

const approveStart = Date.now();
const outcome = await reviewCampaignContent(created.campaignId);
const expandMs = Date.now() - approveStart;
clearInterval(sampler);

const waiting = await getQueue("smsNormal").getWaitingCount();
const ledger = await checkLedger(accountId);
process.stdout.write(
  `create (estimate + reserve): ${createMs} ms for ${created.recipients} recipients\n` +
    `approval → all enqueued: ${(expandMs / 1000).toFixed(1)} s (${outcome.outcome === "queued" ? outcome.expansion?.messages : 0} messages, ` +
    `${Math.round(created.recipients / (expandMs / 1000))} messages/s), peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MB, sms.normal waiting ${waiting}\n` +
    `estimate ${created.estimatedCost}, actual ${outcome.outcome === "queued" ? outcome.expansion?.cost : "-"}, ledger problems ${JSON.stringify(ledger.problems)}\n`,
);
if (!process.argv.includes("--keep-jobs")) await getQueue("smsNormal").obliterate({ force: true });
await closeQueues();
await db.$disconnect();
