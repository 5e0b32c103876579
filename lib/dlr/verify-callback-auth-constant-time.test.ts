import type * as NodeCrypto from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { verifyCallbackAuth } from "@/lib/dlr/verify-callback-auth";

// The real comparison, watched: the token check must go through crypto.timingSafeEqual.
const timingSafeEqual = vi.hoisted(() => vi.fn());
vi.mock("node:crypto", async (importOriginal) => {
  const crypto = await importOriginal<typeof NodeCrypto>();
  timingSafeEqual.mockImplementation((a: NodeJS.ArrayBufferView, b: NodeJS.ArrayBufferView) => crypto.timingSafeEqual(a, b));
  return { ...crypto, timingSafeEqual };
});

const TOKEN = "callback-token-of-32-characters!";
const withHeader = (token: string) => new Request("http://x/cb", { method: "POST", headers: { "x-callback-token": token } });

describe("verifyCallbackAuth compares tokens in constant time", () => {
  beforeEach(() => {
    timingSafeEqual.mockClear();
  });

  it("refuses a wrong token of the same length and of other lengths, each through timingSafeEqual on equal-length digests", () => {
    const wrong = ["callback-token-of-32-characters?", "c", "callback-token-of-32-characters!!", TOKEN.slice(0, -1)];
    for (const token of wrong) {
      timingSafeEqual.mockClear();
      expect(() => verifyCallbackAuth(withHeader(token), "{}", { token: TOKEN }), token).toThrow(/authentication failed/);
      expect(timingSafeEqual, token).toHaveBeenCalledTimes(1);
      const [given, expected] = timingSafeEqual.mock.calls[0] as [Buffer, Buffer];
      expect(given.length).toBe(expected.length);
    }
  });

  it("accepts the right token through the same comparison", () => {
    expect(() => verifyCallbackAuth(withHeader(TOKEN), "{}", { token: TOKEN })).not.toThrow();
    expect(timingSafeEqual).toHaveBeenCalledTimes(1);
  });
});
