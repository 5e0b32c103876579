import { describe, expect, it } from "vitest";
import { parseCelcomInbound } from "@/lib/providers/celcom/inbound";

describe("Celcom inbound callback body", () => {
  it("reads Celcom's fields, numbers as text and the Kenyan-time timestamp", () => {
    const parsed = parseCelcomInbound({ from: 254712345678, to: "22384", message: "STOP", messageid: 991, timestamp: "2026-11-23 10:16:10" });
    expect(parsed).toEqual({
      ok: true,
      messages: [
        {
          from: "254712345678",
          to: "22384",
          message: "STOP",
          messageId: "991",
          receivedAt: new Date("2026-11-23T07:16:10Z"),
          payload: { from: 254712345678, to: "22384", message: "STOP", messageid: 991, timestamp: "2026-11-23 10:16:10" },
        },
      ],
    });
  });

  it("accepts the documented aliases in any case, and an empty message", () => {
    const parsed = parseCelcomInbound({ MSISDN: "0712345678", ShortCode: "22384", Text: "", LinkId: "abc" });
    expect(parsed.ok && parsed.messages[0]).toMatchObject({ from: "0712345678", to: "22384", message: "", messageId: "abc", receivedAt: null });
  });

  it("reports every missing or malformed field, per message of an array", () => {
    expect(parseCelcomInbound({ message: "hi" })).toEqual({
      ok: false,
      issues: [
        { field: "from", message: "is required (the sender's number)" },
        { field: "to", message: "is required (the short code or number the message was sent to)" },
      ],
    });
    const parsed = parseCelcomInbound([{ from: "1", to: "2", message: "ok" }, { from: "1", to: "2", message: { nested: true } }, "text"]);
    expect(parsed).toEqual({
      ok: false,
      issues: [
        { field: "1.message", message: "must be text" },
        { field: "2", message: "must be an object with from, to and message" },
      ],
    });
    expect(parseCelcomInbound([])).toMatchObject({ ok: false });
    expect(parseCelcomInbound(null)).toMatchObject({ ok: false });
    expect(parseCelcomInbound({ from: "x".repeat(65), to: "22384", message: "" })).toMatchObject({ ok: false, issues: [{ field: "from" }] });
  });
});
