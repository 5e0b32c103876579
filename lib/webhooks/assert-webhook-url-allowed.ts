import { env } from "@/lib/env";
import { AppError } from "@/lib/http/errors";
import { assertDestinationAllowed } from "@/lib/net/safe-fetch";

/** Refuses destinations the SSRF policy would block anyway, so customers learn at registration (422). */
export async function assertWebhookUrlAllowed(url: string, field = "url"): Promise<void> {
  const check = await assertDestinationAllowed(url, { allowLoopback: env.WEBHOOK_ALLOW_LOOPBACK, allowPrivate: env.WEBHOOK_ALLOW_PRIVATE });
  if (!check.allowed) {
    throw new AppError("destination_not_allowed", check.message, { field, reason: check.reason });
  }
}
