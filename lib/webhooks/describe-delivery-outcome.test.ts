import { describe, expect, it } from "vitest";
import type { SafePostResult } from "@/lib/net/safe-fetch";
import { describeDeliveryOutcome, ERROR_EXCERPT_CHARS, sanitiseExcerpt } from "@/lib/webhooks/describe-delivery-outcome";

const answer = (status: number | null, bodySnippet = "", extra: Partial<SafePostResult> = {}): SafePostResult => ({
  ok: status !== null && status >= 200 && status < 300,
  status,
  latencyMs: 5,
  headers: {},
  bodySnippet,
  ...extra,
});

describe("sanitiseExcerpt", () => {
  it("turns control characters, escape sequences and invisible formatting into single spaces", () => {
    expect(sanitiseExcerpt("line 1\r\nline\t2\u0000\u0007 \u001b[31mred\u001b[0m \u202eevil\u200b \ud800x")).toBe("line 1 line 2 red evil x");
  });

  it("cuts long text to the limit with an ellipsis, counting characters rather than UTF-16 units", () => {
    const cut = sanitiseExcerpt("😀".repeat(500));
    expect([...cut]).toHaveLength(ERROR_EXCERPT_CHARS);
    expect(cut.endsWith("…")).toBe(true);
    expect(sanitiseExcerpt("short")).toBe("short");
  });
});

describe("describeDeliveryOutcome", () => {
  it("records nothing for a success", () => {
    expect(describeDeliveryOutcome(answer(200, "ok"))).toBeNull();
  });

  it("keeps the status and a short clean excerpt of an error body, never the whole body", () => {
    const described = describeDeliveryOutcome(answer(500, `{"secret":"x"}\n${"y".repeat(1_000)}`)) ?? "";
    expect(described.startsWith('HTTP 500: {"secret":"x"} yyy')).toBe(true);
    expect(described.length).toBeLessThanOrEqual("HTTP 500: ".length + ERROR_EXCERPT_CHARS);
    expect(describeDeliveryOutcome(answer(503))).toBe("HTTP 503");
  });

  it("describes a redirect and a request that got no answer in our own words", () => {
    expect(describeDeliveryOutcome(answer(302, "moved", { error: "redirect_not_followed", errorMessage: "Redirect (302) not followed" }))).toBe(
      "HTTP 302: Redirect (302) not followed",
    );
    expect(describeDeliveryOutcome(answer(null, "", { error: "timeout", errorMessage: "No complete response within 10 ms" }))).toBe("No complete response within 10 ms");
    expect(describeDeliveryOutcome(null, "Endpoint is disabled")).toBe("Endpoint is disabled");
  });
});
