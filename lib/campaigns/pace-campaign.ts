import { type Transaction } from "@/lib/db";
import type { MessagePriority } from "@/lib/generated/prisma/enums";
import { setMessagesNotBefore } from "@/lib/messages/transitions/pace-messages";
import { enqueueBulk } from "@/lib/queue/enqueue";
import { SEND_BATCH_MAX_MESSAGES } from "@/lib/sending/send-batch";
import { sendQueueFor } from "@/lib/sending/send-jobs";
import { quietHoursOf, resumedSendTime } from "@/lib/traffic/quiet-hours";

/**
 * A paced campaign (`sendRatePerMinute`): the campaign's n-th message (0-based, in the order chunks
 * commit) goes out at start + n × 60 s / rate. Times are fixed from the campaign's start, so a
 * resumed expansion continues the same schedule.
 */
export function pacedSendTimes(start: Date, firstIndex: number, count: number, ratePerMinute: number): Date[] {
  return Array.from({ length: count }, (_, offset) => new Date(start.getTime() + Math.floor(((firstIndex + offset) * 60_000) / ratePerMinute)));
}

export interface PlannedCampaign {
  send_rate_per_minute: number | null;
  queued_at: Date | null;
  message_class: string;
  account_timezone: string;
  quiet_hours_start: string | null;
  quiet_hours_end: string | null;
}

/**
 * When a chunk's messages (the campaign's [firstIndex, firstIndex + count)) go out, or null when
 * all of them go at once: a paced campaign spreads them; a promotional one with quiet hours pauses
 * at the window's start and resumes at its end (docs/traffic-controls.md).
 */
export function plannedSendTimes(campaign: PlannedCampaign, firstIndex: number, count: number, now = new Date()): Date[] | null {
  const quiet = campaign.message_class === "promotional" ? quietHoursOf(campaign.quiet_hours_start, campaign.quiet_hours_end) : null;
  if (!campaign.send_rate_per_minute && !quiet) return null;
  const startedAt = campaign.send_rate_per_minute ? (campaign.queued_at ?? now) : now;
  const times = campaign.send_rate_per_minute
    ? pacedSendTimes(startedAt, firstIndex, count, campaign.send_rate_per_minute)
    : Array.from({ length: count }, () => now);
  return quiet ? times.map((time) => resumedSendTime(quiet, campaign.account_timezone, time, startedAt)) : times;
}

/** Records the chunk's send times on its messages (in the chunk's transaction). */
export async function paceChunk(tx: Transaction, ids: readonly string[], sendTimes: readonly Date[]): Promise<void> {
  await setMessagesNotBefore(tx, ids.map((id, index) => ({ id, notBefore: sendTimes[index] })));
}

/**
 * Enqueues a paced chunk as delayed batch jobs: the messages due in the same second share one job
 * (at most SEND_BATCH_MAX_MESSAGES), delayed until that second.
 */
export async function enqueuePacedBatches(ids: readonly string[], sendTimes: readonly Date[], priority: MessagePriority, now = Date.now()): Promise<number> {
  const jobs: { payload: { messageIds: string[] }; options: { delay: number } }[] = [];
  let current: { second: number; messageIds: string[] } | null = null;
  ids.forEach((id, index) => {
    // Rounded up: a job never runs before its messages' not_before (batch claims skip those).
    const second = Math.ceil(sendTimes[index].getTime() / 1000);
    if (!current || current.second !== second || current.messageIds.length >= SEND_BATCH_MAX_MESSAGES) {
      current = { second, messageIds: [] };
      jobs.push({ payload: { messageIds: current.messageIds }, options: { delay: Math.max(0, second * 1000 - now) } });
    }
    current.messageIds.push(id);
  });
  await enqueueBulk(sendQueueFor(priority), jobs);
  return jobs.length;
}
