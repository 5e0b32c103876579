import { z } from "zod";
import { id, listOf, minorUnits, nullableTimestamp, pageOf, timestamp } from "@/lib/openapi/fields";
import { message } from "@/lib/messages/responses";

export const campaign = z
  .object({
    id,
    name: z.string(),
    from: z.string(),
    body: z.string(),
    status: z.enum(["pending_content_check", "rejected", "scheduled", "queued", "completed", "cancelled"]),
    statusReason: z.string().nullable(),
    sendAt: nullableTimestamp,
    priority: z.enum(["high", "normal"]),
    class: message.shape.class,
    maxMessages: z.int().nullable().meta({ description: "At most this many eligible recipients, in list order; null = all" }),
    sendRatePerMinute: z.int().nullable().meta({ description: "Sends spread at this many messages per minute; null = as fast as the queue goes" }),
    contactListId: id.nullable(),
    callbackUrl: z.string().nullable(),
    callbackEvents: z.array(z.string()),
    reservedAmount: minorUnits,
    estimatedCost: minorUnits,
    recipientCount: z.int(),
    messageCount: z.int(),
    optedOutCount: z.int().meta({ description: "Recipients skipped because they opted out (counted when the campaign is created, settled when it is queued)" }),
    createdAt: timestamp,
    queuedAt: nullableTimestamp,
    completedAt: nullableTimestamp,
    cancelledAt: nullableTimestamp,
    contactList: z.looseObject({ id, name: z.string() }).nullable(),
  })
  .meta({ id: "Campaign" });

export const campaignList = listOf(campaign).meta({ id: "CampaignList" });

export const campaignDetail = campaign
  .extend({
    progress: z
      .object({
        submitted: z.int(),
        queued: z.int(),
        sent: z.int(),
        delivered: z.int(),
        failed: z.int(),
        expired: z.int(),
        undeliverable: z.int(),
        rejected: z.int(),
        finished: z.int(),
        ratio: z.number().min(0).max(1),
        spent: minorUnits,
        reserved: minorUnits,
        refunded: minorUnits,
      })
      .meta({ description: "Message counts by status and the money they moved" }),
  })
  .meta({ id: "CampaignDetail" });

export const createdCampaign = z
  .object({
    campaignId: id,
    status: z.literal("pending_content_check").meta({ description: "The content check runs next; a webhook tells its outcome" }),
    estimatedCost: minorUnits.meta({ description: "Reserved from the balance now (minor units)" }),
    recipients: z.int(),
    optedOut: z.int().meta({ description: "Recipients of the list who opted out: no message goes to them" }),
    segments: z.int(),
    contactListId: id.optional().meta({ description: "With inline `dests`: the contact list made of them" }),
  })
  .meta({ id: "CreatedCampaign" });

export const cancelledCampaign = z
  .object({ campaignId: id, status: z.literal("cancelled"), refunded: minorUnits })
  .meta({ id: "CancelledCampaign" });

export const campaignMessagePage = pageOf(z.looseObject({ id: message.shape.id, to: z.string(), status: message.shape.status }), id).meta({
  id: "CampaignMessagePage",
});
