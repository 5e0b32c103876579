"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { domainFailure, formValues, validationFailed, type FormState } from "@/lib/form-state";
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

const id = z.uuid();
const ROTATION_OVERLAP_HOURS = 24;

function endpointId(formData: FormData): string | null {
  const parsed = id.safeParse(formData.get("id"));
  return parsed.success ? parsed.data : null;
}

const gone: FormState<never> = { status: "error", message: "That webhook no longer exists." };

export async function createEndpointAction(_previous: FormState<IssuedSecret>, formData: FormData): Promise<FormState<IssuedSecret>> {
  const user = await requireUser();
  const values = formValues(formData);
  const parsed = createWebhookEndpointInput.safeParse({
    url: formData.get("url"),
    events: formData.getAll("events"),
    description: (formData.get("description") as string | null) || undefined,
    batch: formData.get("batch") === "on",
  });
  if (!parsed.success) return validationFailed(parsed.error, values);
  try {
    const created = await createWebhookEndpoint(user.accountId, parsed.data);
    revalidatePath("/webhooks");
    return { status: "success", data: { label: `Endpoint ${created.url} created`, secret: created.secret } };
  } catch (error) {
    return domainFailure(error, values);
  }
}

export async function updateEndpointEventsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const target = endpointId(formData);
  if (!target) return gone;
  const parsed = updateWebhookEndpointInput.safeParse({ events: formData.getAll("events"), batch: formData.get("batch") === "on" });
  if (!parsed.success) return { status: "error", message: "Choose at least one event." };
  try {
    await updateWebhookEndpoint(user.accountId, target, parsed.data);
    revalidatePath("/webhooks");
    return { status: "success", message: "Events updated." };
  } catch (error) {
    return domainFailure(error, {});
  }
}

export async function setEndpointStatusAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const target = endpointId(formData);
  const status = formData.get("status") === "active" ? "active" : "disabled";
  if (!target) return gone;
  try {
    await updateWebhookEndpoint(user.accountId, target, { status });
    revalidatePath("/webhooks");
    return { status: "success", message: status === "active" ? "Endpoint enabled." : "Endpoint disabled: nothing more is sent to it." };
  } catch (error) {
    return domainFailure(error, {});
  }
}

export async function deleteEndpointAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const target = endpointId(formData);
  if (!target) return gone;
  try {
    await deleteWebhookEndpoint(user.accountId, target);
    revalidatePath("/webhooks");
    return { status: "success", message: "Endpoint deleted." };
  } catch (error) {
    return domainFailure(error, {});
  }
}

export async function rotateEndpointSecretAction(_previous: FormState<IssuedSecret>, formData: FormData): Promise<FormState<IssuedSecret>> {
  const user = await requireUser();
  const target = endpointId(formData);
  if (!target) return gone;
  try {
    const rotated = await rotateWebhookEndpointSecret(user.accountId, target, ROTATION_OVERLAP_HOURS);
    revalidatePath("/webhooks");
    return { status: "success", data: { label: `New secret for ${rotated.url}`, secret: rotated.secret, overlapHours: ROTATION_OVERLAP_HOURS } };
  } catch (error) {
    return domainFailure(error, {});
  }
}

export async function sendTestEventAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const target = endpointId(formData);
  if (!target) return gone;
  try {
    await sendTestEvent(user.accountId, target);
    await nudgeWebhookRelay();
    revalidatePath("/webhooks");
    return { status: "success", message: "Test event queued: it appears in the delivery log within seconds." };
  } catch (error) {
    return domainFailure(error, {});
  }
}

export async function rotateCallbackSecretAction(): Promise<FormState<IssuedSecret>> {
  const user = await requireUser();
  const secret = await rotateCallbackSecret(user.accountId);
  revalidatePath("/webhooks");
  return { status: "success", data: { label: "New callback signing secret", secret } };
}

export async function replayDeliveryAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const target = endpointId(formData);
  if (!target) return { status: "error", message: "That delivery no longer exists." };
  try {
    await replayDelivery(user.accountId, target);
    await nudgeWebhookRelay();
    revalidatePath("/webhooks");
    return { status: "success", message: "Delivery replayed." };
  } catch (error) {
    return domainFailure(error, {});
  }
}

export async function replayFailedAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const hours = z.coerce.number().int().min(1).max(24 * 30).safeParse(formData.get("hours"));
  if (!hours.success) return { status: "error", message: "Choose how far back to replay." };
  const endpoint = id.safeParse(formData.get("endpointId"));
  const replayed = await replayFailedDeliveries(user.accountId, {
    since: new Date(Date.now() - hours.data * 3_600_000),
    endpointId: endpoint.success ? endpoint.data : undefined,
  });
  if (replayed > 0) await nudgeWebhookRelay();
  revalidatePath("/webhooks");
  return { status: "success", message: replayed === 1 ? "1 failed delivery replayed." : `${replayed} failed deliveries replayed.` };
}
