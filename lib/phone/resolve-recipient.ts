import { type CountryCode } from "libphonenumber-js/max";
import { normalisePhone, type PhoneRejectReason } from "@/lib/phone/normalise";
import { type PrefixRegistry } from "@/lib/phone/prefix-registry";

export type RecipientRejectReason = PhoneRejectReason | "unsupported_network";

export type ResolvedRecipient =
  | { ok: true; e164: string; country: CountryCode; nationalNumber: string; operator: string }
  | { ok: false; reason: RecipientRejectReason };

/** Wording for each rejection reason, for API error details, the portal and contact reviews. */
export const RECIPIENT_REJECT_MESSAGES: Record<RecipientRejectReason, string> = {
  empty: "No phone number was given.",
  invalid_format: "This is not a valid phone number.",
  invalid_country: "We do not deliver to this country.",
  not_mobile: "This is not a mobile number (landline, toll-free or premium numbers cannot receive SMS).",
  unsupported_network: "We do not deliver to this number's mobile network.",
};

const UNSUPPORTED_NETWORK: ResolvedRecipient = { ok: false, reason: "unsupported_network" };

/**
 * The one recipient check shared by the API, the portal preview and contact validation:
 * normalises `raw` to E.164 and finds its operator. The registry decides which countries are
 * served, so adding a country's prefixes to `mno_prefixes` is all it takes to serve it.
 */
export function resolveRecipient(raw: string, defaultCountry: CountryCode, registry: PrefixRegistry): ResolvedRecipient {
  const phone = normalisePhone(raw, defaultCountry, { supportedCountries: registry.countries });
  if (!phone.ok) return phone;
  const operator = registry.lookup(phone.country, phone.nationalNumber);
  if (operator === null) return UNSUPPORTED_NETWORK;
  return { ok: true, e164: phone.e164, country: phone.country, nationalNumber: phone.nationalNumber, operator };
}
