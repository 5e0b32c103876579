import { it as propertyIt } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { CELCOM_DLR_LIMITS, checkCelcomDlr, mapCelcomDescription, parseCelcomDlrPayload, parseCelcomTimestamp } from "@/lib/providers/celcom/dlr";
import { hasUnstorableText, isStorableDate } from "@/lib/validation/pg-safe";
import { celcomReportArbitrary } from "@/tests/helpers/dlr-arbitraries";

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

  it("normalizes a single pushed report and keeps it as the payload", () => {
    expect(parseCelcomDlrPayload(push)).toEqual({
      ok: true,
      rejected: [],
      reports: [
        {
          providerMessageId: "1889191",
          description: "DeliveredToTerminal",
          outcome: "delivered",
          occurredAt: new Date("2025-09-12T07:16:10.000Z"),
          payload: push,
        },
      ],
    });
  });

  it("accepts arrays, numeric ids, unknown descriptions and unknown fields", () => {
    const result = parseCelcomDlrPayload([push, { description: " Whatever ", messageid: 42, extra: true, timestamp: "" }]);
    expect(result.ok && result.reports.map((report) => [report.providerMessageId, report.outcome, report.occurredAt])).toEqual([
      ["1889191", "delivered", new Date("2025-09-12T07:16:10.000Z")],
      ["42", null, null],
    ]);
    expect(result.ok && result.reports[1].payload).toEqual({ description: "Whatever", messageid: "42", extra: true, timestamp: "" });
  });

  it("refuses a body that is not a report or a non-empty array of them", () => {
    for (const body of [[], "nope", 42, null]) expect(parseCelcomDlrPayload(body).ok).toBe(false);
  });

  it("rejects unusable reports one by one, with a reason, and keeps the usable ones", () => {
    const result = parseCelcomDlrPayload([
      { description: "DeliveredToTerminal" },
      push,
      { description: "", messageid: "1" },
      { ...push, timestamp: "99999-01-01 00:00:00" },
      "not a report",
    ]);
    expect(result.ok && result.reports.map((report) => report.providerMessageId)).toEqual(["1889191"]);
    expect(result.ok && result.rejected.map((item) => [item.reason, item.providerMessageId])).toEqual([
      ["missing_message_id", null],
      ["invalid_description", "1"],
      ["invalid_timestamp", "1889191"],
      ["not_an_object", null],
    ]);
  });
});

describe("checkCelcomDlr", () => {
  const push = { description: "DeliveredToTerminal", messageid: "1889191", timeTaken: "22s", timestamp: "2025-09-12 10:16:10" };
  const reasonOf = (raw: unknown) => {
    const checked = checkCelcomDlr(raw);
    return checked.ok ? "ok" : checked.reason;
  };

  it("refuses text Postgres cannot store in any field, key or nested value", () => {
    expect(reasonOf({ ...push, description: "Delivered\u0000" })).toBe("unstorable_text");
    expect(reasonOf({ ...push, messageid: "18\ud800" })).toBe("unstorable_text");
    expect(reasonOf({ ...push, networkid: "\udc00" })).toBe("unstorable_text");
    expect(reasonOf({ ...push, ["key\u0000"]: 1 })).toBe("unstorable_text");
    expect(reasonOf({ ...push, extra: { deeper: ["\u0000"] } })).toBe("unstorable_text");
    expect(reasonOf({ ...push, emoji: "\ud83d\ude00 ok" })).toBe("ok");
  });

  it("refuses control characters and spaces in ids, and control characters in descriptions", () => {
    expect(reasonOf({ ...push, messageid: "18 89" })).toBe("invalid_message_id");
    expect(reasonOf({ ...push, messageid: "18\u000189" })).toBe("invalid_message_id");
    expect(reasonOf({ ...push, description: "Delivered\nToTerminal" })).toBe("invalid_description");
    expect(reasonOf({ ...push, messageid: -1 })).toBe("invalid_message_id");
    expect(reasonOf({ ...push, messageid: 1.5 })).toBe("invalid_message_id");
    expect(reasonOf({ ...push, messageid: 2 ** 60 })).toBe("invalid_message_id");
    expect(reasonOf({ ...push, messageid: { $gt: 1 } })).toBe("invalid_message_id");
  });

  it("refuses oversized fields, reports and nesting", () => {
    expect(reasonOf({ ...push, messageid: "9".repeat(CELCOM_DLR_LIMITS.messageIdLength + 1) })).toBe("invalid_message_id");
    expect(reasonOf({ ...push, description: "x".repeat(CELCOM_DLR_LIMITS.descriptionLength + 1) })).toBe("invalid_description");
    expect(reasonOf({ ...push, timeTaken: "9".repeat(CELCOM_DLR_LIMITS.fieldLength + 1) })).toBe("invalid_field");
    expect(reasonOf({ ...push, padding: "x".repeat(CELCOM_DLR_LIMITS.reportJsonLength) })).toBe("oversize");
    expect(reasonOf({ ...push, extra: { a: { b: { c: { d: 1 } } } } })).toBe("oversize");
  });

  it("refuses timestamps that are unreadable or outside years 1-9999, and allows absent ones", () => {
    for (const timestamp of ["99999-01-01 00:00:00", "+275760-09-13T00:00:00Z", "yesterday", "2025-13-01 00:00:00"]) {
      expect(reasonOf({ ...push, timestamp })).toBe("invalid_timestamp");
    }
    for (const timestamp of [undefined, null, "", "  ", "9999-12-31 23:59:59", "0001-01-02 00:00:00"]) {
      expect(reasonOf({ ...push, timestamp })).toBe("ok");
    }
  });
});

describe("parseCelcomTimestamp", () => {
  it("reads zone-less timestamps as Kenyan time and keeps explicit zones", () => {
    expect(parseCelcomTimestamp("2025-01-01 00:00:00")?.toISOString()).toBe("2024-12-31T21:00:00.000Z");
    expect(parseCelcomTimestamp("2025-01-01T00:00:00Z")?.toISOString()).toBe("2025-01-01T00:00:00.000Z");
    expect(parseCelcomTimestamp("yesterday")).toBeNull();
    expect(parseCelcomTimestamp("99999-01-01 00:00:00")).toBeNull();
    expect(parseCelcomTimestamp(undefined)).toBeNull();
  });
});

/** Every string in a decoded JSON value, keys included. */
function allText(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, item]) => [key, ...allText(item)]);
}

describe("checkCelcomDlr on arbitrary reports", () => {
  propertyIt.prop([celcomReportArbitrary(["1889191", "42"])], { seed: 9_2026, numRuns: 500 })(
    "never throws; what it accepts is storable, bounded, and accepted again unchanged after queueing",
    (generated) => {
      const received: unknown = JSON.parse(JSON.stringify(generated));
      const checked = checkCelcomDlr(received);
      if (!checked.ok) {
        expect(checked.message.length).toBeGreaterThan(0);
        return;
      }
      const { report } = checked;
      expect(allText(report.payload).some(hasUnstorableText)).toBe(false);
      expect(JSON.stringify(report.payload).length).toBeLessThanOrEqual(CELCOM_DLR_LIMITS.reportJsonLength);
      expect(report.providerMessageId).toMatch(/^\S{1,64}$/);
      expect(report.description.length).toBeGreaterThan(0);
      expect(report.occurredAt === null || isStorableDate(report.occurredAt)).toBe(true);
      const requeued = checkCelcomDlr(JSON.parse(JSON.stringify(report.payload)));
      expect(requeued).toEqual({ ok: true, report });
    },
  );
});
