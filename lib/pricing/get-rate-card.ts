import { db } from "@/lib/db";
import { notFound } from "@/lib/http/errors";
import { createRateCard, type RateCard } from "@/lib/pricing/rate-card";

export { priceMessage, type RateCard } from "@/lib/pricing/rate-card";

// Price lists change rarely and by operator action; a short cache keeps them off the send path.
const CACHE_TTL_MS = 30_000;
const DEFAULT_TIER = "default";

const cache = new Map<string, { card: Promise<RateCard>; loadedAt: number }>();

async function readTier(tierId: string | null): Promise<RateCard> {
  const tier = await db.pricingTier.findFirst({
    where: tierId ? { id: tierId } : { isDefault: true },
    select: { id: true, name: true, currency: true, defaultRate: true, rates: { select: { country: true, operator: true, ratePerSegment: true } } },
  });
  if (!tier) throw new Error(tierId ? `pricing tier ${tierId} does not exist` : "no default pricing tier is configured");
  return createRateCard({ tierId: tier.id, tierName: tier.name, currency: tier.currency, defaultRate: tier.defaultRate, rates: tier.rates });
}

/** The rate card of a tier (null: the platform's default tier), cached briefly per tier. */
export function loadTierRateCard(tierId: string | null): Promise<RateCard> {
  const key = tierId ?? DEFAULT_TIER;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.loadedAt < CACHE_TTL_MS) return hit.card;
  const card = readTier(tierId);
  cache.set(key, { card, loadedAt: Date.now() });
  card.catch(() => cache.delete(key));
  return card;
}

/** The rate card an account is billed by: its own tier, or the default tier when it has none. */
export async function loadRateCard(accountId: string): Promise<RateCard> {
  const account = await db.account.findUnique({ where: { id: accountId }, select: { pricingTierId: true } });
  if (!account) throw notFound("Account");
  return loadTierRateCard(account.pricingTierId);
}
