import { z } from "zod";

const uuid = z.string().uuid();
/** One message, or a batch of up to 500 freshly created ones (campaign expansion). */
const sendPayload = z.union([z.object({ messageId: uuid }), z.object({ messageIds: z.array(uuid).min(1).max(500) })]);

/**
 * Every queue the platform uses: its Redis name and the schema of its job payload.
 * Producers call enqueue(); processors in workers/ parse with the same schema.
 */
export const queues = {
  smsPriority: {
    name: "sms.priority",
    payload: sendPayload,
  },
  smsNormal: {
    name: "sms.normal",
    payload: sendPayload,
  },
  smsContent: {
    name: "sms.content",
    payload: z.object({ campaignId: uuid }),
  },
  contactsValidate: {
    name: "contacts.validate",
    // One chunk of a validation run: its index (counted once) and contact id range.
    payload: z.object({ listId: uuid, runId: uuid, chunk: z.number().int().nonnegative(), fromId: z.string().regex(/^\d+$/), toId: z.string().regex(/^\d+$/) }),
  },
  dlrInbound: {
    name: "dlr.inbound",
    payload: z.object({
      provider: z.string(),
      receivedAt: z.string(),
      reports: z.array(z.record(z.string(), z.unknown())).min(1),
    }),
  },
  webhooksDeliver: {
    name: "webhooks.deliver",
    payload: z.object({ deliveryIds: z.array(uuid).min(1) }),
  },
  webhooksRelay: {
    name: "webhooks.relay",
    payload: z.object({ task: z.enum(["relay", "reconcile"]) }),
  },
  dlrMaintenance: {
    name: "dlr.maintenance",
    payload: z.object({ task: z.enum(["expire-messages", "retry-orphans"]) }),
  },
  campaignsSchedule: {
    name: "campaigns.schedule",
    // A campaignId expands that campaign; otherwise `task` names the periodic tick to run.
    payload: z.object({ campaignId: uuid.optional(), task: z.enum(["claim", "complete"]).optional() }),
  },
  maintenance: {
    name: "maintenance",
    payload: z.object({ task: z.enum(["reconcile-messages", "reconcile-validation", "prune-idempotency"]) }),
  },
} as const;

export type QueueKey = keyof typeof queues;
export type JobPayload<K extends QueueKey> = z.infer<(typeof queues)[K]["payload"]>;
