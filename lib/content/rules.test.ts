import { describe, expect, it } from "vitest";
import {
  DEFAULT_PHISHING_PHRASES,
  DEFAULT_SPAM_RULE_CONFIG,
  DEFAULT_URL_SHORTENERS,
  evaluateSpamRules,
  findExcessiveCapitals,
  findPhishingPhrases,
  findRepeatedPunctuation,
  findUrlShorteners,
  resolveSpamRuleConfig,
} from "@/lib/content/rules";

const defaults = DEFAULT_SPAM_RULE_CONFIG;

describe("url_shortener", () => {
  it.each([
    ["Pay here: https://bit.ly/3xYz", "bit.ly"],
    ["see www.TinyURL.com/abc now", "tinyurl.com"],
    ["t.co/x", "t.co"],
    ["Offer at cutt.ly/offer.", "cutt.ly"],
    ["link: http://m.rebrand.ly/a", "rebrand.ly"],
    ["rb.gy/abc", "rb.gy"],
    ["ｂｉｔ．ｌｙ/abc", "bit.ly"],
  ])("flags %s", (text, domain) => {
    expect(findUrlShorteners(text, defaults.urlShorteners)).toEqual([
      expect.objectContaining({ rule: "url_shortener", match: domain }),
    ]);
  });

  it.each([
    "Visit https://www.safaricom.co.ke/offers",
    "at.co and bat.com and it.com",
    "orbit.ly.example.com",
    "email me at someone@bit.ly.example",
    "write to info@bit.ly",
    "Meet at 3.30 p.m. in Nairobi",
  ])("does not flag %s", (text) => {
    expect(findUrlShorteners(text, defaults.urlShorteners)).toEqual([]);
  });

  it("reports each shortener once", () => {
    const result = findUrlShorteners("bit.ly/a bit.ly/b goo.gl/c", defaults.urlShorteners);
    expect(result.map((violation) => violation.match)).toEqual(["bit.ly", "goo.gl"]);
  });

  it("uses a configured list in place of the default", () => {
    const config = { enabled: true, domains: ["https://www.Sho.rt/"] };
    expect(findUrlShorteners("go to sho.rt/x or bit.ly/y", config).map((violation) => violation.match)).toEqual([
      "sho.rt",
    ]);
  });
});

describe("excessive_capitals", () => {
  it("flags a body of 20+ letters that is at least 70% capitals", () => {
    const result = findExcessiveCapitals("HURRY UP AND BUY THIS NOW", defaults.excessiveCapitals);
    expect(result).toEqual([expect.objectContaining({ rule: "excessive_capitals" })]);
    expect(result[0].message).toContain("100%");
  });

  it("allows short shouting and mostly lower-case bodies", () => {
    expect(findExcessiveCapitals("CALL NOW 0712", defaults.excessiveCapitals)).toEqual([]);
    expect(findExcessiveCapitals("Your OTP for SEMA LINK is 123456, valid for 5 minutes", defaults.excessiveCapitals)).toEqual([]);
  });

  it("applies the threshold inclusively and ignores digits and punctuation", () => {
    const seventyPercent = `${"A".repeat(14)}${"b".repeat(6)} 1234567890!!`;
    const belowSeventy = `${"A".repeat(13)}${"b".repeat(7)}`;
    expect(findExcessiveCapitals(seventyPercent, defaults.excessiveCapitals)).toHaveLength(1);
    expect(findExcessiveCapitals(belowSeventy, defaults.excessiveCapitals)).toEqual([]);
    expect(findExcessiveCapitals("A".repeat(19), defaults.excessiveCapitals)).toEqual([]);
  });

  it("follows configured thresholds", () => {
    const config = { enabled: true, minLetters: 5, uppercaseRatio: 0.5 };
    expect(findExcessiveCapitals("HELLO there", config)).toHaveLength(1);
  });
});

