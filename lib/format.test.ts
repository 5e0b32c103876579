import { describe, expect, it } from "vitest";
import { formatCount, formatDate, formatDateTime, formatDateTimeSeconds, formatIsoLocal, formatMoney, formatPercent, formatRelative, parseMoney } from "@/lib/format";

describe("formatMoney", () => {
  it("formats minor units as KES with two decimals and thousands separators", () => {
    expect(formatMoney(0)).toBe("KES 0.00");
    expect(formatMoney(5)).toBe("KES 0.05");
    expect(formatMoney(80)).toBe("KES 0.80");
    expect(formatMoney(123456)).toBe("KES 1,234.56");
    expect(formatMoney(100_000_000)).toBe("KES 1,000,000.00");
  });

  it("keeps the sign of negative amounts and is exact for large bigints", () => {
    expect(formatMoney(-150)).toBe("-KES 1.50");
    expect(formatMoney(9_007_199_254_740_993n)).toBe("KES 90,071,992,547,409.93");
  });
});

describe("parseMoney", () => {
  it("reads amounts with up to two decimals into minor units", () => {
    expect(parseMoney("1500")).toBe(150_000);
    expect(parseMoney("1,500.5")).toBe(150_050);
    expect(parseMoney(" 12.05 ")).toBe(1205);
    expect(parseMoney("0.80")).toBe(80);
  });

  it("rejects anything that is not a plain non-negative amount", () => {
    for (const text of ["", "abc", "-5", "1.234", "1e3", "12.", ".5"]) expect(parseMoney(text)).toBeNull();
  });

  it("round-trips with formatMoney", () => {
    expect(formatMoney(parseMoney("98765.43")!)).toBe("KES 98,765.43");
  });
});

describe("dates", () => {
  const instant = new Date("2026-11-23T21:30:00Z");

  it("formats in the account's time zone", () => {
    expect(formatDateTime(instant, "Africa/Nairobi")).toBe("24 Nov 2026, 00:30");
    expect(formatDateTime(instant, "UTC")).toBe("23 Nov 2026, 21:30");
    expect(formatDate(instant, "Africa/Nairobi")).toBe("24 Nov 2026");
    expect(formatDate(instant.toISOString(), "America/New_York")).toBe("23 Nov 2026");
  });

  it("describes times relative to now", () => {
    expect(formatRelative(new Date("2026-11-23T21:27:00Z"), instant)).toBe("3 minutes ago");
    expect(formatRelative(new Date("2026-11-24T23:30:00Z"), instant)).toBe("tomorrow");
    expect(formatRelative(instant, instant)).toBe("now");
  });

  it("formats counts", () => {
    expect(formatCount(1234567)).toBe("1,234,567");
  });
});

describe("formatDateTimeSeconds and formatIsoLocal", () => {
  it("show the seconds in the account's time zone", () => {
    expect(formatDateTimeSeconds("2026-11-23T11:05:09Z", "Africa/Nairobi")).toBe("23 Nov 2026, 14:05:09");
    expect(formatIsoLocal("2026-11-23T22:05:09Z", "Africa/Nairobi")).toBe("2026-11-24 01:05:09");
  });
});

describe("formatPercent", () => {
  it("rounds to one decimal", () => {
    expect(formatPercent(0.95344)).toBe("95.3%");
    expect(formatPercent(1)).toBe("100.0%");
    expect(formatPercent(0)).toBe("0.0%");
  });
});
