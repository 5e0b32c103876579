import { randomUUID } from "node:crypto";
import { type db, type Transaction, viaPrisma } from "@/lib/db";
import { createWebhookEvents } from "@/lib/webhooks/create-webhook-events";

type Client = Transaction | typeof db;

export interface AccountEventInput {
  accountId: string;
  /** e.g. "campaign.completed", "contact_list.validated". */
  type: string;
  /** The event's subject (campaign, contact list…), sent as `data`. */
  payload: Record<string, unknown>;
  campaignId?: string | null;
  callbackUrl?: string | null;
  callbackEvents?: readonly string[];
  customPayload?: unknown;
}

/**
 * Emits a non-message event (campaign.*, contact_list.*) inside the caller's transaction, fanned
 * out exactly like message events. Call `nudgeWebhookRelay()` after the commit for prompt delivery;
 * without it the relay's one-second schedule picks the deliveries up.
 */
export async function emitAccountEvent(client: Client, input: AccountEventInput): Promise<string> {
  const id = randomUUID();
  const payload: Record<string, unknown> = {
    eventId: id,
    eventType: input.type,
    timestamp: new Date().toISOString(),
    data: input.payload,
    ...(input.campaignId ? { campaignId: input.campaignId } : {}),
    ...(input.customPayload !== undefined && input.customPayload !== null ? { customPayload: input.customPayload } : {}),
  };
  await createWebhookEvents(viaPrisma(client), [
    {
      id,
      accountId: input.accountId,
      type: input.type,
      campaignId: input.campaignId ?? null,
      payload,
      callbackUrl: input.callbackUrl ?? null,
      callbackEvents: input.callbackEvents ?? [],
    },
  ]);
  return id;
}
