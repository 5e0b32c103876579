"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { sessionAction } from "@/lib/auth/session-action";
import { nudgeWebhookRelay } from "@/lib/webhooks/dispatch-deliveries";
import type { IssuedSecret } from "@/lib/webhooks/issued-secret";
import { createWebhookEndpoint } from "@/lib/webhooks/create-webhook-endpoint";
import { deleteWebhookEndpoint } from "@/lib/webhooks/delete-webhook-endpoint";
import { rotateCallbackSecret } from "@/lib/webhooks/rotate-callback-secret";
import { rotateWebhookEndpointSecret } from "@/lib/webhooks/rotate-webhook-endpoint-secret";
import { sendTestEvent } from "@/lib/webhooks/send-test-event";
import { updateWebhookEndpoint } from "@/lib/webhooks/update-webhook-endpoint";
import { replayDelivery, replayFailedDeliveries } from "@/lib/webhooks/replay-deliveries";
import { createWebhookEndpointInput, updateWebhookEndpointInput } from "@/lib/webhooks/schemas";

const ROTATION_OVERLAP_HOURS = 24;
const ENDPOINT = "Webhook endpoint";

export const createEndpointAction = sessionAction<IssuedSecret>(async ({ user, formData }) => {
  const description = formData.get("description");
  const input = createWebhookEndpointInput.parse({
    url: formData.get("url"),
    events: formData.getAll("events"),
    description: typeof description === "string" && description !== "" ? description : undefined,
    batch: formData.get("batch") === "on",
  });
  const created = await createWebhookEndpoint(user.accountId, input);
  revalidatePath("/webhooks");
  return { status: "success", data: { label: `Endpoint ${created.url} created`, secret: created.secret } };
});

export const updateEndpointEventsAction = sessionAction(async ({ user, formData, id }) => {
  const endpointId = id("id", ENDPOINT);
  const parsed = updateWebhookEndpointInput.safeParse({ events: formData.getAll("events"), batch: formData.get("batch") === "on" });
  if (!parsed.success) return { status: "error", message: "Choose at least one event." };
  await updateWebhookEndpoint(user.accountId, endpointId, parsed.data);
  revalidatePath("/webhooks");
  return { status: "success", message: "Events updated." };
});

export const setEndpointStatusAction = sessionAction(async ({ user, formData, id }) => {
  const endpointId = id("id", ENDPOINT);
  const status = formData.get("status") === "active" ? "active" : "disabled";
  await updateWebhookEndpoint(user.accountId, endpointId, { status });
  revalidatePath("/webhooks");
  return { status: "success", message: status === "active" ? "Endpoint enabled." : "Endpoint disabled: nothing more is sent to it." };
});

export const deleteEndpointAction = sessionAction(async ({ user, id }) => {
  await deleteWebhookEndpoint(user.accountId, id("id", ENDPOINT));
  revalidatePath("/webhooks");
  return { status: "success", message: "Endpoint deleted." };
});

export const rotateEndpointSecretAction = sessionAction<IssuedSecret>(async ({ user, id }) => {
  const rotated = await rotateWebhookEndpointSecret(user.accountId, id("id", ENDPOINT), ROTATION_OVERLAP_HOURS);
  revalidatePath("/webhooks");
  return { status: "success", data: { label: `New secret for ${rotated.url}`, secret: rotated.secret, overlapHours: ROTATION_OVERLAP_HOURS } };
});

export const sendTestEventAction = sessionAction(async ({ user, id }) => {
  await sendTestEvent(user.accountId, id("id", ENDPOINT));
  await nudgeWebhookRelay();
  revalidatePath("/webhooks");
  return { status: "success", message: "Test event queued: it appears in the delivery log within seconds." };
});

export const rotateCallbackSecretAction = sessionAction<IssuedSecret>(async ({ user }) => {
  const secret = await rotateCallbackSecret(user.accountId);
  revalidatePath("/webhooks");
  return { status: "success", data: { label: "New callback signing secret", secret } };
});

export const replayDeliveryAction = sessionAction(async ({ user, id }) => {
  await replayDelivery(user.accountId, id("id", "Webhook delivery"));
  await nudgeWebhookRelay();
  revalidatePath("/webhooks");
  return { status: "success", message: "Delivery replayed." };
});

const replayWindow = z.object({
  hours: z.coerce.number("Choose how far back to replay.").int().min(1).max(24 * 30),
  endpointId: z.uuid().optional(),
});

export const replayFailedAction = sessionAction(async ({ user, formData }) => {
  const endpointId = formData.get("endpointId");
  const input = replayWindow.parse({ hours: formData.get("hours"), endpointId: typeof endpointId === "string" && endpointId !== "" ? endpointId : undefined });
  const replayed = await replayFailedDeliveries(user.accountId, { since: new Date(Date.now() - input.hours * 3_600_000), endpointId: input.endpointId });
  if (replayed > 0) await nudgeWebhookRelay();
  revalidatePath("/webhooks");
  return { status: "success", message: replayed === 1 ? "1 failed delivery replayed." : `${replayed} failed deliveries replayed.` };
});
