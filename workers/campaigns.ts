import { logger } from "@/lib/logger";
import { expandCampaign } from "@/lib/campaigns/expand-campaign";
import { reviewCampaignContent } from "@/lib/campaigns/review-campaign-content";
import { claimDueCampaigns, completeFinishedCampaigns, resumeStalledCampaigns } from "@/lib/campaigns/schedule-campaigns";
import { createQueueWorker, type Closeable } from "@/workers/runtime";

const log = logger.child({ component: "campaigns" });

/**
 * Campaign work: the content check (`sms.content`), and on `campaigns.schedule` the claim tick,
 * the completion tick and one expansion job per claimed campaign. Both ticks are BullMQ job
 * schedulers (lib/queue/registry.ts), so however many workers run, each runs once per interval.
 */
export function startCampaigns(): Closeable {
  const content = createQueueWorker("smsContent", ({ campaignId }) => reviewCampaignContent(campaignId), { concurrency: 2 });
  const schedule = createQueueWorker(
    "campaignsSchedule",
    async ({ campaignId, task }) => {
      if (campaignId) return expandCampaign(campaignId);
      if (task === "complete") return { completed: await completeFinishedCampaigns() };
      const claimed = await claimDueCampaigns();
      const resumed = await resumeStalledCampaigns();
      if (claimed.length > 0 || resumed > 0) log.info("scheduler tick", { claimed: claimed.length, resumed });
      return { claimed, resumed };
    },
    // Expansions are long, ticks short: a few at once keeps a tick from queueing behind a big campaign.
    { concurrency: 3, lockDuration: 120_000 },
  );
  return { close: async () => void (await Promise.all([content.close(), schedule.close()])) };
}
