import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/max";
import { fastVerdict, isSupportedCountry } from "@/lib/phone/phone-fast-path";

/** Countries whose mobile prefixes are seeded in prisma/data/mno-prefixes.ts. */
export const SUPPORTED_COUNTRIES: readonly CountryCode[] = ["KE", "UG", "TZ"];

export type PhoneRejectReason = "empty" | "invalid_format" | "invalid_country" | "not_mobile";

export type NormalisedPhone =
  | { ok: true; e164: string; country: CountryCode; nationalNumber: string }
  | { ok: false; reason: PhoneRejectReason };

export interface NormaliseOptions {
  /** Countries we deliver to; a valid number anywhere else is `invalid_country`. */
  supportedCountries?: readonly string[] | ReadonlySet<string>;
}

// Longer than any phone number anyone types, even with generous formatting; refusing early keeps
// a pasted paragraph from costing a full scan.
const MAX_INPUT_LENGTH = 64;
// E.164 allows 15 digits; an international prefix or trunk "0" may add a few while typing.
const MAX_DIGITS = 18;

const EMPTY: NormalisedPhone = { ok: false, reason: "empty" };
const INVALID_FORMAT: NormalisedPhone = { ok: false, reason: "invalid_format" };
const INVALID_COUNTRY: NormalisedPhone = { ok: false, reason: "invalid_country" };
const NOT_MOBILE: NormalisedPhone = { ok: false, reason: "not_mobile" };

const enum CharClass {
  Plus,
  Space,
  Punctuation,
  Invisible,
  Other,
}

/** Value of a decimal digit in ASCII, full-width or Arabic-Indic script, else -1. */
function digitValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0xff10 && code <= 0xff19) return code - 0xff10;
  if (code >= 0x660 && code <= 0x669) return code - 0x660;
  if (code >= 0x6f0 && code <= 0x6f9) return code - 0x6f0;
  return -1;
}

/** Class of a character that is not a digit. */
function classify(code: number): CharClass {
  switch (code) {
    case 0x2b: // +
    case 0xff0b: // full-width +
      return CharClass.Plus;
    case 0x09:
    case 0x0a:
    case 0x0d:
    case 0x20:
    case 0xa0: // no-break space
    case 0x202f: // narrow no-break space
    case 0x205f:
    case 0x3000:
      return CharClass.Space;
    case 0x2d: // -
    case 0x2e: // .
    case 0x28: // (
    case 0x29: // )
    case 0x2212: // minus sign
      return CharClass.Punctuation;
    case 0xad: // soft hyphen
    case 0xfeff: // byte-order mark
    case 0x2060: // word joiner
      return CharClass.Invisible;
  }
  if (code >= 0x2000 && code <= 0x200a) return CharClass.Space; // typographic spaces
  if (code >= 0x2010 && code <= 0x2015) return CharClass.Punctuation; // hyphens and dashes
  if (code >= 0x200b && code <= 0x200f) return CharClass.Invisible; // zero-width and direction marks
  if (code >= 0x202a && code <= 0x202e) return CharClass.Invisible; // bidi embedding controls
  if (code >= 0x2066 && code <= 0x2069) return CharClass.Invisible; // bidi isolates
  return CharClass.Other;
}

const DIGIT_CHARS = "0123456789";
/** Digits (at most MAX_DIGITS, optionally after "+") that need no clean-up: no "00" exit code, no formatting. */
const PLAIN_DIAL_STRING = /^(?:\+?[1-9]\d{0,17}|0[1-9]\d{0,16})$/;

/**
 * Reduces typed or pasted input to "+digits" or "digits". Returns "" when the input holds nothing
 * but whitespace and invisible characters, and null when it holds anything that cannot be part of
 * a phone number (letters, a second "+", a "+" after digits, extension markers).
 */
export function toDialString(raw: string): string | null {
  // Most list entries are already bare digits: nothing to strip, nothing to build.
  if (PLAIN_DIAL_STRING.test(raw)) return raw;
  let digits = "";
  let international = false;
  let sawSymbol = false;
  for (let index = 0; index < raw.length; index++) {
    const code = raw.charCodeAt(index);
    const digit = digitValue(code);
    if (digit >= 0) {
      digits += DIGIT_CHARS[digit];
      continue;
    }
    switch (classify(code)) {
      case CharClass.Plus:
        if (international || digits.length > 0) return null;
        international = true;
        sawSymbol = true;
        break;
      case CharClass.Punctuation:
        sawSymbol = true;
        break;
      case CharClass.Space:
      case CharClass.Invisible:
        break;
      case CharClass.Other:
        return null;
    }
  }
  if (digits.length === 0) return sawSymbol ? null : "";
  if (digits.length > MAX_DIGITS) return null;
  // "00" (and Kenya's "000") dial out internationally; country calling codes never start with 0.
  if (!international && digits.charCodeAt(0) === 0x30 && digits.charCodeAt(1) === 0x30) {
    let start = 2;
    while (start < digits.length && digits.charCodeAt(start) === 0x30) start++;
    return `+${digits.slice(start)}`;
  }
  return international ? `+${digits}` : digits;
}

/**
 * Normalises a phone number as typed by a person or found in a CSV to E.164, accepting local
 * formats of `defaultCountry` ("0712 345 678", "712345678", "254712345678") and international
 * ones ("+254 712-345-678", "00254712345678"). Only mobile numbers in supported countries pass.
 */
export function normalisePhone(
  raw: string,
  defaultCountry: CountryCode = "KE",
  options: NormaliseOptions = {},
): NormalisedPhone {
  if (raw.length > MAX_INPUT_LENGTH) return INVALID_FORMAT;
  const dialString = toDialString(raw);
  if (dialString === "") return EMPTY;
  if (dialString === null) return INVALID_FORMAT;
  const supported = options.supportedCountries ?? SUPPORTED_COUNTRIES;
  return fastVerdict(dialString, defaultCountry, supported) ?? parseDialString(dialString, defaultCountry, supported);
}

/** The full libphonenumber verdict on a dial string (what the fast path must always agree with). */
export function parseDialString(dialString: string, defaultCountry: CountryCode, supported: readonly string[] | ReadonlySet<string>): NormalisedPhone {
  const phone = parsePhoneNumberFromString(dialString, defaultCountry);
  if (!phone || !phone.isValid()) return INVALID_FORMAT;
  const country = phone.country;
  if (!country || !isSupportedCountry(country, supported)) return INVALID_COUNTRY;
  const type = phone.getType();
  if (type !== "MOBILE" && type !== "FIXED_LINE_OR_MOBILE") return NOT_MOBILE;
  return { ok: true, e164: phone.number, country, nationalNumber: phone.nationalNumber };
}
