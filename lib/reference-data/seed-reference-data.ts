import type { Database } from "@/lib/db";
import { DEFAULT_PRICING_TIER } from "@/lib/reference-data/pricing";
import { KENYA_MNO_PREFIXES } from "@/prisma/data/mno-prefixes";

/** Idempotently loads the MNO prefix registry and the default pricing tier. */
export async function seedReferenceData(db: Database): Promise<void> {
  await db.mnoPrefix.createMany({
    data: KENYA_MNO_PREFIXES.map((row) => ({
      country: row.country,
      countryCode: row.countryCode,
      prefix: row.prefix,
      operator: row.operator,
    })),
    skipDuplicates: true,
  });

  const tier = await db.pricingTier.upsert({
    where: { name: DEFAULT_PRICING_TIER.name },
    create: { name: DEFAULT_PRICING_TIER.name, isDefault: true, defaultRate: DEFAULT_PRICING_TIER.defaultRate },
    update: {},
  });
  await db.pricingRate.createMany({
    data: DEFAULT_PRICING_TIER.rates.map((rate) => ({ tierId: tier.id, ...rate })),
    skipDuplicates: true,
  });
}
