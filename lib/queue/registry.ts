import type { JobsOptions } from "bullmq";
import { z } from "zod";
import { env } from "@/lib/env";
import { inboundSmsJob } from "@/lib/inbound/schemas";

const uuid = z.string().uuid();
/**
 * One message, or a batch of up to 500: freshly created ones (campaign expansion, batch API), or
 * messages the reconciler took over, claimed only while still carrying its touch (`claimToken`).
 */
const sendPayload = z.union([
  z.object({ messageId: uuid }),
  z.object({ messageIds: z.array(uuid).min(1).max(500), claimToken: z.string().min(1).optional() }),
]);

/** A periodic job: one BullMQ job scheduler per id, shared by every worker process. */
export interface Schedule<P> {
  id: string;
  /** Read when the worker starts, so the environment decides the interval. */
  everyMs: () => number;
  data: P;
}

interface QueueDefinition<S extends z.ZodType> {
  /** The Redis queue name. */
  name: string;
  /** Every job's data is parsed with it when added and again before the processor sees it. */
  payload: S;
  /** Defaults for every job of the queue; a producer may add to them (job id, delay). */
  jobOptions: JobsOptions;
  /** Periodic jobs of the queue, if any. */
  schedules: Schedule<z.infer<S>>[];
}

function defineQueue<S extends z.ZodType>(definition: QueueDefinition<S>): QueueDefinition<S> {
  return definition;
}

const retried = (attempts: number, delay: number): JobsOptions => ({ attempts, backoff: { type: "exponential", delay } });

/**
 * Every queue the platform uses: its Redis name, the schema of its payload, its job options and
 * its periodic jobs. Producers call enqueue() (lib/queue/enqueue.ts); workers/index.ts starts one
 * processor per queue from workers/processors.ts, which must name every key of this map, and
 * upserts every schedule listed here — the one table of periodic work.
 */
export const queues = {
  smsPriority: defineQueue({
    name: "sms.priority",
    payload: sendPayload,
    // Batch jobs; single-message jobs carry their own attempts and the `send` backoff (lib/sending/send-jobs.ts).
    jobOptions: retried(3, 1_000),
    schedules: [],
  }),
  smsNormal: defineQueue({
    name: "sms.normal",
    payload: sendPayload,
    jobOptions: retried(3, 1_000),
    schedules: [],
  }),
  smsContent: defineQueue({
    name: "sms.content",
    payload: z.object({ campaignId: uuid }),
    jobOptions: retried(5, 2_000),
    schedules: [],
  }),
  contactsValidate: defineQueue({
    name: "contacts.validate",
    // One chunk of a validation run: its index (counted once) and contact id range.
    payload: z.object({ listId: uuid, runId: uuid, chunk: z.number().int().nonnegative(), fromId: z.string().regex(/^\d+$/), toId: z.string().regex(/^\d+$/) }),
    jobOptions: retried(5, 1_000),
    schedules: [],
  }),
  dlrInbound: defineQueue({
    name: "dlr.inbound",
    payload: z.object({
      provider: z.string(),
      // How `reports` are shaped: Celcom callback bodies (the default) or SMPP receipts (lib/providers/smpp/pdu.ts).
      format: z.enum(["celcom", "smpp"]).optional(),
      receivedAt: z.string(),
      reports: z.array(z.record(z.string(), z.unknown())).min(1),
      // The row of `dlr_inbox` holding this job (lib/queue/durable-inbox.ts), deleted once it committed.
      inboxId: uuid.optional(),
    }),
    jobOptions: retried(8, 1_000),
    schedules: [],
  }),
  dlrMaintenance: defineQueue({
    name: "dlr.maintenance",
    payload: z.object({ task: z.enum(["expire-messages", "retry-orphans"]) }),
    jobOptions: {},
    schedules: [
      { id: "dlr-expire-messages", everyMs: () => 5 * 60_000, data: { task: "expire-messages" } },
      { id: "dlr-retry-orphans", everyMs: () => 30_000, data: { task: "retry-orphans" } },
    ],
  }),
  inboundReceive: defineQueue({
    name: "inbound.receive",
    // One mobile-originated message (lib/inbound/accept-inbound.ts) per job.
    payload: inboundSmsJob.extend({ inboxId: uuid.optional() }),
    jobOptions: retried(8, 1_000),
    schedules: [],
  }),
  webhooksDeliver: defineQueue({
    name: "webhooks.deliver",
    payload: z.object({ deliveryIds: z.array(uuid).min(1) }),
    // A delivery's own retry schedule lives in Postgres; the job is not retried by BullMQ.
    jobOptions: {},
    schedules: [],
  }),
  webhooksRelay: defineQueue({
    name: "webhooks.relay",
    payload: z.object({ task: z.enum(["relay", "reconcile"]) }),
    jobOptions: {},
    schedules: [
      { id: "webhooks-relay", everyMs: () => 1_000, data: { task: "relay" } },
      { id: "webhooks-reconcile", everyMs: () => 30_000, data: { task: "reconcile" } },
    ],
  }),
  campaignsSchedule: defineQueue({
    name: "campaigns.schedule",
    // A campaignId expands that campaign; otherwise `task` names the periodic tick to run.
    payload: z.object({ campaignId: uuid.optional(), task: z.enum(["claim", "complete"]).optional() }),
    jobOptions: retried(5, 5_000),
    schedules: [
      { id: "campaigns-claim", everyMs: () => env.CAMPAIGN_SCHEDULER_INTERVAL_MS, data: { task: "claim" } },
      { id: "campaigns-complete", everyMs: () => env.CAMPAIGN_COMPLETION_INTERVAL_MS, data: { task: "complete" } },
    ],
  }),
  maintenance: defineQueue({
    name: "maintenance",
    payload: z.object({ task: z.enum(["reconcile-messages", "reconcile-validation", "prune-idempotency", "expire-dead-letters", "reconcile-inboxes"]) }),
    jobOptions: {},
    schedules: [
      { id: "reconcile-messages", everyMs: () => env.RECONCILE_INTERVAL_SECONDS * 1_000, data: { task: "reconcile-messages" } },
      { id: "reconcile-validation", everyMs: () => env.RECONCILE_INTERVAL_SECONDS * 1_000, data: { task: "reconcile-validation" } },
      { id: "reconcile-inboxes", everyMs: () => env.RECONCILE_INTERVAL_SECONDS * 1_000, data: { task: "reconcile-inboxes" } },
      { id: "prune-idempotency", everyMs: () => 3_600_000, data: { task: "prune-idempotency" } },
      { id: "expire-dead-letters", everyMs: () => 5 * 60_000, data: { task: "expire-dead-letters" } },
    ],
  }),
} as const;

export type QueueKey = keyof typeof queues;
export type JobPayload<K extends QueueKey> = z.infer<(typeof queues)[K]["payload"]>;

export const queueKeys = Object.keys(queues) as QueueKey[];
