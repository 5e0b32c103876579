import { describe, expect, it } from "vitest";
import {
  interpretBalanceReply,
  interpretBulkReply,
  interpretDeliveryReportReply,
  interpretSendReply,
  parseCreditToMinor,
} from "@/lib/providers/celcom/replies";

const success = JSON.stringify({
  responses: [
    { "response-code": 200, "response-description": "Success", mobile: 254712345678, messageid: 8290842, networkid: "1" },
  ],
});

describe("interpretSendReply", () => {
  it("reads the provider message id from a responses list", () => {
    expect(interpretSendReply(200, success)).toEqual({ ok: true, providerMessageId: "8290842" });
  });

  it("accepts the misspelt respose-code and string codes some platform variants send", () => {
    const body = JSON.stringify({ responses: [{ "respose-code": "200", messageid: "77" }] });
    expect(interpretSendReply(200, body)).toEqual({ ok: true, providerMessageId: "77" });
  });

  it("classifies a flat credentials error as permanent", () => {
    const body = JSON.stringify({ "response-code": 1006, "response-description": "Invalid credentials" });
    expect(interpretSendReply(200, body)).toMatchObject({
      ok: false,
      retryable: false,
      code: "celcom_1006_invalid_credentials",
      reason: "Invalid credentials",
      providerCode: 1006,
    });
  });

  it("classifies an item-level invalid mobile as permanent", () => {
    const body = JSON.stringify({ responses: [{ "response-code": 1003, "response-description": "Invalid mobile", mobile: 123 }] });
    expect(interpretSendReply(200, body)).toMatchObject({ ok: false, retryable: false, code: "celcom_1003_invalid_mobile" });
  });

  it("carries the five-minute hint of 4090", () => {
    const body = JSON.stringify({ "response-code": 4090 });
    expect(interpretSendReply(200, body)).toMatchObject({ ok: false, retryable: true, code: "celcom_4090_internal_error", retryAfterMs: 300_000 });
  });

  it("retries 5xx pages and unreadable replies, and fails other 4xx", () => {
    expect(interpretSendReply(502, "<html>Bad Gateway</html>")).toMatchObject({ ok: false, retryable: true, code: "provider_http_5xx", httpStatus: 502 });
    expect(interpretSendReply(500, JSON.stringify({ error: "boom" }))).toMatchObject({ retryable: true, code: "provider_http_5xx" });
    expect(interpretSendReply(200, "OK")).toMatchObject({ ok: false, retryable: true, code: "provider_bad_reply" });
    expect(interpretSendReply(429, "")).toMatchObject({ retryable: true, code: "provider_rate_limited" });
    expect(interpretSendReply(404, "Not Found")).toMatchObject({ retryable: false, code: "provider_http_4xx" });
  });

  it("prefers a Celcom code over the HTTP status when a 5xx reply carries one", () => {
    expect(interpretSendReply(503, JSON.stringify({ "response-code": 1003 }))).toMatchObject({ retryable: false, code: "celcom_1003_invalid_mobile", httpStatus: 503 });
  });

  it("does not call a success without message id accepted", () => {
    const body = JSON.stringify({ responses: [{ "response-code": 200 }] });
    expect(interpretSendReply(200, body)).toMatchObject({ ok: false, retryable: true, code: "provider_bad_reply" });
    expect(interpretSendReply(200, JSON.stringify({ responses: [] }))).toMatchObject({ ok: false, code: "provider_bad_reply" });
  });
});

describe("interpretBulkReply", () => {
  it("maps entries back through the echoed clientsmsid, whatever their order", () => {
    const body = JSON.stringify({
      responses: [
        { "response-code": 1003, clientsmsid: "2", mobile: 2547 },
        { "response-code": 200, clientsmsid: 1, messageid: 10 },
      ],
    });
    const [first, second, third] = interpretBulkReply(200, body, ["1", "2", "3"]);
    expect(first).toEqual({ ok: true, providerMessageId: "10" });
    expect(second).toMatchObject({ ok: false, code: "celcom_1003_invalid_mobile" });
    expect(third).toMatchObject({ ok: false, retryable: true, code: "provider_bad_reply" });
  });

  it("reads entries in order when no clientsmsid is echoed and the counts match", () => {
    const body = JSON.stringify({ responses: [{ "response-code": 200, messageid: 1 }, { "response-code": 200, messageid: 2 }] });
    expect(interpretBulkReply(200, body, ["a", "b"])).toEqual([
      { ok: true, providerMessageId: "1" },
      { ok: true, providerMessageId: "2" },
    ]);
  });

  it("applies a flat error or a transport failure to every message", () => {
    const flat = interpretBulkReply(200, JSON.stringify({ "response-code": 1006 }), ["1", "2"]);
    expect(flat.map((result) => !result.ok && result.code)).toEqual(["celcom_1006_invalid_credentials", "celcom_1006_invalid_credentials"]);
    const down = interpretBulkReply(503, "down", ["1", "2"]);
    expect(down.every((result) => !result.ok && result.retryable)).toBe(true);
  });
});

describe("balance and delivery-report replies", () => {
  it("converts credit to minor units exactly", () => {
    expect(parseCreditToMinor("545.00")).toBe(54500);
    expect(parseCreditToMinor("545.5")).toBe(54550);
    expect(parseCreditToMinor("1,234.567")).toBe(123456);
    expect(parseCreditToMinor(12)).toBe(1200);
    expect(parseCreditToMinor("-3.07")).toBe(-307);
    expect(parseCreditToMinor("abc")).toBeUndefined();
    expect(interpretBalanceReply(200, JSON.stringify({ credit: "545.00" }))).toEqual({ ok: true, creditMinor: 54500, creditText: "545.00" });
    expect(interpretBalanceReply(200, JSON.stringify({ "response-code": 1006 }))).toMatchObject({ ok: false, code: "celcom_1006_invalid_credentials" });
  });

  it("maps a pulled delivery report to our outcome", () => {
    const body = JSON.stringify({
      "response-code": 200,
      "delivery-status": 32,
      "delivery-description": "DeliveredToTerminal",
      "delivery-time": "2025-09-12 10:16:10",
    });
    expect(interpretDeliveryReportReply(200, body, "55")).toEqual({
      ok: true,
      providerMessageId: "55",
      description: "DeliveredToTerminal",
      outcome: "delivered",
      deliveredAt: new Date("2025-09-12T07:16:10.000Z"),
    });
    expect(interpretDeliveryReportReply(200, JSON.stringify({ "response-code": 1009 }), "55")).toMatchObject({
      ok: false,
      retryable: false,
      code: "celcom_1009_no_delivery_report",
    });
  });
});
