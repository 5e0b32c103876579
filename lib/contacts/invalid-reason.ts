import { validatePhoneNumberLength, type CountryCode } from "libphonenumber-js/max";

/**
 * The precise problem with an invalid contact, for people reviewing a list: validation stores a
 * broad reason (`invalid_format` covers a number too short, too long, or with a prefix no network
 * uses); the raw text tells which.
 */
export type InvalidDetail = "empty" | "not_a_number" | "too_short" | "too_long" | "unknown_prefix" | "not_mobile" | "unsupported_country" | "unsupported_network";

export const INVALID_DETAIL_MESSAGES: Record<InvalidDetail, string> = {
  empty: "Empty: no number in this row.",
  not_a_number: "Not a phone number (letters or symbols).",
  too_short: "Too short: a mobile number has more digits.",
  too_long: "Too long: a mobile number has fewer digits.",
  unknown_prefix: "Unknown prefix: no network uses numbers starting like this.",
  not_mobile: "Not a mobile number (landline, toll-free or premium numbers cannot receive SMS).",
  unsupported_country: "Unsupported country: we do not deliver there.",
  unsupported_network: "Unsupported network: we do not deliver to this number's mobile network.",
};

export function invalidDetail(rawPhone: string, reason: string | null, defaultCountry: CountryCode = "KE"): InvalidDetail {
  switch (reason) {
    case "empty":
      return "empty";
    case "invalid_country":
      return "unsupported_country";
    case "not_mobile":
      return "not_mobile";
    case "unsupported_network":
      return "unsupported_network";
  }
  if (rawPhone.trim() === "") return "empty";
  if (/[^\d\s+().\-\u00a0]/.test(rawPhone)) return "not_a_number";
  const length = validatePhoneNumberLength(rawPhone, defaultCountry);
  if (length === "TOO_SHORT") return "too_short";
  if (length === "TOO_LONG") return "too_long";
  if (length === "NOT_A_NUMBER") return "not_a_number";
  return "unknown_prefix";
}
