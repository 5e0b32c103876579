import { db } from "@/lib/db";
import { notFound } from "@/lib/http/errors";
import { replanHeldMessages } from "@/lib/traffic/replan-held-messages";
import type { AccountSettingsInput } from "@/lib/accounts/schemas";

export async function getAccountSummary(accountId: string) {
  const account = await db.account.findUnique({
    where: { id: accountId },
    select: {
      id: true,
      name: true,
      defaultCountry: true,
      timezone: true,
      status: true,
      createdAt: true,
      pricingTier: { select: { name: true, currency: true } },
    },
  });
  if (!account) throw notFound("Account");
  return account;
}

export async function updateAccountSettings(accountId: string, input: AccountSettingsInput) {
  const before = await db.account.findUnique({ where: { id: accountId }, select: { timezone: true } });
  const updated = await db.account.update({
    where: { id: accountId },
    data: { name: input.name, defaultCountry: input.defaultCountry, timezone: input.timezone },
    select: { id: true, name: true, defaultCountry: true, timezone: true },
  });
  // Quiet hours are local times: held promotional messages are re-planned in the new zone.
  if (before && before.timezone !== updated.timezone) await replanHeldMessages(accountId);
  return updated;
}
