import { describe, expect, it } from "vitest";
import { normalisePhone, SUPPORTED_COUNTRIES } from "@/lib/phone/normalise";

const SAFARICOM = { ok: true, e164: "+254712345678", country: "KE", nationalNumber: "712345678" };

describe("normalisePhone: Kenyan local and international formats", () => {
  it.each([
    "0712 345 678",
    "0712345678",
    "712345678",
    "254712345678",
    "+254712345678",
    "+254 712-345-678",
    "(0712) 345678",
    "0712.345.678",
    "00254712345678",
    "000254712345678",
    "+254 (0) 712 345 678",
    "2540712345678",
    "  0712 345 678\t",
  ])("%j → +254712345678", (raw) => {
    expect(normalisePhone(raw)).toEqual(SAFARICOM);
  });

  it("ignores byte-order marks, zero-width characters and unicode spaces and dashes", () => {
    expect(normalisePhone("\uFEFF0712345678")).toEqual(SAFARICOM);
    expect(normalisePhone("\u200B0712\u00A0345\u2009678\u200D")).toEqual(SAFARICOM);
    expect(normalisePhone("\u202A+254\u202F712\u2013345\u2011678\u202C")).toEqual(SAFARICOM);
    expect(normalisePhone("0712\u3000345\u2060678")).toEqual(SAFARICOM);
  });

  it("reads full-width and Arabic-Indic digits", () => {
    expect(normalisePhone("０７１２３４５６７８")).toEqual(SAFARICOM);
    expect(normalisePhone("＋٢٥٤٧١٢٣٤٥٦٧٨")).toEqual(SAFARICOM);
  });

  it("normalises the 01xx mobile ranges", () => {
    expect(normalisePhone("0110 123 456")).toEqual({
      ok: true,
      e164: "+254110123456",
      country: "KE",
      nationalNumber: "110123456",
    });
    expect(normalisePhone("100123456")).toMatchObject({ ok: true, e164: "+254100123456" });
  });

  it("uses the default country only for numbers written without an international prefix", () => {
    expect(normalisePhone("0772 123 456", "UG")).toEqual({
      ok: true,
      e164: "+256772123456",
      country: "UG",
      nationalNumber: "772123456",
    });
    expect(normalisePhone("+254712345678", "UG")).toEqual(SAFARICOM);
  });
});

describe("normalisePhone: rejections", () => {
  it.each(["", "   ", "\uFEFF", "\u200B \u00A0"])("%j is empty", (raw) => {
    expect(normalisePhone(raw)).toEqual({ ok: false, reason: "empty" });
  });

  it.each([
    "abc",
    "-",
    "()",
    "+",
    "0712345678ext",
    "tel:+254712345678",
    "+254 712 345 678;ext=1",
    "0712345678 / 0722345678",
    "0712+345678",
    "++254712345678",
    "0712 345 67",
    "07123456789",
    "12345",
    "0109123456",
    "254",
    "1".repeat(200),
    "0712345678".repeat(3),
  ])("%j is invalid_format", (raw) => {
    expect(normalisePhone(raw)).toEqual({ ok: false, reason: "invalid_format" });
  });

  it("rejects landlines, toll-free and premium numbers as not_mobile", () => {
    expect(normalisePhone("020 2012345")).toEqual({ ok: false, reason: "not_mobile" });
    expect(normalisePhone("+254 20 2012345")).toEqual({ ok: false, reason: "not_mobile" });
    expect(normalisePhone("0800 720000")).toEqual({ ok: false, reason: "not_mobile" });
    expect(normalisePhone("+256 41 4123456")).toEqual({ ok: false, reason: "not_mobile" });
  });

  it("rejects valid numbers of countries we do not serve as invalid_country", () => {
    expect(normalisePhone("+44 7911 123456")).toEqual({ ok: false, reason: "invalid_country" });
    expect(normalisePhone("+1 212 555 0123")).toEqual({ ok: false, reason: "invalid_country" });
    expect(normalisePhone("0044 7911 123456")).toEqual({ ok: false, reason: "invalid_country" });
    expect(normalisePhone("07911 123456", "GB")).toEqual({ ok: false, reason: "invalid_country" });
  });

  it("treats an invalid number in a foreign country as invalid_format, not invalid_country", () => {
    expect(normalisePhone("+44 12")).toEqual({ ok: false, reason: "invalid_format" });
  });

  it("serves exactly the countries it is told to", () => {
    expect(SUPPORTED_COUNTRIES).toEqual(["KE", "UG", "TZ"]);
    expect(normalisePhone("+256772123456")).toMatchObject({ ok: true, country: "UG" });
    expect(normalisePhone("+256772123456", "KE", { supportedCountries: ["KE"] })).toEqual({
      ok: false,
      reason: "invalid_country",
    });
    expect(normalisePhone("+256772123456", "KE", { supportedCountries: new Set(["UG"]) })).toMatchObject({ ok: true });
    expect(normalisePhone("0712345678", "KE", { supportedCountries: new Set(["UG"]) })).toEqual({
      ok: false,
      reason: "invalid_country",
    });
  });
});
