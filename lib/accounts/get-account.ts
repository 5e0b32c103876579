import { recordAudit } from "@/lib/audit/record-audit";
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
  const select = { id: true, name: true, defaultCountry: true, timezone: true } as const;
  const { before, after } = await db.$transaction(async (tx) => {
    const previous = await tx.account.findUnique({ where: { id: accountId }, select });
    const updated = await tx.account.update({
      where: { id: accountId },
      data: { name: input.name, defaultCountry: input.defaultCountry, timezone: input.timezone },
      select,
    });
    await recordAudit({ action: "account.update_settings", accountId, target: { type: "account", id: accountId }, before: previous, after: updated }, tx);
    return { before: previous, after: updated };
  });
  // Quiet hours are local times: held promotional messages are re-planned in the new zone.
  if (before && before.timezone !== after.timezone) await replanHeldMessages(accountId);
  return after;
}
