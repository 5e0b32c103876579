import { db } from "@/lib/db";
import { notFound } from "@/lib/http/errors";

export interface AccountRates {
  tierName: string;
  currency: string;
  /** Price per segment for networks without their own rate, minor units. */
  defaultRate: number;
  rates: { country: string; operator: string; ratePerSegment: number }[];
}

/** The price list an account is billed by (its tier, or the default tier), per network, for the portal's rate card. */
export async function listAccountRates(accountId: string): Promise<AccountRates> {
  const account = await db.account.findUnique({ where: { id: accountId }, select: { pricingTierId: true } });
  if (!account) throw notFound("Account");
  const tier = await db.pricingTier.findFirst({
    where: account.pricingTierId ? { id: account.pricingTierId } : { isDefault: true },
    select: { name: true, currency: true, defaultRate: true, rates: { select: { country: true, operator: true, ratePerSegment: true }, orderBy: [{ country: "asc" }, { operator: "asc" }] } },
  });
  if (!tier) throw notFound("Pricing tier");
  return { tierName: tier.name, currency: tier.currency, defaultRate: tier.defaultRate, rates: tier.rates };
}
