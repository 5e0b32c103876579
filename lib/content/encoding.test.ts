import { describe, expect, it } from "vitest";
import {
  GSM7_BASIC_CHARACTERS,
  GSM7_EXTENSION_CHARACTERS,
  countSegments,
  detectEncoding,
  findNonGsm7Characters,
  splitSegments,
} from "@/lib/content/encoding";

const EMOJI = "😀";
const CYRILLIC = "й";

function septets(part: string): number {
  let total = 0;
  for (const character of part) total += GSM7_EXTENSION_CHARACTERS.includes(character) ? 2 : 1;
  return total;
}

function startsWithLowSurrogate(part: string): boolean {
  const code = part.charCodeAt(0);
  return code >= 0xdc00 && code <= 0xdfff;
}

function endsWithHighSurrogate(part: string): boolean {
  const code = part.charCodeAt(part.length - 1);
  return code >= 0xd800 && code <= 0xdbff;
}

describe("GSM 03.38 tables", () => {
  it("holds the 127 printable basic characters and the 10 extension characters", () => {
    expect(new Set(GSM7_BASIC_CHARACTERS).size).toBe(127);
    expect(GSM7_BASIC_CHARACTERS).not.toContain("\u001b");
    expect([...GSM7_EXTENSION_CHARACTERS].sort()).toEqual(["\f", "[", "\\", "]", "^", "{", "|", "}", "~", "€"].sort());
  });
});

describe("detectEncoding", () => {
  it("keeps GSM-7 for the basic set, accented letters in the table and the extension set", () => {
    expect(detectEncoding("Hello @ £5, Ça va? ÄÖÑÜ äöñüà èéùìò Δ_ΦΓΛΩΠΨΣΘΞ ¡¿ §¤\r\n")).toBe("gsm7");
    expect(detectEncoding("Price {10€} [a|b] ~x^ \\ \f")).toBe("gsm7");
    expect(detectEncoding("")).toBe("gsm7");
  });

  it("switches to UCS-2 for any character outside the tables", () => {
    expect(detectEncoding("ç")).toBe("ucs2");
    expect(detectEncoding("á")).toBe("ucs2");
    expect(detectEncoding("`")).toBe("ucs2");
    expect(detectEncoding("\u001b")).toBe("ucs2");
    expect(detectEncoding(`Habari ${EMOJI}`)).toBe("ucs2");
    expect(detectEncoding("Привет")).toBe("ucs2");
    expect(detectEncoding("“quoted”")).toBe("ucs2");
  });

  it("lists the distinct characters that force UCS-2", () => {
    expect(findNonGsm7Characters(`a“b”c“${EMOJI}${EMOJI}`)).toEqual(["“", "”", EMOJI]);
    expect(findNonGsm7Characters("plain {text}")).toEqual([]);
  });
});

describe("countSegments — GSM-7", () => {
  it("counts an empty body as no segments with a full first part available", () => {
    expect(countSegments("")).toEqual({
      encoding: "gsm7",
      segments: 0,
      units: 0,
      perSegment: 160,
      charactersLeft: 160,
      length: 0,
    });
  });

  it("fits 160 septets in one part and needs two for 161", () => {
    expect(countSegments("a".repeat(160))).toEqual({
      encoding: "gsm7",
      segments: 1,
      units: 160,
      perSegment: 160,
      charactersLeft: 0,
      length: 160,
    });
    expect(countSegments("a".repeat(161))).toEqual({
      encoding: "gsm7",
      segments: 2,
      units: 161,
      perSegment: 153,
      charactersLeft: 145,
      length: 161,
    });
  });

  it.each([
    [306, 2, 0],
    [307, 3, 152],
    [459, 3, 0],
    [460, 4, 152],
    [1530, 10, 0],
    [1531, 11, 152],
  ])("splits %i characters into %i parts of 153", (length, segments, charactersLeft) => {
    const result = countSegments("x".repeat(length));
    expect(result.segments).toBe(segments);
    expect(result.perSegment).toBe(153);
    expect(result.charactersLeft).toBe(charactersLeft);
  });

  it("counts each extension character as two septets", () => {
    const result = countSegments("€".repeat(80));
    expect(result).toMatchObject({ encoding: "gsm7", segments: 1, units: 160, length: 80, charactersLeft: 0 });
    expect(countSegments(`${"€".repeat(80)}a`)).toMatchObject({ segments: 2, units: 161, length: 81 });
    expect(countSegments("{}[]~^|\\\f€")).toMatchObject({ units: 20, length: 10 });
  });

  it("never splits an escape pair at the 153-septet boundary", () => {
    const body = `${"a".repeat(152)}€${"b".repeat(152)}`;
    // 306 septets would fit two parts of 153, but the € cannot start at septet 153.
    expect(countSegments(body)).toMatchObject({ encoding: "gsm7", units: 306, segments: 3, charactersLeft: 152 });
    const parts = splitSegments(body);
    expect(parts).toEqual(["a".repeat(152), `€${"b".repeat(151)}`, "b"]);
    expect(parts.map(septets)).toEqual([152, 153, 1]);
  });

  it("places an extension character that exactly fills a part in that part", () => {
    const body = `${"a".repeat(151)}€${"b".repeat(10)}`;
    expect(splitSegments(body)).toEqual([`${"a".repeat(151)}€`, "b".repeat(10)]);
    expect(countSegments(body).segments).toBe(2);
  });
});

