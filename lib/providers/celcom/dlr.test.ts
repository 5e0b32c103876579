import { describe, expect, it } from "vitest";
import { mapCelcomDescription, parseCelcomDlrPayload, parseCelcomTimestamp } from "@/lib/providers/celcom/dlr";

describe("mapCelcomDescription", () => {
  it("maps final descriptions to our statuses", () => {
    expect(mapCelcomDescription("DeliveredToTerminal")).toBe("delivered");
    expect(mapCelcomDescription("DeliveryImpossible")).toBe("undeliverable");
    expect(mapCelcomDescription("SenderName Blacklisted")).toBe("failed");
    expect(mapCelcomDescription("AbsentSubscriber")).toBe("expired");
  });

  it("leaves intermediate and unknown descriptions non-final", () => {
    for (const description of ["SentToNetwork", "Unknown", "Scheduled", "SomethingNew"]) {
      expect(mapCelcomDescription(description)).toBeNull();
    }
  });

  it("ignores case and spacing", () => {
    expect(mapCelcomDescription("  deliveredtoterminal ")).toBe("delivered");
    expect(mapCelcomDescription("senderName  BLACKLISTED")).toBe("failed");
    expect(mapCelcomDescription("SenderNameBlacklisted")).toBe("failed");
    expect(mapCelcomDescription("Absent Subscriber")).toBe("expired");
  });
});

describe("parseCelcomDlrPayload", () => {
  const push = { description: "DeliveredToTerminal", messageid: "1889191", timeTaken: "22s", timestamp: "2025-09-12 10:16:10" };

  it("normalizes a single pushed report", () => {
    expect(parseCelcomDlrPayload(push)).toEqual({
      ok: true,
      reports: [
        {
          providerMessageId: "1889191",
          description: "DeliveredToTerminal",
          outcome: "delivered",
          occurredAt: new Date("2025-09-12T07:16:10.000Z"),
        },
      ],
    });
  });

  it("accepts arrays, numeric ids and unknown descriptions", () => {
    const result = parseCelcomDlrPayload([push, { description: "Whatever", messageid: 42, extra: true }]);
    expect(result.ok && result.reports.map((report) => [report.providerMessageId, report.outcome, report.occurredAt])).toEqual([
      ["1889191", "delivered", new Date("2025-09-12T07:16:10.000Z")],
      ["42", null, null],
    ]);
  });

  it("rejects reports without an id or description", () => {
    const result = parseCelcomDlrPayload({ description: "DeliveredToTerminal" });
    expect(result).toMatchObject({ ok: false, issues: [{ field: "messageid" }] });
    expect(parseCelcomDlrPayload([]).ok).toBe(false);
    expect(parseCelcomDlrPayload({ description: "", messageid: "1" }).ok).toBe(false);
    expect(parseCelcomDlrPayload("nope").ok).toBe(false);
  });
});

describe("parseCelcomTimestamp", () => {
  it("reads zone-less timestamps as Kenyan time and keeps explicit zones", () => {
    expect(parseCelcomTimestamp("2025-01-01 00:00:00")?.toISOString()).toBe("2024-12-31T21:00:00.000Z");
    expect(parseCelcomTimestamp("2025-01-01T00:00:00Z")?.toISOString()).toBe("2025-01-01T00:00:00.000Z");
    expect(parseCelcomTimestamp("yesterday")).toBeNull();
    expect(parseCelcomTimestamp(undefined)).toBeNull();
  });
});
