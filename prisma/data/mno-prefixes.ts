/**
 * Mobile number allocations (MNO prefix registry seed data).
 *
 * `prefix` is the leading digits of the national significant number (the number without the
 * trunk "0" and without the country calling code): "+254 712 345 678" has prefix "712".
 * Every block is expanded to 3-digit prefixes so each row is one allocation a person can check
 * against the regulator's list. Sources and the allocations we are less sure of are documented
 * in docs/mno-prefixes.md; keep the two in step.
 */

export interface MnoPrefixRow<Country extends string = string, CallingCode extends string = string> {
  country: Country;
  countryCode: CallingCode;
  prefix: string;
  operator: string;
}

export type KenyaMnoPrefixRow = MnoPrefixRow<"KE", "254">;

/** An inclusive range of 3-digit prefixes allocated to one operator, e.g. ["700", "729"]. */
type Allocation = readonly [first: string, last: string, operator: string];

function expandAllocations<Country extends string, CallingCode extends string>(
  country: Country,
  countryCode: CallingCode,
  allocations: readonly Allocation[],
): MnoPrefixRow<Country, CallingCode>[] {
  const rows: MnoPrefixRow<Country, CallingCode>[] = [];
  for (const [first, last, operator] of allocations) {
    for (let value = Number(first); value <= Number(last); value++) {
      rows.push({ country, countryCode, prefix: String(value).padStart(first.length, "0"), operator });
    }
  }
  return rows;
}

/** Communications Authority of Kenya, National Numbering Plan: mobile (07xx / 01xx) NDCs. */
const KENYA_ALLOCATIONS: readonly Allocation[] = [
  ["100", "106", "Airtel"],
  ["110", "115", "Safaricom"],
  ["120", "120", "Telkom"],
  ["121", "121", "Infura"],
  ["124", "124", "Equitel"],
  ["130", "130", "NRG Media"],
  ["700", "729", "Safaricom"],
  ["730", "739", "Airtel"],
  ["740", "743", "Safaricom"],
  ["744", "744", "Homeland Media"],
  ["745", "746", "Safaricom"],
  ["747", "747", "Jamii Telecom"],
  ["748", "748", "Safaricom"],
  ["750", "756", "Airtel"],
  ["757", "759", "Safaricom"],
  ["760", "760", "Mobile Pay"],
  ["761", "762", "Airtel"],
  ["763", "766", "Equitel"],
  ["767", "767", "Sema Mobile"],
  ["768", "769", "Safaricom"],
  ["770", "779", "Telkom"],
  ["780", "789", "Airtel"],
  ["790", "799", "Safaricom"],
];

/** Uganda Communications Commission allocations for the two national networks we route to. */
const UGANDA_ALLOCATIONS: readonly Allocation[] = [
  ["700", "709", "Airtel"],
  ["750", "759", "Airtel"],
  ["760", "789", "MTN"],
];

/** Tanzania Communications Regulatory Authority mobile allocations. */
const TANZANIA_ALLOCATIONS: readonly Allocation[] = [
  ["610", "629", "Halotel"],
  ["650", "659", "Tigo"],
  ["670", "679", "Tigo"],
  ["680", "699", "Airtel"],
  ["710", "719", "Tigo"],
  ["730", "739", "TTCL"],
  ["740", "769", "Vodacom"],
  ["780", "789", "Airtel"],
];

export const KENYA_MNO_PREFIXES: KenyaMnoPrefixRow[] = expandAllocations("KE", "254", KENYA_ALLOCATIONS);

export const NEIGHBOUR_MNO_PREFIXES: MnoPrefixRow[] = [
  ...expandAllocations("UG", "256", UGANDA_ALLOCATIONS),
  ...expandAllocations("TZ", "255", TANZANIA_ALLOCATIONS),
];

/** Everything the registry is seeded with: Kenya plus the neighbouring countries above. */
export const MNO_PREFIXES: MnoPrefixRow[] = [...KENYA_MNO_PREFIXES, ...NEIGHBOUR_MNO_PREFIXES];
