import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { verifyCallbackAuth } from "@/lib/dlr/verify-callback-auth";

const request = (url: string, headers: Record<string, string> = {}) => new Request(url, { method: "POST", headers });
const config = { token: "secret-token-1" };

describe("verifyCallbackAuth", () => {
  it("accepts the token from the header, the query string or the path", () => {
    expect(() => verifyCallbackAuth(request("http://x/cb", { "x-callback-token": "secret-token-1" }), "{}", config)).not.toThrow();
    expect(() => verifyCallbackAuth(request("http://x/cb?token=secret-token-1"), "{}", config)).not.toThrow();
    expect(() => verifyCallbackAuth(request("http://x/cb/secret-token-1"), "{}", config, "secret-token-1")).not.toThrow();
  });

  it("refuses missing, wrong, prefixed and extended tokens", () => {
    for (const token of [undefined, "", "secret-token-2", "secret-token-", "secret-token-11"]) {
      const headers: Record<string, string> = token === undefined ? {} : { "x-callback-token": token };
      expect(() => verifyCallbackAuth(request("http://x/cb", headers), "{}", config)).toThrow(/authentication failed/);
    }
  });

  it("requires the HMAC of the exact raw body when a secret is configured", () => {
    const withHmac = { ...config, hmacSecret: "hmac" };
    const body = '{"messageid":"1"}';
    const signature = createHmac("sha256", "hmac").update(body).digest("hex");
    const headers = { "x-callback-token": "secret-token-1", "x-signature": `sha256=${signature}` };
    expect(() => verifyCallbackAuth(request("http://x/cb", headers), body, withHmac)).not.toThrow();
    expect(() => verifyCallbackAuth(request("http://x/cb", headers), `${body} `, withHmac)).toThrow();
    expect(() => verifyCallbackAuth(request("http://x/cb", { "x-callback-token": "secret-token-1" }), body, withHmac)).toThrow();
  });
});
