export {
  SUPPORTED_COUNTRIES,
  normalisePhone,
  type NormalisedPhone,
  type NormaliseOptions,
  type PhoneRejectReason,
} from "@/lib/phone/normalise";
export { createPrefixRegistry, type PrefixRegistry, type PrefixRow } from "@/lib/phone/prefix-registry";
export {
  RECIPIENT_REJECT_MESSAGES,
  resolveRecipient,
  type RecipientRejectReason,
  type ResolvedRecipient,
} from "@/lib/phone/resolve-recipient";
export { maskPhone, maskPhonesInText } from "@/lib/phone/mask";
