import { getCountries, getCountryCallingCode } from "libphonenumber-js/max";

// Fewer digits than this is a short code or a fragment, not someone's phone number.
const MIN_PHONE_DIGITS = 7;
const VISIBLE_TAIL = 2;
// At least this many digits are always hidden, however short the number.
const MIN_HIDDEN = 4;
const NATIONAL_VISIBLE_HEAD = 2;
// Non-geographic calling codes (+800, +882, …) are all three digits long.
const MAX_CALLING_CODE_LENGTH = 3;

const CALLING_CODES: ReadonlySet<string> = new Set(getCountries().map((country) => getCountryCallingCode(country)));

// Calling codes form a prefix code (no code is the start of another), so the first match is the code.
function callingCodeLength(digits: string): number {
  for (let length = 1; length < MAX_CALLING_CODE_LENGTH; length++) {
    if (CALLING_CODES.has(digits.slice(0, length))) return length;
  }
  return MAX_CALLING_CODE_LENGTH;
}

function digitsOf(value: string): string {
  let digits = "";
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if (code >= 0x30 && code <= 0x39) digits += value[index];
  }
  return digits;
}

/**
 * Masks a phone number for logs: "+254712345678" → "+2547******78" (country code and first
 * national digit, then the last two digits). Without a "+", only the first two digits stay.
 * Values with fewer than seven digits (short codes, sender IDs) are returned unchanged.
 */
export function maskPhone(value: string): string {
  const digits = digitsOf(value);
  if (digits.length < MIN_PHONE_DIGITS) return value;
  const international = value.trimStart().startsWith("+");
  const wantedHead = international ? callingCodeLength(digits) + 1 : NATIONAL_VISIBLE_HEAD;
  const head = Math.min(wantedHead, digits.length - VISIBLE_TAIL - MIN_HIDDEN);
  const hidden = digits.length - head - VISIBLE_TAIL;
  return `${international ? "+" : ""}${digits.slice(0, head)}${"*".repeat(hidden)}${digits.slice(-VISIBLE_TAIL)}`;
}

// Seven or more digits, optionally led by "+" or "(", with up to two spaces, dashes or parentheses
// between digits. It must not touch a letter, digit, "+" or "-" on either side, so identifiers such
// as UUIDs, "v1.2.3" or "order-1234567" are not taken for phone numbers.
const PHONE_IN_TEXT = /(?<![\w+-])[+(]?\d(?:[ \u00a0()-]{0,2}\d){6,}(?![\w-])/g;
// Calendar dates ("2026-01-15", optionally followed by an hour) look like dashed numbers.
const DATE_PREFIX = /^\d{4}-[01]\d-[0-3]\d(?!\d)/;

function maskMatch(match: string): string {
  return DATE_PREFIX.test(match) ? match : maskPhone(match);
}

/** Masks everything in free text that looks like a phone number, for log messages. */
export function maskPhonesInText(text: string): string {
  return text.replace(PHONE_IN_TEXT, maskMatch);
}
