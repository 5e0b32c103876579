"use server";

import { revalidatePath } from "next/cache";
import { sessionAction } from "@/lib/auth/session-action";
import { setRoute } from "@/lib/routing/manage-routes";
import type { SetRouteInput } from "@/lib/routing/schemas";

/**
 * Saves a route as `smsctl route set`: the providers in the order of the form's position fields
 * (`provider0`, `provider1`, …; empty positions are skipped) and its strategy.
 */
export const setRouteAction = sessionAction(async ({ values }) => {
  const providers = Object.keys(values)
    .filter((key) => /^provider\d{1,2}$/.test(key))
    .sort((a, b) => Number(a.slice(8)) - Number(b.slice(8)))
    .map((key) => values[key].trim())
    .filter((name) => name !== "");
  const mno = values.mno?.trim();
  const saved = await setRoute({ country: values.country ?? "", mno: mno ? mno : undefined, providers, strategy: values.strategy as SetRouteInput["strategy"] });
  revalidatePath("/operator/routes");
  return { status: "success", message: `Route ${saved.country}${saved.mno ? `/${saved.mno}` : ""} saved: ${saved.providers.join(" → ")} (${saved.strategy}).`, values };
}, { operator: true });
