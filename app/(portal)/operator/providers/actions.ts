"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { sessionAction } from "@/lib/auth/session-action";
import { providerNameSchema } from "@/lib/routing/schemas";
import { setProviderEnabled, updateProvider } from "@/lib/routing/manage-providers";

const operator = { operator: true };

/** Enables or disables a provider, as `smsctl provider disable|update --enable`. */
export const setProviderEnabledAction = sessionAction(async ({ formData }) => {
  const name = providerNameSchema.parse(formData.get("name"));
  const enabled = formData.get("enabled") === "true";
  await setProviderEnabled(name, enabled);
  revalidatePath("/operator/providers");
  return { status: "success", message: `${name} ${enabled ? "enabled" : "disabled"}.` };
}, operator);

const rateForm = z.object({ name: providerNameSchema, maxPerSecond: z.coerce.number({ error: "A whole number" }).int("A whole number").min(1).max(100_000) });

/** Changes a provider's send rate limit, as `smsctl provider update --max-per-second`. */
export const setProviderRateAction = sessionAction(async ({ formData, values }) => {
  const input = rateForm.parse({ name: formData.get("name"), maxPerSecond: formData.get("maxPerSecond") });
  await updateProvider(input.name, { maxPerSecond: input.maxPerSecond });
  revalidatePath("/operator/providers");
  return { status: "success", message: `${input.name} limited to ${input.maxPerSecond} msg/s.`, values };
}, operator);