describe("countSegments — UCS-2", () => {
  it("fits 70 code units in one part and needs two for 71", () => {
    expect(countSegments(CYRILLIC.repeat(70))).toEqual({
      encoding: "ucs2",
      segments: 1,
      units: 70,
      perSegment: 70,
      charactersLeft: 0,
      length: 70,
    });
    expect(countSegments(CYRILLIC.repeat(71))).toEqual({
      encoding: "ucs2",
      segments: 2,
      units: 71,
      perSegment: 67,
      charactersLeft: 63,
      length: 71,
    });
  });

  it("uses parts of 67 once concatenated: 134 is two parts, 135 is three", () => {
    expect(countSegments(CYRILLIC.repeat(134))).toMatchObject({ segments: 2, charactersLeft: 0, perSegment: 67 });
    expect(countSegments(CYRILLIC.repeat(135))).toMatchObject({ segments: 3, charactersLeft: 66, perSegment: 67 });
  });

  it("counts an emoji as two code units but one character", () => {
    expect(countSegments(EMOJI)).toEqual({
      encoding: "ucs2",
      segments: 1,
      units: 2,
      perSegment: 70,
      charactersLeft: 68,
      length: 1,
    });
    expect(countSegments(EMOJI.repeat(35))).toMatchObject({ segments: 1, units: 70 });
    expect(countSegments(EMOJI.repeat(36))).toMatchObject({ segments: 2, units: 72 });
  });

  it("one non-GSM character makes the whole body UCS-2", () => {
    const body = `${"a".repeat(69)}ç`;
    expect(countSegments(body)).toMatchObject({ encoding: "ucs2", segments: 1, units: 70 });
    expect(countSegments(`${body}a`)).toMatchObject({ encoding: "ucs2", segments: 2, units: 71 });
  });

  it("never splits a surrogate pair at the 67-unit boundary", () => {
    const body = `${CYRILLIC.repeat(66)}${EMOJI}${CYRILLIC.repeat(66)}`;
    // 134 code units would fit two parts of 67, but the emoji cannot straddle units 67 and 68.
    expect(countSegments(body)).toMatchObject({ encoding: "ucs2", units: 134, segments: 3, charactersLeft: 66 });
    const parts = splitSegments(body);
    expect(parts).toEqual([CYRILLIC.repeat(66), `${EMOJI}${CYRILLIC.repeat(65)}`, CYRILLIC]);
    expect(parts.map((part) => part.length)).toEqual([66, 67, 1]);
  });
});

describe("splitSegments", () => {
  it("returns no parts for an empty body and the body itself when it fits one part", () => {
    expect(splitSegments("")).toEqual([]);
    expect(splitSegments("Habari yako")).toEqual(["Habari yako"]);
    expect(splitSegments("a".repeat(160))).toEqual(["a".repeat(160)]);
  });

  it("splits on the 153 boundary", () => {
    expect(splitSegments("a".repeat(307))).toEqual(["a".repeat(153), "a".repeat(153), "a"]);
  });

  it("agrees with countSegments and keeps every part whole on mixed random bodies", () => {
    const alphabet = ["a", "Z", " ", "€", "{", "é", "ç", CYRILLIC, EMOJI, "👍🏽", "\n"];
    let seed = 20240601;
    const nextRandom = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let sample = 0; sample < 300; sample += 1) {
      const gsmOnly = sample % 2 === 0;
      const pool = gsmOnly ? alphabet.filter((character) => detectEncoding(character) === "gsm7") : alphabet;
      let body = "";
      const length = Math.floor(nextRandom() * 700);
      for (let index = 0; index < length; index += 1) body += pool[Math.floor(nextRandom() * pool.length)];

      const count = countSegments(body);
      const parts = splitSegments(body);
      expect(parts.join("")).toBe(body);
      expect(parts.length).toBe(count.segments);
      const sizes = parts.map((part) => (count.encoding === "gsm7" ? septets(part) : part.length));
      const limit = parts.length > 1 ? count.perSegment : count.encoding === "gsm7" ? 160 : 70;
      for (const [index, part] of parts.entries()) {
        expect(sizes[index]).toBeLessThanOrEqual(limit);
        expect(startsWithLowSurrogate(part)).toBe(false);
        expect(endsWithHighSurrogate(part)).toBe(false);
      }
      expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(count.units);
      if (parts.length > 0) expect(count.charactersLeft).toBe(count.perSegment - sizes[sizes.length - 1]);
    }
  });
});
