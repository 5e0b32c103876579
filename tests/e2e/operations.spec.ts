import { randomInt } from "node:crypto";
import { expect, test } from "@playwright/test";
import { addSmppSimulatorRules, demoUser, mainNav, operatorUser, signIn, signUp } from "./fixtures";

function simulatorUrl(): string {
  const url = process.env.E2E_SIMULATOR_URL;
  if (!url) throw new Error("E2E_SIMULATOR_URL is not set: run the e2e suite through the test runner script");
  return url;
}

/** Makes the simulator answer HTTP 503 to the first `times` sends to one number (other numbers are unaffected). */
async function failSendsTo(mobileSuffix: string, times: number): Promise<void> {
  const config = (await (await fetch(`${simulatorUrl()}/admin/config`)).json()) as { rules: unknown[] };
  const response = await fetch(`${simulatorUrl()}/admin/config`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ rules: [...config.rules, { mobileSuffix, fail: { http: 503 }, failTimes: times }] }),
  });
  expect(response.ok).toBe(true);
}

test.describe("operations", () => {
  test("the dead-letter page replays a message parked while the provider was down", async ({ page }) => {
    const operator = operatorUser;
    // The demo account's operator sends to a number whose first three attempts (all the worker makes) fail.
    const national = `0712${randomInt(100_000, 999_999)}`;
    await failSendsTo(national.slice(1), 3);
    // Both providers of the route are down for this number while the worker tries: the SMPP one throttles it.
    await addSmppSimulatorRules([{ mobileSuffix: national.slice(1), fail: { status: 0x58 }, failTimes: 3 }]);
    await signIn(page, operator.email, operator.password);
    await page.goto("/send");
    await page.getByLabel("To").fill(national);
    await page.getByLabel("Sender ID").selectOption(demoUser.senderId);
    await page.getByLabel("Message").fill("Parcel 77 is waiting at the counter.");
    await page.getByRole("button", { name: "Send message" }).click();
    await page.getByRole("link", { name: "Follow this message" }).click();
    await expect(page).toHaveURL(/\/messages\/[0-9a-f-]{36}$/);
    const messageUrl = page.url();
    const messageId = messageUrl.split("/").at(-1)!;

    await mainNav(page).getByRole("link", { name: "Dead letters" }).click();
    await expect(page).toHaveURL(/\/operator\/dead-letters$/);
    const parked = page.locator(`[data-testid="dead-letter-row"][data-message-id="${messageId}"]`);
    await expect(async () => {
      await page.reload();
      await expect(parked).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 45_000 });
    await expect(parked).toContainText(/provider_http_5xx|smpp_throttled/);

    await page.getByRole("button", { name: "Replay", exact: true }).click();
    await expect(page.getByText(/Replayed \d+ messages?: back in the send queue\./)).toBeVisible();
    await expect(parked).toHaveCount(0);

    await page.goto(messageUrl);
    const timeline = page.getByTestId("message-timeline");
    await expect(async () => {
      await page.reload();
      await expect(timeline).toContainText("Sent", { timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    await expect(timeline).toContainText("Sending again after the provider recovered");
  });

  test("the audit log lists an API key the user created", async ({ page }) => {
    const user = await signUp(page);
    const keyName = `Audit key ${randomInt(1_000, 9_999)}`;
    await page.goto("/api-keys");
    await page.getByLabel("Key name").fill(keyName);
    await page.getByRole("button", { name: "Create key" }).click();
    await expect(page.getByTestId("issued-key-value")).toBeVisible();

    await mainNav(page).getByRole("link", { name: "Audit log" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
    const created = page.getByTestId("audit-row").filter({ hasText: "api_key.create" }).filter({ hasText: keyName });
    await expect(created).toHaveCount(1);
    await expect(created).toContainText(user.email);

    await page.getByLabel("Action").selectOption("api_key.revoke");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page.getByText("No audit events")).toBeVisible();
  });
});
