/** A keyword: one word of letters or digits (any script), stored upper case. */
const KEYWORD_PATTERN = /^[\p{L}\p{N}]{1,20}$/u;
/** Anything that is not a letter or digit at either end of a word ("STOP." / "¡START!"). */
const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
/** Every kind of whitespace, including no-break and zero-width spaces some handsets insert. */
const WHITESPACE = /[\s\u200b\u2060\ufeff]+/u;

export const MAX_KEYWORD_LENGTH = 20;

/** The stored form of a keyword (upper case), or null when it is not one word of letters/digits. */
export function normaliseKeyword(raw: string): string | null {
  const keyword = raw.trim().toUpperCase();
  return KEYWORD_PATTERN.test(keyword) ? keyword : null;
}

/**
 * The first `count` words of an inbound text in keyword form: upper case, punctuation around
 * them removed, empty words skipped. "  stop. please" → ["STOP", "PLEASE"].
 */
export function leadingWords(text: string, count = 2): string[] {
  const words: string[] = [];
  for (const part of text.trim().split(WHITESPACE)) {
    const word = part.replace(EDGE_PUNCTUATION, "").toUpperCase();
    if (word !== "") words.push(word);
    if (words.length === count) break;
  }
  return words;
}
