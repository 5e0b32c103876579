/**
 * Text normalisation and whole-word/phrase matching shared by the blocklist and the
 * phrase-based spam rules, so "Frée  MONEY" matches a blocked "free money" but "class" does not
 * match a blocked "ass".
 */

const COMBINING_MARKS = /\p{M}+/gu;
const WHITESPACE_RUN = /\s+/gu;
const APOSTROPHES = /[\u2018\u2019\u201B\u02BC\u0060\u00B4]/gu;
const DASHES = /[\u2010-\u2015\u2212]/gu;
const WORD_CHARACTER = /^[\p{L}\p{N}]$/u;

/**
 * NFKD (folds compatibility forms such as full-width letters and ligatures), strips diacritics,
 * lowercases, unifies typographic apostrophes and dashes, and collapses whitespace.
 */
export function normalizeForMatching(text: string): string {
  return text
    .normalize("NFKD")
    .replace(COMBINING_MARKS, "")
    .toLowerCase()
    .replace(APOSTROPHES, "'")
    .replace(DASHES, "-")
    .replace(WHITESPACE_RUN, " ")
    .trim();
}

function isWordCharacter(character: string | undefined): boolean {
  return character !== undefined && WORD_CHARACTER.test(character);
}

function characterBefore(text: string, index: number): string | undefined {
  if (index <= 0) return undefined;
  const low = text.charCodeAt(index - 1);
  const isLowSurrogate = low >= 0xdc00 && low <= 0xdfff;
  return isLowSurrogate && index >= 2 ? text.slice(index - 2, index) : text[index - 1];
}

function characterAt(text: string, index: number): string | undefined {
  const codePoint = text.codePointAt(index);
  return codePoint === undefined ? undefined : String.fromCodePoint(codePoint);
}

function firstCharacter(text: string): string | undefined {
  return characterAt(text, 0);
}

function lastCharacter(text: string): string | undefined {
  return characterBefore(text, text.length);
}

/**
 * True when `phrase` occurs in `text` as whole words. Both must already be normalised. A word
 * boundary is only required on a side where the phrase itself starts/ends with a letter or digit,
 * so entries made of symbols (e.g. "$$$") still match.
 */
export function containsPhrase(normalizedText: string, normalizedPhrase: string): boolean {
  if (normalizedPhrase.length === 0) return false;
  const needsBoundaryBefore = isWordCharacter(firstCharacter(normalizedPhrase));
  const needsBoundaryAfter = isWordCharacter(lastCharacter(normalizedPhrase));
  let from = 0;
  for (;;) {
    const index = normalizedText.indexOf(normalizedPhrase, from);
    if (index === -1) return false;
    const end = index + normalizedPhrase.length;
    const boundaryBefore = !needsBoundaryBefore || !isWordCharacter(characterBefore(normalizedText, index));
    const boundaryAfter = !needsBoundaryAfter || !isWordCharacter(characterAt(normalizedText, end));
    if (boundaryBefore && boundaryAfter) return true;
    from = index + 1;
  }
}

/**
 * The entries of `phrases` that occur in `text` as whole words, case- and diacritics-insensitive.
 * Returns each matching entry once, as it was configured; blank entries are ignored.
 */
export function findPhrases(text: string, phrases: readonly string[]): string[] {
  const normalizedText = normalizeForMatching(text);
  const seen = new Set<string>();
  const matches: string[] = [];
  for (const phrase of phrases) {
    const normalizedPhrase = normalizeForMatching(phrase);
    if (normalizedPhrase.length === 0 || seen.has(normalizedPhrase)) continue;
    seen.add(normalizedPhrase);
    if (containsPhrase(normalizedText, normalizedPhrase)) matches.push(phrase.trim());
  }
  return matches;
}

/**
 * Blocked words found in `text`. Pass the platform-wide and the account's lists; they are merged
 * and a word present in both is reported once.
 */
export function findBlockedWords(text: string, ...wordLists: ReadonlyArray<readonly string[]>): string[] {
  return findPhrases(text, wordLists.flat());
}
