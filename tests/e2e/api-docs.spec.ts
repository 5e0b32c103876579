import { expect, test } from "@playwright/test";

// The API reference is public, renders from our own origin under the page CSP, and reads the
// document that /v1/openapi.json serves without an API key.

test.describe("API reference", () => {
  test("/v1/openapi.json is served without authentication", async ({ request }) => {
    const response = await request.get("/v1/openapi.json");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("application/json");
    const document = (await response.json()) as { openapi: string; paths: Record<string, unknown>; webhooks: Record<string, unknown> };
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths)).toContain("/v1/messages");
    expect(Object.keys(document.webhooks)).toContain("message.delivered");
  });

  test("/docs renders the reference signed out, from our origin, with no CSP violation", async ({ page, baseURL }) => {
    const problems: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error" && /Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text());
    });
    page.on("pageerror", (error) => problems.push(error.message));
    const foreign: string[] = [];
    page.on("request", (request) => {
      const url = request.url();
      if (!url.startsWith(baseURL!) && !url.startsWith("data:") && !url.startsWith("blob:")) foreign.push(url);
    });

    const response = await page.goto("/docs");
    expect(response?.status()).toBe(200);
    expect(page.url()).toContain("/docs");
    // Scripts only with this response's nonce; styles may be inline here (lib/security/headers.ts INLINE_STYLE_PATHS).
    const scriptSrc = response?.headers()["content-security-policy"]?.split("; ").find((directive) => directive.startsWith("script-src "));
    expect(scriptSrc).toMatch(/^script-src 'self' 'nonce-[^']+' 'strict-dynamic'$/);
    await expect(page.getByText("Send a message").first()).toBeVisible();
    await expect(page.getByText("Sema Link API").first()).toBeVisible();
    expect(problems).toEqual([]);
    expect(foreign).toEqual([]);
  });
});
