import { describe, expect, it } from "vitest";
import {
  WEBHOOK_USER_AGENT,
  buildWebhookHeaders,
  decodeWebhookSecret,
  generateWebhookSecret,
  signPayload,
  verifyWebhookSignature,
} from "@/lib/webhooks/signing";

// The Standard Webhooks specification's published test vector.
const vector = {
  secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
  id: "msg_p5jXN8AQM9LWM0D4loKWxJek",
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
};

describe("generateWebhookSecret", () => {
  it("produces distinct whsec_ secrets carrying a 32-byte key", () => {
    const first = generateWebhookSecret();
    const second = generateWebhookSecret();
    expect(first).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(first).not.toBe(second);
    expect(decodeWebhookSecret(first)).toHaveLength(32);
  });
});

describe("decodeWebhookSecret", () => {
  it("accepts the prefixed and bare forms", () => {
    expect(decodeWebhookSecret(vector.secret)).toEqual(decodeWebhookSecret(vector.secret.slice("whsec_".length)));
  });

  it("rejects short or non-base64 secrets", () => {
    expect(() => decodeWebhookSecret("whsec_c2hvcnQ=")).toThrow(/24-64 bytes/);
    expect(() => decodeWebhookSecret("whsec_not base64 at all, really not!!")).toThrow();
    expect(() => decodeWebhookSecret("")).toThrow();
  });
});

describe("signPayload", () => {
  it("reproduces the Standard Webhooks reference signature", () => {
    expect(signPayload({ id: vector.id, timestamp: vector.timestamp, body: vector.body, secrets: [vector.secret] })).toBe(
      vector.signature,
    );
  });

  it("signs the body bytes, so a Buffer body gives the same signature", () => {
    expect(
      signPayload({ id: vector.id, timestamp: vector.timestamp, body: Buffer.from(vector.body), secrets: [vector.secret] }),
    ).toBe(vector.signature);
  });

  it("emits one space-separated v1 signature per secret during rotation", () => {
    const newSecret = generateWebhookSecret();
    const header = signPayload({ id: vector.id, timestamp: vector.timestamp, body: vector.body, secrets: [vector.secret, newSecret] });
    const parts = header.split(" ");
    expect(parts).toHaveLength(2);
    expect(parts[0]).toBe(vector.signature);
    expect(parts[1]).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
  });

  it("refuses to sign without a secret or with a fractional timestamp", () => {
    expect(() => signPayload({ id: "m", timestamp: 1, body: "{}", secrets: [] })).toThrow();
    expect(() => signPayload({ id: "m", timestamp: 1.5, body: "{}", secrets: [vector.secret] })).toThrow();
  });
});

describe("buildWebhookHeaders", () => {
  it("builds the complete header set", () => {
    expect(buildWebhookHeaders({ id: vector.id, timestamp: vector.timestamp, body: vector.body, secrets: [vector.secret] })).toEqual({
      "webhook-id": vector.id,
      "webhook-timestamp": String(vector.timestamp),
      "webhook-signature": vector.signature,
      "content-type": "application/json",
      "user-agent": WEBHOOK_USER_AGENT,
    });
  });

  it("stamps the current time when no timestamp is given", () => {
    const before = Math.floor(Date.now() / 1000);
    const headers = buildWebhookHeaders({ id: "evt_1", body: "{}", secrets: [vector.secret] });
    const stamped = Number(headers["webhook-timestamp"]);
    expect(stamped).toBeGreaterThanOrEqual(before);
    expect(stamped).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
  });
});

describe("verifyWebhookSignature", () => {
  const secret = generateWebhookSecret();
  const now = 1_760_000_000;
  const body = JSON.stringify([{ eventId: "evt_1", eventType: "message.delivered" }]);
  const headers = buildWebhookHeaders({ id: "evt_1", timestamp: now, body, secrets: [secret] });

  it("round-trips a signed delivery", () => {
    expect(verifyWebhookSignature({ headers, body, secret, now })).toEqual({ valid: true });
  });

  it("verifies the published vector", () => {
    const vectorHeaders = {
      "webhook-id": vector.id,
      "webhook-timestamp": String(vector.timestamp),
      "webhook-signature": vector.signature,
    };
    expect(verifyWebhookSignature({ headers: vectorHeaders, body: vector.body, secret: vector.secret, now: vector.timestamp })).toEqual({
      valid: true,
    });
  });

  it("reads fetch Headers and differently-cased header records", () => {
    expect(verifyWebhookSignature({ headers: new Headers(headers), body, secret, now }).valid).toBe(true);
    const shouting = Object.fromEntries(Object.entries(headers).map(([key, value]) => [key.toUpperCase(), value]));
    expect(verifyWebhookSignature({ headers: shouting, body, secret, now }).valid).toBe(true);
  });

  it("verifies with either secret while two are active", () => {
    const oldSecret = generateWebhookSecret();
    const newSecret = generateWebhookSecret();
    const rotating = buildWebhookHeaders({ id: "evt_2", timestamp: now, body, secrets: [oldSecret, newSecret] });
    expect(verifyWebhookSignature({ headers: rotating, body, secret: oldSecret, now }).valid).toBe(true);
    expect(verifyWebhookSignature({ headers: rotating, body, secret: newSecret, now }).valid).toBe(true);
    expect(verifyWebhookSignature({ headers: rotating, body, secret: generateWebhookSecret(), now })).toEqual({
      valid: false,
      reason: "invalid_signature",
    });
  });

  it("rejects a tampered body, id or timestamp", () => {
    expect(verifyWebhookSignature({ headers, body: body.replace("delivered", "failed"), secret, now }).reason).toBe("invalid_signature");
    expect(verifyWebhookSignature({ headers: { ...headers, "webhook-id": "evt_9" }, body, secret, now }).reason).toBe("invalid_signature");
    expect(
      verifyWebhookSignature({ headers: { ...headers, "webhook-timestamp": String(now - 1) }, body, secret, now }).reason,
    ).toBe("invalid_signature");
  });

  it("rejects stale and future timestamps outside the tolerance", () => {
    expect(verifyWebhookSignature({ headers, body, secret, now: now + 300 }).valid).toBe(true);
    expect(verifyWebhookSignature({ headers, body, secret, now: now + 301 })).toEqual({
      valid: false,
      reason: "timestamp_out_of_tolerance",
    });
    expect(verifyWebhookSignature({ headers, body, secret, now: now - 301 }).reason).toBe("timestamp_out_of_tolerance");
    expect(verifyWebhookSignature({ headers, body, secret, now: now + 3_600, toleranceSeconds: 7_200 }).valid).toBe(true);
  });

  it("rejects missing headers, malformed timestamps and unknown signature versions", () => {
    const { "webhook-signature": _signature, ...unsigned } = headers;
    expect(verifyWebhookSignature({ headers: unsigned, body, secret, now }).reason).toBe("missing_headers");
    expect(verifyWebhookSignature({ headers: { ...headers, "webhook-timestamp": "soon" }, body, secret, now }).reason).toBe(
      "invalid_timestamp",
    );
    const v2 = headers["webhook-signature"].replace(/^v1,/, "v2,");
    expect(verifyWebhookSignature({ headers: { ...headers, "webhook-signature": v2 }, body, secret, now }).reason).toBe(
      "invalid_signature",
    );
    expect(verifyWebhookSignature({ headers: { ...headers, "webhook-signature": "v1,AAAA" }, body, secret, now }).reason).toBe(
      "invalid_signature",
    );
  });
});
