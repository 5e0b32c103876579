import { describe, expect, it } from "vitest";
import { localDayStart, localMonthBounds } from "@/lib/analytics/local-day";

describe("localDayStart", () => {
  it("is local midnight as an instant", () => {
    expect(localDayStart("2026-11-14", "Africa/Nairobi")?.toISOString()).toBe("2026-11-13T21:00:00.000Z");
    expect(localDayStart("2026-11-14", "Africa/Nairobi", true)?.toISOString()).toBe("2026-11-14T21:00:00.000Z");
    expect(localDayStart("2026-12-31", "UTC", true)?.toISOString()).toBe("2027-01-01T00:00:00.000Z");
  });

  it("refuses text that is no date", () => {
    expect(localDayStart("yesterday", "UTC")).toBeUndefined();
  });
});

describe("localMonthBounds", () => {
  it("spans the calendar month in the time zone", () => {
    expect(localMonthBounds("2026-12", "Africa/Nairobi")).toEqual({ start: new Date("2026-11-30T21:00:00Z"), end: new Date("2026-12-31T21:00:00Z") });
    expect(localMonthBounds("2026-13", "UTC")).toBeUndefined();
  });
});
