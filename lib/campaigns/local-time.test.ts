import { describe, expect, it } from "vitest";
import { localTimeToUtc, utcToLocalInput } from "@/lib/campaigns/local-time";

describe("account-timezone scheduling", () => {
  it("reads a Nairobi wall-clock time as UTC+3", () => {
    expect(localTimeToUtc("2026-03-01T09:30", "Africa/Nairobi")?.toISOString()).toBe("2026-03-01T06:30:00.000Z");
    expect(utcToLocalInput(new Date("2026-03-01T06:30:00Z"), "Africa/Nairobi")).toBe("2026-03-01T09:30");
  });

  it("follows daylight saving where the zone has it", () => {
    expect(localTimeToUtc("2026-07-01T12:00", "Europe/London")?.toISOString()).toBe("2026-07-01T11:00:00.000Z");
    expect(localTimeToUtc("2026-01-01T12:00", "Europe/London")?.toISOString()).toBe("2026-01-01T12:00:00.000Z");
  });

  it("refuses text that is not a datetime-local value", () => {
    expect(localTimeToUtc("tomorrow", "Africa/Nairobi")).toBeNull();
  });
});
