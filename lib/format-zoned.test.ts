import { describe, expect, it } from "vitest";
import { formatZonedDateTime, zoneLabel } from "@/lib/format-zoned";

describe("zoned date formatting", () => {
  it("shows a Nairobi morning as the account sees it, labelled EAT", () => {
    expect(formatZonedDateTime(new Date("2026-12-02T06:00:00Z"), "Africa/Nairobi")).toBe("2 Dec 2026, 09:00 EAT");
  });

  it("falls back to Intl's short zone name", () => {
    expect(zoneLabel("UTC")).toBe("UTC");
    expect(formatZonedDateTime(new Date("2026-12-02T06:00:00Z"), "America/Bogota")).toMatch(/^2 Dec 2026, 01:00 (GMT-5|COT)$/);
  });
});
