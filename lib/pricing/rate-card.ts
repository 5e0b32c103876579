/** One pricing tier's prices: a rate per (country, operator) and a fallback for everything else. */
export interface RateCard {
  tierId: string;
  tierName: string;
  currency: string;
  /** Price of one segment (minor units) to `operator` in `country`. */
  rateFor(country: string, operator: string): number;
}

export interface RateCardInput {
  tierId: string;
  tierName: string;
  currency: string;
  defaultRate: number;
  rates: readonly { country: string; operator: string; ratePerSegment: number }[];
}

function assertRate(value: number, what: string): void {
  if (!Number.isInteger(value) || value < 0) throw new Error(`${what} must be a non-negative integer of minor units, got ${value}`);
}

const rateKey = (country: string, operator: string) => `${country.toUpperCase()}\u0000${operator.toLowerCase()}`;

/** Builds a rate card: an operator-specific rate when the tier has one, else the tier's default rate. */
export function createRateCard(input: RateCardInput): RateCard {
  assertRate(input.defaultRate, "defaultRate");
  const rates = new Map<string, number>();
  for (const rate of input.rates) {
    assertRate(rate.ratePerSegment, `rate for ${rate.country}/${rate.operator}`);
    rates.set(rateKey(rate.country, rate.operator), rate.ratePerSegment);
  }
  return {
    tierId: input.tierId,
    tierName: input.tierName,
    currency: input.currency,
    rateFor: (country, operator) => rates.get(rateKey(country, operator)) ?? input.defaultRate,
  };
}

/** Cost of a message in minor units: every segment is billed at the recipient's rate. */
export function priceMessage(segments: number, ratePerSegment: number): number {
  if (!Number.isInteger(segments) || segments < 0) throw new Error(`segments must be a non-negative integer, got ${segments}`);
  assertRate(ratePerSegment, "ratePerSegment");
  return segments * ratePerSegment;
}
