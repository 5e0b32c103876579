// The seed data lives in prisma/data; its checks sit here because unit tests run under lib/.
import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/max";
import { describe, expect, it } from "vitest";
import { SUPPORTED_COUNTRIES } from "@/lib/phone/normalise";
import { KENYA_MNO_PREFIXES, MNO_PREFIXES } from "@/prisma/data/mno-prefixes";

describe("MNO prefix seed data", () => {
  it("has one operator per (country, prefix), each a 3-digit prefix", () => {
    const keys = MNO_PREFIXES.map((row) => `${row.country}:${row.prefix}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const row of MNO_PREFIXES) expect(row.prefix).toMatch(/^\d{3}$/);
  });

  it("covers exactly the supported countries, with their calling codes", () => {
    expect(new Set(MNO_PREFIXES.map((row) => row.country))).toEqual(new Set(SUPPORTED_COUNTRIES));
    for (const row of MNO_PREFIXES) {
      expect(parsePhoneNumberFromString(`+${row.countryCode}${row.prefix}123456`)?.country).toBe(row.country);
    }
  });

  it("only allocates ranges that are mobile numbers in the numbering plan", () => {
    for (const row of MNO_PREFIXES) {
      const phone = parsePhoneNumberFromString(`${row.prefix}123456`, row.country as CountryCode);
      expect({ row, type: phone?.getType() }).toEqual({ row, type: "MOBILE" });
    }
  });

  it("assigns the main Kenyan ranges to the right operators", () => {
    const operatorOf = (prefix: string) => KENYA_MNO_PREFIXES.find((row) => row.prefix === prefix)?.operator;
    expect(operatorOf("700")).toBe("Safaricom");
    expect(operatorOf("729")).toBe("Safaricom");
    expect(operatorOf("110")).toBe("Safaricom");
    expect(operatorOf("730")).toBe("Airtel");
    expect(operatorOf("100")).toBe("Airtel");
    expect(operatorOf("770")).toBe("Telkom");
    expect(operatorOf("763")).toBe("Equitel");
    expect(operatorOf("747")).toBe("Jamii Telecom");
    expect(operatorOf("749")).toBeUndefined();
    for (const row of KENYA_MNO_PREFIXES) expect(row).toMatchObject({ country: "KE", countryCode: "254" });
  });
});
