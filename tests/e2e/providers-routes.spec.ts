import { randomInt } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { addSimulatorRules, demoUser, mainNav, operatorUser, signIn, signUp } from "./fixtures";

async function sendFromPortal(page: Page, to: string): Promise<void> {
  await page.goto("/send");
  await page.getByLabel("To").fill(to);
  await page.getByLabel("Sender ID").selectOption(demoUser.senderId);
  await page.getByLabel("Message").fill("Route check.");
  await page.getByRole("button", { name: "Send message" }).click();
  await expect(page.getByText(/Message accepted for sending/)).toBeVisible();
}

async function setKenyaRoute(page: Page, providers: [string, string]): Promise<void> {
  const route = page.getByTestId("route-KE");
  await route.getByLabel("Provider 1 of KE").selectOption(providers[0]);
  await route.getByLabel("Provider 2 of KE").selectOption(providers[1]);
  await route.getByRole("button", { name: "Save route" }).click();
  await expect(route.getByText(`Route KE saved: ${providers[0]} → ${providers[1]} (priority).`)).toBeVisible();
}

test.describe("operator providers and routes", () => {
  test("operator changes a route and sees provider status", async ({ page }) => {
    // The breaker must open, then half-open after its 30 s cool-down and close again for the other specs.
    test.setTimeout(240_000);
    await signIn(page, operatorUser.email, operatorUser.password);
    // Celcom answers 503 for these numbers (every try), so its breaker opens; the SMPP provider takes the messages.
    const numbers = Array.from({ length: 6 }, () => `0713${randomInt(100_000, 999_999)}`);
    await addSimulatorRules(numbers.map((number) => ({ mobileSuffix: number.slice(1), fail: { http: 503 }, failTimes: 20 })));
    for (const number of numbers) await sendFromPortal(page, number);

    await mainNav(page).getByRole("link", { name: "Providers" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Providers" })).toBeVisible();
    const celcom = page.getByTestId("provider-celcom-sim");
    await expect(page.getByTestId("provider-smpp-sim")).toBeVisible();
    await expect(async () => {
      await page.reload();
      await expect(celcom.getByTestId("provider-state")).toHaveText(/^(Open|Half-open)$/, { timeout: 1_000 });
    }).toPass({ timeout: 60_000 });
    await expect(celcom).not.toContainText("apiKey");

    await mainNav(page).getByRole("link", { name: "Routes" }).click();
    await setKenyaRoute(page, ["smpp-sim", "celcom-sim"]);
    await page.reload();
    await expect(page.getByTestId("route-KE").getByLabel("Provider 1 of KE")).toHaveValue("smpp-sim");
    await expect(page.getByTestId("route-KE").getByLabel("Provider 2 of KE")).toHaveValue("celcom-sim");
    // Back as the other specs expect it.
    await setKenyaRoute(page, ["celcom-sim", "smpp-sim"]);

    // The breaker half-opens after 30 s; a message to a healthy number closes it again.
    await expect(async () => {
      await sendFromPortal(page, `0714${randomInt(100_000, 999_999)}`);
      await page.goto("/operator/providers");
      await expect(celcom.getByTestId("provider-state")).toHaveText("Closed", { timeout: 5_000 });
    }).toPass({ timeout: 120_000, intervals: [5_000] });
  });

  test("non-operators get the not-found page", async ({ page }) => {
    await signUp(page);
    for (const path of ["/operator/providers", "/operator/routes"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    }
  });
});
