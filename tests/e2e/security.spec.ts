import { randomBytes } from "node:crypto";
import { expect, test, type APIResponse, type Page } from "@playwright/test";
import { demoUser, mainNav, signIn, signOut, signUp } from "./fixtures";

function expectCommonHeaders(response: APIResponse): void {
  const headers = response.headers();
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["strict-transport-security"]).toBeUndefined();
}

/** Fails the test on any CSP violation or script error the browser reports. */
function watchForBlockedContent(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy|Refused to/i.test(message.text())) problems.push(`${page.url()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(error.message));
  return problems;
}

/** Next.js's client runtime ran (its scripts were allowed): it sets window.next when it boots. */
async function expectHydrated(page: Page): Promise<void> {
  await page.waitForFunction(() => Boolean((window as unknown as { next?: { version?: string } }).next?.version));
}

test.describe("security headers", () => {
  test("pages get a nonce CSP that Next's scripts carry; API and /v1 responses a strict one", async ({ request }) => {
    const page = await request.get("/sign-in");
    expect(page.status()).toBe(200);
    expectCommonHeaders(page);
    const policy = page.headers()["content-security-policy"];
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toBeTruthy();
    expect(policy).toContain("'strict-dynamic'");
    expect(policy).not.toContain("unsafe-inline' 'nonce");
    const html = await page.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map(([tag]) => tag);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    // A fresh nonce per response.
    expect((await request.get("/sign-in")).headers()["content-security-policy"]).not.toBe(policy);

    for (const path of ["/api/health", "/v1/balance"]) {
      const response = await request.get(path);
      expectCommonHeaders(response);
      expect(response.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
    }
    expect((await request.get("/v1/balance")).status()).toBe(401);
  });

  test("HSTS only when the request came over https (as the reverse proxy reports it)", async ({ request }) => {
    for (const path of ["/sign-in", "/api/health", "/v1/balance"]) {
      const overHttps = await request.get(path, { headers: { "x-forwarded-proto": "https" }, maxRedirects: 0 });
      expect(overHttps.headers()["strict-transport-security"]).toMatch(/^max-age=\d{8,}/);
    }
  });

  test("the portal works with the CSP on: no violations, pages hydrate, forms and navigation run", async ({ page }) => {
    const problems = watchForBlockedContent(page);
    await page.goto("/sign-in");
    await expectHydrated(page);
    await signIn(page, demoUser.email, demoUser.password);
    await expectHydrated(page);
    // Every page of the navigation, reached by client-side navigation (the runtime must be running).
    for (const link of ["Send", "Messages", "Campaigns", "Contacts", "Sender IDs", "Webhooks", "API keys", "Billing", "Settings", "Overview"]) {
      await mainNav(page).getByRole("link", { name: link, exact: true }).click();
      await expect(page.getByRole("heading", { level: 1, name: link })).toBeVisible();
    }
    await page.goto("/no-such-page");
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await expectHydrated(page);
    expect(problems).toEqual([]);
  });
});

test.describe("sessions and sign-in throttling", () => {
  test("a copied session cookie stops working once the user signs out", async ({ page, browser }) => {
    const user = await signUp(page);
    const session = (await page.context().cookies()).find((cookie) => cookie.name.endsWith("authjs.session-token"));
    expect(session).toBeDefined();

    const thief = await browser.newContext();
    await thief.addCookies([session!]);
    const stolen = await thief.newPage();
    await stolen.goto("/billing");
    await expect(stolen.getByRole("heading", { level: 1, name: "Billing" })).toBeVisible();

    await signOut(page);
    await stolen.goto("/billing");
    await expect(stolen).toHaveURL(/\/sign-in/);
    await expect(stolen.getByRole("heading", { name: "Sign in" })).toBeVisible();
    await thief.close();

    await signIn(page, user.email, user.password);
  });

  test("changing the password ends the other sessions and keeps this one", async ({ page, browser }) => {
    const user = await signUp(page);
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await signIn(otherPage, user.email, user.password);

    await mainNav(page).getByRole("link", { name: "Settings" }).click();
    await page.getByLabel("Current password").fill(user.password);
    await page.getByLabel("New password").fill(`${user.password}-new`);
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByText("Password changed. Your other sessions have been signed out.")).toBeVisible();
    await expect(page).toHaveURL(/\/settings/);
    await page.goto("/billing");
    await expect(page.getByRole("heading", { level: 1, name: "Billing" })).toBeVisible();

    await otherPage.goto("/");
    await expect(otherPage).toHaveURL(/\/sign-in/);
    await otherPage.getByLabel("Email").fill(user.email);
    await otherPage.getByLabel("Password").fill(user.password);
    await otherPage.getByRole("button", { name: "Sign in" }).click();
    await expect(otherPage.getByRole("alert").filter({ hasText: "Invalid email or password." })).toBeVisible();
    await signIn(otherPage, user.email, `${user.password}-new`);
    await other.close();
  });

  test.describe("from one client address", () => {
    // The client address as a reverse proxy reports it; its own, so the suite's other sign-ins
    // (all from 127.0.0.1) are not throttled by this test's failures.
    test.use({ extraHTTPHeaders: { "x-forwarded-for": `2001:db8::${randomBytes(2).toString("hex")}:${randomBytes(2).toString("hex")}` } });

    test("the 11th wrong password is refused with a wait time, on the form and the credentials endpoint", async ({ page }) => {
      const user = await signUp(page);
      await signOut(page);
      for (let failure = 1; failure <= 10; failure++) {
        await page.getByLabel("Email").fill(user.email);
        await page.getByLabel("Password").fill(`wrong-password-${failure}`);
        await page.getByRole("button", { name: "Sign in" }).click();
        // React clears the password field once the action has answered.
        await expect(page.getByLabel("Password")).toHaveValue("");
        await expect(page.locator("form").getByRole("alert")).toHaveText("Invalid email or password.");
      }
      // Now even the right password is refused until the window ends.
      await page.getByLabel("Email").fill(user.email);
      await page.getByLabel("Password").fill(user.password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.locator("form").getByRole("alert")).toHaveText(/^Too many sign-in attempts\. Try again in 1[45] minutes\.$/);
      await expect(page).toHaveURL(/\/sign-in/);

      const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
      const direct = await page.request.post("/api/auth/callback/credentials", {
        form: { email: user.email, password: user.password, csrfToken },
        maxRedirects: 0,
      });
      expect(direct.status()).toBe(429);
      expect(Number(direct.headers()["retry-after"])).toBeGreaterThan(0);
      expect((await direct.json()).error.code).toBe("rate_limited");
    });
  });
});
