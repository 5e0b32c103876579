/**
 * Spam rules applied to every message body. Each rule is documented with what it catches and its
 * default; every rule can be switched off or tuned through `SpamRuleOverrides` (see
 * docs/content-rules.md for the operator-facing description).
 */

import { findPhrases } from "@/lib/content/blocklist";

export type SpamRuleId = "url_shortener" | "excessive_capitals" | "repeated_punctuation" | "phishing_phrase";

export interface SpamViolation {
  rule: SpamRuleId;
  message: string;
  match?: string;
}

/**
 * url_shortener — links through a shortening service hide the destination and are the usual
 * carrier of phishing; operators filter them. A host matches when it equals a listed domain or is
 * a subdomain of it (www.bit.ly), with or without a scheme, in any letter case.
 */
export interface UrlShortenerRuleConfig {
  enabled: boolean;
  domains: readonly string[];
}

/**
 * excessive_capitals — shouting. Fires when the body has at least `minLetters` cased letters and
 * at least `uppercaseRatio` of them are capitals. Short bodies ("OK", "PIN 1234") are exempt.
 */
export interface ExcessiveCapitalsRuleConfig {
  enabled: boolean;
  minLetters: number;
  uppercaseRatio: number;
}

/**
 * repeated_punctuation — runs such as "!!!!" or "?!?!". Fires on `minRun` or more consecutive
 * characters drawn from `characters`; the default of 4 leaves an ordinary ellipsis ("...") alone.
 * Full-width forms (！？．) count as their ASCII equivalents.
 */
export interface RepeatedPunctuationRuleConfig {
  enabled: boolean;
  minRun: number;
  characters: string;
}

/**
 * phishing_phrase — wording typical of credential theft and mobile-money scams, matched as whole
 * words, case- and diacritics-insensitive (same matching as the blocklist).
 */
export interface PhishingPhraseRuleConfig {
  enabled: boolean;
  phrases: readonly string[];
}

export interface SpamRuleConfig {
  urlShorteners: UrlShortenerRuleConfig;
  excessiveCapitals: ExcessiveCapitalsRuleConfig;
  repeatedPunctuation: RepeatedPunctuationRuleConfig;
  phishingPhrases: PhishingPhraseRuleConfig;
}

/** Any rule, and any setting of a rule, may be given; the rest keep their defaults. Lists replace the default list. */
export type SpamRuleOverrides = { [Rule in keyof SpamRuleConfig]?: Partial<SpamRuleConfig[Rule]> };

export const DEFAULT_URL_SHORTENERS: readonly string[] = Object.freeze([
  "bit.ly",
  "bitly.com",
  "bit.do",
  "tinyurl.com",
  "goo.gl",
  "t.co",
  "ow.ly",
  "is.gd",
  "v.gd",
  "buff.ly",
  "cutt.ly",
  "rebrand.ly",
  "shorturl.at",
  "tiny.cc",
  "rb.gy",
  "t.ly",
  "s.id",
  "bl.ink",
  "lnkd.in",
  "adf.ly",
  "shorte.st",
  "soo.gd",
  "clck.ru",
  "qr.ae",
  "tr.im",
  "x.co",
  "po.st",
]);

export const DEFAULT_PHISHING_PHRASES: readonly string[] = Object.freeze([
  "verify your account",
  "verify your identity",
  "confirm your account",
  "account has been suspended",
  "account will be suspended",
  "account has been blocked",
  "account will be blocked",
  "account has been locked",
  "update your kyc",
  "confirm your pin",
  "enter your pin",
  "send your pin",
  "send your mpesa pin",
  "send your m-pesa pin",
  "click here to claim",
  "claim your prize",
  "claim your reward",
  "you have won",
  "you've won",
  "sent you money by mistake",
  "sent money to you by mistake",
  "reverse the transaction",
  "nimekutumia pesa kimakosa",
  "pesa kimakosa",
  "tuma pin yako",
  "thibitisha akaunti yako",
  "akaunti yako imefungwa",
  "hongera umeshinda",
]);

export const DEFAULT_SPAM_RULE_CONFIG: Readonly<SpamRuleConfig> = Object.freeze({
  urlShorteners: Object.freeze({ enabled: true, domains: DEFAULT_URL_SHORTENERS }),
  excessiveCapitals: Object.freeze({ enabled: true, minLetters: 20, uppercaseRatio: 0.7 }),
  repeatedPunctuation: Object.freeze({ enabled: true, minRun: 4, characters: "!?." }),
  phishingPhrases: Object.freeze({ enabled: true, phrases: DEFAULT_PHISHING_PHRASES }),
});

export const SPAM_RULE_DESCRIPTIONS: Readonly<Record<SpamRuleId, string>> = {
  url_shortener: "Links through URL shorteners (bit.ly, tinyurl.com, …) hide the destination and are refused.",
  excessive_capitals: "Messages written mostly in capital letters are refused.",
  repeated_punctuation: "Runs of repeated punctuation such as !!!! or ?!?! are refused.",
  phishing_phrase: "Wording typical of phishing and mobile-money scams is refused.",
};

