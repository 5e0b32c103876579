import type { CountryCode } from "libphonenumber-js/max";
import metadata from "libphonenumber-js/metadata.max.json";

/**
 * A shortcut past libphonenumber's general parser for the shapes almost every contact list holds:
 * a number written nationally ("0712345678", "712345678", "020 222 2222"), with the calling code
 * ("254712345678") or internationally ("+254712345678"). It reads libphonenumber's own metadata
 * (calling code, national and international prefixes, national number and per-type patterns and
 * lengths) and reproduces its parsing and typing rules for exactly those shapes; wherever those
 * rules would need more (a calling code shared by several countries, a national prefix with a
 * parsing rule of its own, a trunk zero after the calling code, an international prefix) it
 * declines and the full parser decides. A differential test checks that every verdict it gives
 * equals the full parser's.
 *
 * Why: the full parse + isValid + getType costs 12–35 µs a number here (most for landlines);
 * validating a million-row list spent most of its CPU in it.
 */

export type FastVerdict =
  | { ok: true; e164: string; country: CountryCode; nationalNumber: string }
  | { ok: false; reason: "invalid_format" | "invalid_country" | "not_mobile" };

interface TypeRule {
  pattern: RegExp | null;
  lengths: readonly number[] | null;
}

interface CountryPlan {
  country: CountryCode;
  callingCode: string;
  nationalPrefix: string | null;
  internationalPrefix: RegExp | null;
  nationalNumber: RegExp;
  possibleLengths: readonly number[];
  /** Indexed as libphonenumber-js stores them: fixed line, mobile, toll free, premium rate, … */
  types: (TypeRule | null)[];
}

// Positions in libphonenumber-js's minified per-country metadata (format v4, pinned version).
const CALLING_CODE = 0;
const INTERNATIONAL_PREFIX = 1;
const NATIONAL_NUMBER_PATTERN = 2;
const POSSIBLE_LENGTHS = 3;
const NATIONAL_PREFIX = 5;
const NATIONAL_PREFIX_FOR_PARSING = 7;
const NATIONAL_PREFIX_TRANSFORM_RULE = 8;
const TYPES = 11;

// Type indexes, and the order in which libphonenumber's getNumberType tries the non-fixed-line ones.
const FIXED_LINE = 0;
const MOBILE = 1;
const TYPE_INDEX = { TOLL_FREE: 2, PREMIUM_RATE: 3, PERSONAL_NUMBER: 4, VOICEMAIL: 5, UAN: 6, PAGER: 7, VOIP: 8, SHARED_COST: 9 } as const;
const NON_FIXED_LINE_TYPES = [MOBILE, TYPE_INDEX.PREMIUM_RATE, TYPE_INDEX.TOLL_FREE, TYPE_INDEX.SHARED_COST, TYPE_INDEX.VOIP, TYPE_INDEX.PERSONAL_NUMBER, TYPE_INDEX.PAGER, TYPE_INDEX.UAN, TYPE_INDEX.VOICEMAIL];

const INVALID_FORMAT: FastVerdict = { ok: false, reason: "invalid_format" };
const INVALID_COUNTRY: FastVerdict = { ok: false, reason: "invalid_country" };
const NOT_MOBILE: FastVerdict = { ok: false, reason: "not_mobile" };

type MinifiedPlan = unknown[];

const countriesByCallingCode = metadata.country_calling_codes as Record<string, string[] | undefined>;
const plans = new Map<string, CountryPlan | null>();

function anchored(pattern: string): RegExp {
  return new RegExp(`^(?:${pattern})$`);
}

function typeRule(raw: unknown, countryLengths: readonly number[]): TypeRule | null {
  if (!Array.isArray(raw)) return null;
  const [pattern, lengths] = raw as [unknown, unknown];
  return {
    pattern: typeof pattern === "string" && pattern !== "" ? anchored(pattern) : null,
    lengths: Array.isArray(lengths) ? (lengths as number[]) : countryLengths,
  };
}

function compilePlan(country: string, raw: MinifiedPlan): CountryPlan | null {
  const callingCode = raw[CALLING_CODE];
  const nationalNumber = raw[NATIONAL_NUMBER_PATTERN];
  const possibleLengths = raw[POSSIBLE_LENGTHS];
  const types = raw[TYPES];
  if (typeof callingCode !== "string" || typeof nationalNumber !== "string" || !Array.isArray(possibleLengths) || !Array.isArray(types)) return null;
  // A calling code shared by several countries (+1, +7, …) needs the full parser to pick the country.
  if ((countriesByCallingCode[callingCode]?.length ?? 0) !== 1) return null;
  const nationalPrefix = typeof raw[NATIONAL_PREFIX] === "string" ? (raw[NATIONAL_PREFIX] as string) : null;
  const parsingRule = raw[NATIONAL_PREFIX_FOR_PARSING];
  // A national prefix with a parsing rule (regex, carrier codes) or a transform is the full parser's job.
  if ((parsingRule && parsingRule !== nationalPrefix) || raw[NATIONAL_PREFIX_TRANSFORM_RULE]) return null;
  const internationalPrefix = raw[INTERNATIONAL_PREFIX];
  return {
    country: country as CountryCode,
    callingCode,
    nationalPrefix,
    internationalPrefix: typeof internationalPrefix === "string" ? new RegExp(`^(?:${internationalPrefix})`) : null,
    nationalNumber: anchored(nationalNumber),
    possibleLengths: possibleLengths as number[],
    types: (types as unknown[]).map((type) => typeRule(type, possibleLengths as number[])),
  };
}

