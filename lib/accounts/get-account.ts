import { db } from "@/lib/db";
import { notFound } from "@/lib/http/errors";
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
  return db.account.update({
    where: { id: accountId },
    data: { name: input.name, defaultCountry: input.defaultCountry, timezone: input.timezone },
    select: { id: true, name: true, defaultCountry: true, timezone: true },
  });
}
