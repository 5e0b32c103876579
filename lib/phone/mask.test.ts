import { describe, expect, it } from "vitest";
import { maskPhone, maskPhonesInText } from "@/lib/phone/mask";

describe("maskPhone", () => {
  it("keeps the country code, the first national digit and the last two digits", () => {
    expect(maskPhone("+254712345678")).toBe("+2547******78");
    expect(maskPhone("+256772123456")).toBe("+2567******56");
    expect(maskPhone("+12125550123")).toBe("+12*******23");
    expect(maskPhone("+447911123456")).toBe("+447*******56");
    expect(maskPhone("+79161234567")).toBe("+79*******67");
  });

  it("masks formatted input to the same shape", () => {
    expect(maskPhone(" +254 712-345-678")).toBe("+2547******78");
  });

  it("keeps only the first two digits of numbers without a +", () => {
    expect(maskPhone("0712345678")).toBe("07******78");
    expect(maskPhone("254712345678")).toBe("25********78");
  });

  it("always hides at least four digits", () => {
    expect(maskPhone("+2547123")).toBe("+2****23");
    expect(maskPhone("1234567")).toBe("1****67");
  });

  it("leaves short codes and sender IDs alone", () => {
    expect(maskPhone("22384")).toBe("22384");
    expect(maskPhone("SEMALINK")).toBe("SEMALINK");
    expect(maskPhone("")).toBe("");
  });
});

describe("maskPhonesInText", () => {
  it("masks phone numbers in any common format", () => {
    expect(maskPhonesInText("send to +254712345678 now")).toBe("send to +2547******78 now");
    expect(maskPhonesInText("to 0712 345 678, 0733-123-456.")).toBe("to 07******78, 07******56.");
    expect(maskPhonesInText("call (0712) 345678")).toBe("call 07******78");
    expect(maskPhonesInText('{"to":"254712345678"}')).toBe('{"to":"25********78"}');
    expect(maskPhonesInText("a\u00a0+254 712 345 678")).toBe("a\u00a0+2547******78");
  });

  it("masks every number in a list", () => {
    expect(maskPhonesInText("0712345678,0722345678")).toBe("07******78,07******78");
  });

  it("leaves identifiers, dates, versions and short numbers alone", () => {
    const untouched = [
      "message 3f2b8c1e-1234-4abc-9def-123456789012 queued",
      "order-1234567 failed",
      "at 2026-01-15 and 2026-01-15 10:20:30",
      "time 2026-01-15T10:20:30.123Z",
      "v1.2.3.4.5.6.7 released",
      "code 123456",
      "sender SEMA1234567X",
    ];
    for (const text of untouched) expect(maskPhonesInText(text)).toBe(text);
  });

  it("returns text without numbers unchanged", () => {
    expect(maskPhonesInText("no numbers here")).toBe("no numbers here");
  });
});