describe("repeated_punctuation", () => {
  it("flags four or more of ! ? . in a row, mixed or not", () => {
    expect(findRepeatedPunctuation("Win now!!!!", defaults.repeatedPunctuation)).toEqual([
      expect.objectContaining({ rule: "repeated_punctuation", match: "!!!!" }),
    ]);
    expect(findRepeatedPunctuation("Really?!?!", defaults.repeatedPunctuation)[0].match).toBe("?!?!");
    expect(findRepeatedPunctuation("Wait.....", defaults.repeatedPunctuation)[0].match).toBe(".....");
    expect(findRepeatedPunctuation("Sasa！！！！", defaults.repeatedPunctuation)[0].match).toBe("!!!!");
  });

  it("allows three in a row and ellipses", () => {
    expect(findRepeatedPunctuation("Wow!!! See you... ok?", defaults.repeatedPunctuation)).toEqual([]);
  });

  it("follows configured characters and run length, including regex-special characters", () => {
    const config = { enabled: true, minRun: 3, characters: "-]^\\" };
    expect(findRepeatedPunctuation("a---b", config)[0].match).toBe("---");
    expect(findRepeatedPunctuation("a]^\\b", config)[0].match).toBe("]^\\");
    expect(findRepeatedPunctuation("a!!!b", config)).toEqual([]);
  });
});

describe("phishing_phrase", () => {
  it.each([
    ["Please verify your account at our office", "verify your account"],
    ["Your account has been suspended. Call 0700000000", "account has been suspended"],
    ["Your M-PESA account has been suspended", "account has been suspended"],
    ["CONFIRM YOUR PIN to continue", "confirm your pin"],
    ["Send your MPESA PIN to 0711000000 to receive the funds", "send your mpesa pin"],
    ["Click here to claim your gift", "click here to claim"],
    ["Congratulations! You have won KES 50,000", "you have won"],
    ["You’ve won a phone", "you've won"],
    ["Nimekutumia pesa kimakosa, tafadhali nirudishie", "nimekutumia pesa kimakosa"],
    ["Tuma PIN yako kwa 0722000000", "tuma pin yako"],
  ])("flags %s", (text, phrase) => {
    expect(findPhishingPhrases(text, defaults.phishingPhrases)).toContainEqual(
      expect.objectContaining({ rule: "phishing_phrase", match: phrase }),
    );
  });

  it("leaves ordinary messages alone", () => {
    expect(findPhishingPhrases("Your order 1234 has shipped. Thank you for shopping.", defaults.phishingPhrases)).toEqual(
      [],
    );
  });

  it("follows a configured phrase list", () => {
    const config = { enabled: true, phrases: ["lipa sasa"] };
    expect(findPhishingPhrases("LIPA SASA!", config).map((violation) => violation.match)).toEqual(["lipa sasa"]);
    expect(findPhishingPhrases("You have won", config)).toEqual([]);
  });
});

describe("resolveSpamRuleConfig and evaluateSpamRules", () => {
  it("keeps defaults for anything not overridden, including settings passed as undefined", () => {
    const config = resolveSpamRuleConfig({ excessiveCapitals: { minLetters: 5, uppercaseRatio: undefined } });
    expect(config.excessiveCapitals).toEqual({ enabled: true, minLetters: 5, uppercaseRatio: 0.7 });
    expect(config.urlShorteners.domains).toBe(DEFAULT_URL_SHORTENERS);
    expect(config.phishingPhrases.phrases).toBe(DEFAULT_PHISHING_PHRASES);
    expect(resolveSpamRuleConfig()).toEqual(DEFAULT_SPAM_RULE_CONFIG);
  });

  it("does not let an override mutate the defaults", () => {
    resolveSpamRuleConfig({ repeatedPunctuation: { minRun: 2 } });
    expect(DEFAULT_SPAM_RULE_CONFIG.repeatedPunctuation.minRun).toBe(4);
    expect(Object.isFrozen(DEFAULT_SPAM_RULE_CONFIG.repeatedPunctuation)).toBe(true);
  });

  it("reports every rule that fires, in rule order", () => {
    const text = "YOU HAVE WON A BRAND NEW CAR!!!! CLAIM AT BIT.LY/CAR";
    expect(evaluateSpamRules(text).map((violation) => violation.rule)).toEqual([
      "url_shortener",
      "excessive_capitals",
      "repeated_punctuation",
      "phishing_phrase",
    ]);
  });

  it("skips disabled rules", () => {
    const text = "YOU HAVE WON A BRAND NEW CAR!!!! CLAIM AT BIT.LY/CAR";
    const result = evaluateSpamRules(text, {
      urlShorteners: { enabled: false },
      excessiveCapitals: { enabled: false },
      repeatedPunctuation: { enabled: false },
    });
    expect(result.map((violation) => violation.rule)).toEqual(["phishing_phrase"]);
    expect(
      evaluateSpamRules(text, {
        urlShorteners: { enabled: false },
        excessiveCapitals: { enabled: false },
        repeatedPunctuation: { enabled: false },
        phishingPhrases: { enabled: false },
      }),
    ).toEqual([]);
  });
});