function planFor(country: string): CountryPlan | null {
  let plan = plans.get(country);
  if (plan === undefined) {
    const raw = (metadata.countries as Record<string, MinifiedPlan | undefined>)[country];
    plan = raw ? compilePlan(country, raw) : null;
    plans.set(country, plan);
  }
  return plan;
}

/** Whether we deliver to `country` (the prefix registry's countries, or a fixed list). */
export function isSupportedCountry(country: string, supported: readonly string[] | ReadonlySet<string>): boolean {
  return Array.isArray(supported) ? supported.includes(country) : (supported as ReadonlySet<string>).has(country);
}

function isType(plan: CountryPlan, index: number, nationalNumber: string): boolean {
  const rule = plan.types[index];
  if (!rule?.pattern) return false;
  if (rule.lengths && !rule.lengths.includes(nationalNumber.length)) return false;
  return rule.pattern.test(nationalNumber);
}

type Kind = "mobile" | "other";

/** libphonenumber's getNumberType, reduced to what we need: a mobile (or fixed-line-or-mobile), another valid type, or invalid. */
function kindOf(plan: CountryPlan, nationalNumber: string): Kind | undefined {
  if (!plan.nationalNumber.test(nationalNumber)) return undefined;
  if (isType(plan, FIXED_LINE, nationalNumber)) {
    const mobile = plan.types[MOBILE];
    // An empty mobile pattern means "same as fixed line" in the minified metadata.
    if (!mobile || mobile.pattern === null || isType(plan, MOBILE, nationalNumber)) return "mobile";
    return "other";
  }
  for (const index of NON_FIXED_LINE_TYPES) {
    if (isType(plan, index, nationalNumber)) return index === MOBILE ? "mobile" : "other";
  }
  return undefined;
}

function isTooLong(plan: CountryPlan, nationalNumber: string): boolean {
  return nationalNumber.length > plan.possibleLengths[plan.possibleLengths.length - 1];
}

/** The national significant number libphonenumber reads from a dial string, when that is certain. */
function nationalNumberOf(dialString: string, defaultCountry: string): { plan: CountryPlan; nationalNumber: string } | null {
  if (dialString.charCodeAt(0) === 0x2b) {
    // The shortest prefix that is a calling code is the calling code.
    for (let length = 1; length <= 3 && length < dialString.length; length++) {
      const countries = countriesByCallingCode[dialString.slice(1, 1 + length)];
      if (countries === undefined) continue;
      const plan = planFor(countries[0]);
      const nationalNumber = dialString.slice(1 + length);
      // A trunk prefix kept after the calling code ("+254 (0)7…") goes through the full parser.
      if (!plan || (plan.nationalPrefix !== null && nationalNumber.startsWith(plan.nationalPrefix))) return null;
      return { plan, nationalNumber };
    }
    return null;
  }
  const plan = planFor(defaultCountry);
  if (!plan || plan.internationalPrefix?.test(dialString)) return null;
  if (plan.nationalPrefix !== null && dialString.startsWith(plan.nationalPrefix)) {
    // libphonenumber drops the trunk prefix when what follows is a possible national number.
    const rest = dialString.slice(plan.nationalPrefix.length);
    if (!plan.nationalNumber.test(rest) || !plan.possibleLengths.includes(rest.length)) return null;
    return { plan, nationalNumber: rest };
  }
  if (dialString.startsWith(plan.callingCode)) {
    // The calling code without "+": read as such unless the whole string is a national number.
    if (plan.nationalNumber.test(dialString) && !isTooLong(plan, dialString)) return { plan, nationalNumber: dialString };
    const shorter = dialString.slice(plan.callingCode.length);
    if (plan.nationalPrefix !== null && shorter.startsWith(plan.nationalPrefix)) return null;
    return plan.nationalNumber.test(shorter) ? { plan, nationalNumber: shorter } : null;
  }
  return { plan, nationalNumber: dialString };
}

/**
 * `dialString` is "+digits" or "digits" (already stripped of spaces and punctuation). Returns the
 * verdict the full parser would give (with `supported` deciding which countries are served), or
 * null to let the full parser decide.
 */
export function fastVerdict(dialString: string, defaultCountry: string, supported: readonly string[] | ReadonlySet<string>): FastVerdict | null {
  const found = nationalNumberOf(dialString, defaultCountry);
  if (!found) return null;
  const { plan, nationalNumber } = found;
  const kind = kindOf(plan, nationalNumber);
  if (kind === undefined) return INVALID_FORMAT;
  if (!isSupportedCountry(plan.country, supported)) return INVALID_COUNTRY;
  if (kind === "other") return NOT_MOBILE;
  return { ok: true, e164: `+${plan.callingCode}${nationalNumber}`, country: plan.country, nationalNumber };
}
