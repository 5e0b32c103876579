import { getCountryCallingCode, type CountryCode } from "libphonenumber-js/max";
import mobileExamples from "libphonenumber-js/examples.mobile.json";
import { describe, expect, it } from "vitest";
import { fastVerdict } from "@/lib/phone/phone-fast-path";
import { normalisePhone, parseDialString, toDialString } from "@/lib/phone/normalise";

const EVERYWHERE = new Set(Object.keys(mobileExamples));
const DEFAULT_COUNTRIES: CountryCode[] = ["KE", "KE", "KE", "UG", "TZ", "RW", "NG", "GB", "US", "IT", "IN", "RU", "AR", "MX"];
const NUMBER_COUNTRIES: CountryCode[] = ["KE", "UG", "TZ", "RW", "NG", "GB", "US", "CA", "IT", "IN", "RU", "KZ", "DE", "AR", "MX", "BR", "CN"];

/** Deterministic pseudo-random numbers (mulberry32), so a failure reproduces. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every way a list writes a national number: bare, with the trunk 0, the calling code with and without "+" and "00", with a kept trunk 0. */
function shapes(national: string, country: CountryCode): string[] {
  const code = getCountryCallingCode(country);
  return [national, `0${national}`, `${code}${national}`, `+${code}${national}`, `00${code}${national}`, `+${code}0${national}`, `${code}0${national}`, `00${national}`];
}

function nationalNumbers(next: () => number): [string, CountryCode][] {
  const numbers: [string, CountryCode][] = [];
  const anyCountry = () => NUMBER_COUNTRIES[Math.floor(next() * NUMBER_COUNTRIES.length)];
  // Real mobile numbers of each country, then variations of them (one digit changed, one added or dropped).
  for (const [country, example] of Object.entries(mobileExamples as Record<string, string>) as [CountryCode, string][]) {
    const push = (national: string) => numbers.push([national, next() < 0.8 ? country : anyCountry()]);
    push(example);
    const position = Math.floor(next() * example.length);
    push(`${example.slice(0, position)}${Math.floor(next() * 10)}${example.slice(position + 1)}`);
    push(`${example}${Math.floor(next() * 10)}`);
    push(example.slice(0, -1));
    // Same leading digits, random rest: mostly other valid mobiles, some unallocated ranges.
    for (let variant = 0; variant < 40; variant++) {
      const kept = 1 + Math.floor(next() * 4);
      let digits = example.slice(0, kept);
      while (digits.length < example.length) digits += Math.floor(next() * 10);
      push(digits);
    }
  }
  // Random digit strings of every plausible length.
  for (let index = 0; index < 10_000; index++) {
    const length = 5 + Math.floor(next() * 9);
    let digits = "";
    for (let position = 0; position < length; position++) digits += Math.floor(next() * 10);
    numbers.push([digits, anyCountry()]);
  }
  return numbers;
}

describe("fastVerdict agrees with libphonenumber", () => {
  it.each([
    ["every country served", EVERYWHERE],
    ["East Africa served", new Set(["KE", "UG", "TZ"])],
  ])("gives the full parser's verdict whenever it answers (%s), for real, mutated and random numbers in every shape", (_, served) => {
    const next = random(20261130);
    const answered = { mobile: 0, not_mobile: 0, invalid_format: 0, invalid_country: 0 };
    const disagreements: string[] = [];
    for (const [national, country] of nationalNumbers(next)) {
      const defaultCountry = DEFAULT_COUNTRIES[Math.floor(next() * DEFAULT_COUNTRIES.length)];
      for (const raw of shapes(national, country)) {
        const dialString = toDialString(raw);
        if (!dialString) continue;
        const fast = fastVerdict(dialString, defaultCountry, served);
        if (fast === null) continue;
        answered[fast.ok ? "mobile" : fast.reason]++;
        const full = parseDialString(dialString, defaultCountry, served);
        if (JSON.stringify(full) !== JSON.stringify(fast)) {
          disagreements.push(`${raw} (default ${defaultCountry}): fast ${JSON.stringify(fast)}, full ${JSON.stringify(full)}`);
        }
      }
    }
    expect(disagreements.slice(0, 10)).toEqual([]);
    // Every kind of verdict is exercised, so a fast path that stopped answering would fail here.
    expect(answered.mobile).toBeGreaterThan(served === EVERYWHERE ? 5_000 : 500);
    expect(answered.not_mobile).toBeGreaterThan(1_000);
    expect(answered.invalid_format).toBeGreaterThan(10_000);
    if (served !== EVERYWHERE) expect(answered.invalid_country).toBeGreaterThan(5_000);
  });

  it("answers for the usual shapes of East African mobile numbers, so lists rarely need the full parser", () => {
    let answered = 0;
    let total = 0;
    for (const country of ["KE", "UG", "TZ"] as const) {
      const national = (mobileExamples as Record<string, string>)[country];
      const code = getCountryCallingCode(country);
      for (const raw of [national, `0${national}`, `${code}${national}`, `+${code}${national}`, `+${code} ${national.slice(0, 3)} ${national.slice(3)}`]) {
        total++;
        const dialString = toDialString(raw);
        if (dialString && fastVerdict(dialString, country, EVERYWHERE)?.ok) answered++;
      }
    }
    expect(answered).toBe(total);
  });

  it("judges a Kenyan landline itself, and declines trunk zeros after the calling code and shared calling codes", () => {
    expect(fastVerdict("0202345678", "KE", EVERYWHERE)).toEqual({ ok: false, reason: "not_mobile" });
    expect(fastVerdict("+2540712345678", "KE", EVERYWHERE)).toBeNull();
    expect(fastVerdict("+12025550123", "KE", EVERYWHERE)).toBeNull();
    expect(fastVerdict("2025550123", "US", EVERYWHERE)).toBeNull();
    expect(normalisePhone("+2540712345678")).toMatchObject({ ok: true, e164: "+254712345678" });
  });
});
