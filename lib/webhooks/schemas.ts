import { z } from "zod";
import { EVENT_FILTERS } from "@/lib/webhooks/event-types";
import { pgDate, pgText } from "@/lib/validation/pg-safe";

const url = pgText(z.string().trim().url().max(2048));

export const createWebhookEndpointInput = z.object({
  url,
  events: z.array(z.enum(EVENT_FILTERS)).min(1).max(50),
  description: pgText(z.string().trim().max(200)).optional(),
  batch: z.boolean().optional(),
});
export type CreateWebhookEndpointInput = z.infer<typeof createWebhookEndpointInput>;

export const updateWebhookEndpointInput = z
  .object({
    url: url.optional(),
    events: z.array(z.enum(EVENT_FILTERS)).min(1).max(50).optional(),
    description: pgText(z.string().trim().max(200)).nullable().optional(),
    batch: z.boolean().optional(),
    status: z.enum(["active", "disabled"]).optional(),
  })
  .refine((value) => Object.keys(value).length > 0, { message: "Nothing to update" });
export type UpdateWebhookEndpointInput = z.infer<typeof updateWebhookEndpointInput>;

export const rotateSecretInput = z.object({
  /** How long the previous secret keeps signing alongside the new one (0 ends it at once). */
  overlapHours: z.number().int().min(0).max(168).default(24),
});

export const DELIVERY_STATUSES = ["pending", "succeeded", "failed"] as const;

export const listDeliveriesQuery = z.object({
  status: z.enum(DELIVERY_STATUSES).optional(),
  endpointId: z.string().uuid().optional(),
  messageId: z.string().uuid().optional(),
  eventType: pgText(z.string().max(64)).optional(),
  since: pgDate().optional(),
  before: z.string().uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListDeliveriesQuery = z.infer<typeof listDeliveriesQuery>;

export const replayFailedInput = z.object({
  since: pgDate(),
  endpointId: z.string().uuid().optional(),
});