/** Merges one rule's overrides over its defaults; a setting given as `undefined` keeps the default. */
function mergeRule<Rule extends object>(defaults: Rule, override: Partial<Rule> | undefined): Rule {
  const merged = { ...defaults };
  for (const key of Object.keys(override ?? {}) as Array<keyof Rule>) {
    const value = override?.[key];
    if (value !== undefined) merged[key] = value as Rule[keyof Rule];
  }
  return merged;
}

export function resolveSpamRuleConfig(overrides: SpamRuleOverrides = {}): SpamRuleConfig {
  return {
    urlShorteners: mergeRule(DEFAULT_SPAM_RULE_CONFIG.urlShorteners, overrides.urlShorteners),
    excessiveCapitals: mergeRule(DEFAULT_SPAM_RULE_CONFIG.excessiveCapitals, overrides.excessiveCapitals),
    repeatedPunctuation: mergeRule(DEFAULT_SPAM_RULE_CONFIG.repeatedPunctuation, overrides.repeatedPunctuation),
    phishingPhrases: mergeRule(DEFAULT_SPAM_RULE_CONFIG.phishingPhrases, overrides.phishingPhrases),
  };
}

const HOST_LIKE_TOKEN = /(?<![\p{L}\p{N}@.-])(?:[\p{L}\p{N}-]+\.)+[\p{L}\p{N}-]+/gu;

function normalizeDomain(domain: string): string {
  return domain
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, "")
    .replace(/^www\./, "")
    .replace(/[/.]+$/, "");
}

export function findUrlShorteners(text: string, config: UrlShortenerRuleConfig): SpamViolation[] {
  const domains = config.domains.map(normalizeDomain).filter((domain) => domain.length > 0);
  const found = new Set<string>();
  for (const [host] of text.normalize("NFKC").toLowerCase().matchAll(HOST_LIKE_TOKEN)) {
    const shortener = domains.find((domain) => host === domain || host.endsWith(`.${domain}`));
    if (shortener !== undefined) found.add(shortener);
  }
  return [...found].map((domain) => ({
    rule: "url_shortener",
    message: `Links through the URL shortener ${domain} are not allowed; use the full link.`,
    match: domain,
  }));
}

export function findExcessiveCapitals(text: string, config: ExcessiveCapitalsRuleConfig): SpamViolation[] {
  let upper = 0;
  let cased = 0;
  for (const character of text) {
    const lower = character.toLowerCase();
    const capital = character.toUpperCase();
    if (lower === capital) continue;
    cased += 1;
    if (character !== lower) upper += 1;
  }
  if (cased < config.minLetters || cased === 0 || upper / cased < config.uppercaseRatio) return [];
  const percent = Math.round((upper / cased) * 100);
  return [
    {
      rule: "excessive_capitals",
      message: `${percent}% of the letters are capitals (limit ${Math.round(config.uppercaseRatio * 100)}% once a message has ${config.minLetters} or more letters).`,
    },
  ];
}

function escapeForCharacterClass(characters: string): string {
  return characters.replace(/[\\\]^-]/g, "\\$&");
}

export function findRepeatedPunctuation(text: string, config: RepeatedPunctuationRuleConfig): SpamViolation[] {
  if (config.characters.length === 0) return [];
  const run = new RegExp(`[${escapeForCharacterClass(config.characters)}]{${config.minRun},}`, "gu");
  const found = new Set<string>();
  for (const [match] of text.normalize("NFKC").matchAll(run)) found.add(match);
  return [...found].map((match) => ({
    rule: "repeated_punctuation",
    message: `Punctuation repeated ${match.length} times in a row ("${match}"); the limit is ${config.minRun - 1}.`,
    match,
  }));
}

export function findPhishingPhrases(text: string, config: PhishingPhraseRuleConfig): SpamViolation[] {
  return findPhrases(text, config.phrases).map((phrase) => ({
    rule: "phishing_phrase",
    message: `The phrase "${phrase}" is typical of phishing or scam messages.`,
    match: phrase,
  }));
}

/** Every spam violation in `text`, in rule order: shorteners, capitals, punctuation, phishing. */
export function evaluateSpamRules(text: string, overrides?: SpamRuleOverrides): SpamViolation[] {
  const config = resolveSpamRuleConfig(overrides);
  return [
    ...(config.urlShorteners.enabled ? findUrlShorteners(text, config.urlShorteners) : []),
    ...(config.excessiveCapitals.enabled ? findExcessiveCapitals(text, config.excessiveCapitals) : []),
    ...(config.repeatedPunctuation.enabled ? findRepeatedPunctuation(text, config.repeatedPunctuation) : []),
    ...(config.phishingPhrases.enabled ? findPhishingPhrases(text, config.phishingPhrases) : []),
  ];
}
