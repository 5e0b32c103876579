import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { toDialString } from "@/lib/phone/normalise";

export type InboundNumberKind = "short_code" | "long_number";

/** Short codes are 3–8 digits; anything longer is a phone number. */
const SHORT_CODE = /^\d{3,8}$/;

/** Kenyan numbers may be given in local form; inbound traffic is Kenyan first. */
const DEFAULT_COUNTRY = "KE";

/**
 * A number in international form when it can be read as one (any country, any type: inbound long
 * numbers are often virtual or fixed-line), else null.
 */
export function toE164(raw: string): string | null {
  const dial = toDialString(raw.trim());
  if (!dial) return null;
  const phone = parsePhoneNumberFromString(dial, DEFAULT_COUNTRY);
  return phone?.isPossible() ? phone.number : null;
}

/**
 * The stored form of an inbound number: a short code as its digits ("22 384" → "22384"), a long
 * number in E.164 ("0712 345 678" → "+254712345678"); null when it is neither. Assignment and
 * routing both use it, so a provider's spelling of a number finds the row an operator assigned.
 */
export function normaliseInboundNumber(raw: string): { number: string; kind: InboundNumberKind } | null {
  const dial = toDialString(raw.trim());
  if (!dial) return null;
  if (SHORT_CODE.test(dial)) return { number: dial, kind: "short_code" };
  const e164 = toE164(dial);
  return e164 ? { number: e164, kind: "long_number" } : null;
}
