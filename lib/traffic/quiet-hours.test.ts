import { describe, expect, it } from "vitest";
import { promotionalSendTime, quietWindowAt, resumedSendTime } from "@/lib/traffic/quiet-hours";

const NAIROBI = "Africa/Nairobi"; // UTC+3, no daylight saving
const overnight = { start: "21:00", end: "08:00" };

describe("quiet hours", () => {
  it("holds a time inside an overnight window until it ends, in the account's zone", () => {
    // 23:30 in Nairobi is 20:30 UTC; the window ends at 08:00 Nairobi = 05:00 UTC the next day.
    expect(promotionalSendTime(overnight, NAIROBI, new Date("2026-12-01T20:30:00Z")).toISOString()).toBe("2026-12-02T05:00:00.000Z");
    // 02:15 Nairobi, after midnight.
    expect(promotionalSendTime(overnight, NAIROBI, new Date("2026-12-01T23:15:10Z")).toISOString()).toBe("2026-12-02T05:00:00.000Z");
  });

  it("leaves times outside the window, and the end minute itself, alone", () => {
    const noon = new Date("2026-12-01T09:00:00Z");
    expect(promotionalSendTime(overnight, NAIROBI, noon)).toBe(noon);
    const eight = new Date("2026-12-01T05:00:00Z");
    expect(quietWindowAt(overnight, NAIROBI, eight)).toBeNull();
    expect(quietWindowAt(null, NAIROBI, noon)).toBeNull();
  });

  it("handles a daytime window and another zone", () => {
    const lunch = { start: "12:00", end: "14:00" };
    // 12:30 in Kampala (UTC+3) → 14:00 Kampala = 11:00 UTC.
    expect(promotionalSendTime(lunch, "Africa/Kampala", new Date("2026-12-01T09:30:00Z")).toISOString()).toBe("2026-12-01T11:00:00.000Z");
    // The same instant is 09:30 in London: outside.
    expect(quietWindowAt(lunch, "Europe/London", new Date("2026-12-01T09:30:00Z"))).toBeNull();
  });

  it("resumes a paused campaign's send after the window by as much as it was into it", () => {
    // 21:10 Nairobi: 10 minutes into the window → 08:10.
    expect(resumedSendTime(overnight, NAIROBI, new Date("2026-12-01T18:10:00Z"), new Date("2026-12-01T17:00:00Z")).toISOString()).toBe("2026-12-02T05:10:00.000Z");
    // A campaign that starts inside the window: its first send goes at the end, the next ones keep their spacing.
    const start = new Date("2026-12-01T19:00:00Z");
    expect(resumedSendTime(overnight, NAIROBI, start, start).toISOString()).toBe("2026-12-02T05:00:00.000Z");
    expect(resumedSendTime(overnight, NAIROBI, new Date("2026-12-01T19:00:30Z"), start).toISOString()).toBe("2026-12-02T05:00:30.000Z");
  });
});
