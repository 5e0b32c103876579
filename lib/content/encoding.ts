/**
 * SMS encoding detection and segment counting (3GPP TS 23.038 / 23.040).
 *
 * Pure and dependency-free: used by the API, the portal (in client components, while typing) and
 * the campaign worker, so all three agree on encoding and segment count.
 */

export type SmsEncoding = "gsm7" | "ucs2";

/**
 * GSM 03.38 default alphabet, in table order, without 0x1B (ESC): ESC only introduces an
 * extension character and is never a character of the message itself.
 */
export const GSM7_BASIC_CHARACTERS =
  "@£$¥èéùìòÇ\nØø\rÅå" +
  "Δ_ΦΓΛΩΠΨΣΘΞÆæßÉ" +
  " !\"#¤%&'()*+,-./" +
  "0123456789:;<=>?" +
  "¡ABCDEFGHIJKLMNO" +
  "PQRSTUVWXYZÄÖÑÜ§" +
  "¿abcdefghijklmno" +
  "pqrstuvwxyzäöñüà";

/** GSM 03.38 extension table: each is sent as ESC + code, so it costs two septets. */
export const GSM7_EXTENSION_CHARACTERS = "\f^{}\\[~]|€";

const BASIC_SET: ReadonlySet<string> = new Set(GSM7_BASIC_CHARACTERS);
const EXTENSION_SET: ReadonlySet<string> = new Set(GSM7_EXTENSION_CHARACTERS);

/** Septets in a single-part GSM-7 message. */
export const GSM7_SINGLE_SEGMENT_UNITS = 160;
/** Septets per part of a concatenated GSM-7 message (the 6-byte UDH takes 7 septets). */
export const GSM7_MULTI_SEGMENT_UNITS = 153;
/** UTF-16 code units in a single-part UCS-2 message (140 bytes). */
export const UCS2_SINGLE_SEGMENT_UNITS = 70;
/** UTF-16 code units per part of a concatenated UCS-2 message (134 bytes after the UDH). */
export const UCS2_MULTI_SEGMENT_UNITS = 67;

export interface SegmentCount {
  encoding: SmsEncoding;
  /** Number of SMS parts; 0 for an empty body. */
  segments: number;
  /** Total size in the encoding's unit: septets for GSM-7, UTF-16 code units for UCS-2. */
  units: number;
  /** Capacity of each part in units: 160/70 for a single part, 153/67 once concatenated. */
  perSegment: number;
  /** Units still free in the last (current) part before another part is needed. */
  charactersLeft: number;
  /** Characters (Unicode code points) in the body. */
  length: number;
}

export function isGsm7Character(character: string): boolean {
  return BASIC_SET.has(character) || EXTENSION_SET.has(character);
}

export function isGsm7ExtensionCharacter(character: string): boolean {
  return EXTENSION_SET.has(character);
}

/** GSM-7 when every character is in the basic or extension table, otherwise UCS-2. */
export function detectEncoding(text: string): SmsEncoding {
  for (const character of text) {
    if (!isGsm7Character(character)) return "ucs2";
  }
  return "gsm7";
}

/** Distinct characters that force UCS-2, in order of first appearance (for portal hints). */
export function findNonGsm7Characters(text: string): string[] {
  const found = new Set<string>();
  for (const character of text) {
    if (!isGsm7Character(character)) found.add(character);
  }
  return [...found];
}

function unitsOf(character: string, encoding: SmsEncoding): number {
  if (encoding === "gsm7") return EXTENSION_SET.has(character) ? 2 : 1;
  return character.length;
}

function singleSegmentCapacity(encoding: SmsEncoding): number {
  return encoding === "gsm7" ? GSM7_SINGLE_SEGMENT_UNITS : UCS2_SINGLE_SEGMENT_UNITS;
}

function multiSegmentCapacity(encoding: SmsEncoding): number {
  return encoding === "gsm7" ? GSM7_MULTI_SEGMENT_UNITS : UCS2_MULTI_SEGMENT_UNITS;
}

interface Part {
  text: string;
  units: number;
}

/**
 * Packs whole characters into parts. Iterating by code point keeps a surrogate pair together,
 * and an extension character is one code point weighing two septets, so its escape pair is never
 * split either: a character that does not fit starts the next part, leaving the gap unused.
 */
function partition(text: string, encoding: SmsEncoding): { parts: Part[]; totalUnits: number } {
  let totalUnits = 0;
  for (const character of text) totalUnits += unitsOf(character, encoding);

  if (totalUnits === 0) return { parts: [], totalUnits };
  if (totalUnits <= singleSegmentCapacity(encoding)) {
    return { parts: [{ text, units: totalUnits }], totalUnits };
  }

  const capacity = multiSegmentCapacity(encoding);
  const parts: Part[] = [];
  let current: Part = { text: "", units: 0 };
  for (const character of text) {
    const weight = unitsOf(character, encoding);
    if (current.units + weight > capacity) {
      parts.push(current);
      current = { text: "", units: 0 };
    }
    current.text += character;
    current.units += weight;
  }
  parts.push(current);
  return { parts, totalUnits };
}

function countCodePoints(text: string): number {
  let count = 0;
  for (const _character of text) count += 1;
  return count;
}

export function countSegments(text: string): SegmentCount {
  const encoding = detectEncoding(text);
  const { parts, totalUnits } = partition(text, encoding);
  const perSegment = parts.length > 1 ? multiSegmentCapacity(encoding) : singleSegmentCapacity(encoding);
  const lastPartUnits = parts.length === 0 ? 0 : parts[parts.length - 1].units;
  return {
    encoding,
    segments: parts.length,
    units: totalUnits,
    perSegment,
    charactersLeft: perSegment - lastPartUnits,
    length: countCodePoints(text),
  };
}

/** The parts the message is sent as; joining them gives back the body. Empty body → []. */
export function splitSegments(text: string): string[] {
  return partition(text, detectEncoding(text)).parts.map((part) => part.text);
}
