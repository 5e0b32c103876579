import { randomBytes, randomInt } from "node:crypto";
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import Papa from "papaparse";
import { mainNav, signUp } from "./fixtures";
import { accountIdOf, seedMessages, seedTopUp } from "./seed-db";

async function downloadCsv(page: Page, click: () => Promise<void>): Promise<string[][]> {
  const [download] = await Promise.all([page.waitForEvent("download"), click()]);
  const path = await download.path();
  const parsed = Papa.parse<string[]>((await readFile(path, "utf8")).trim(), { skipEmptyLines: true });
  return parsed.data;
}

test.describe("portal analytics, search and exports", () => {
  test("the overview charts a seeded history and gives the delivery rate per network", async ({ page }) => {
    const user = await signUp(page);
    const accountId = await accountIdOf(user.email);
    await seedMessages(accountId, [
      { daysAgo: 0, status: "delivered", operator: "Safaricom" },
      { daysAgo: 1, status: "delivered", operator: "Safaricom" },
      { daysAgo: 2, status: "delivered", operator: "Safaricom" },
      { daysAgo: 3, status: "failed", operator: "Safaricom" },
      { daysAgo: 1, status: "delivered", operator: "Airtel", cost: 70 },
      { daysAgo: 4, status: "undeliverable", operator: "Airtel", cost: 70 },
      { daysAgo: 5, status: "delivered", operator: "Telkom", cost: 90 },
    ]);
    await page.goto("/?range=7d");
    await expect(page.getByTestId("period-messages")).toHaveText("7");
    await expect(page.getByTestId("period-delivery-rate")).toHaveText("71.4%");
    await expect(page.getByTestId("period-spent")).toHaveText("KES 4.00");
    const rows = page.getByTestId("network-row");
    await expect(rows.filter({ hasText: "Safaricom" }).getByTestId("network-rate")).toHaveText("75.0%");
    await expect(rows.filter({ hasText: "Airtel" }).getByTestId("network-rate")).toHaveText("50.0%");
    await expect(rows.filter({ hasText: "Telkom" }).getByTestId("network-rate")).toHaveText("100.0%");
    await expect(page.getByTestId("overall-rate")).toHaveText("71.4%");
    // recharts draws one rectangle per non-empty (day, status) stack segment.
    await expect.poll(() => page.getByTestId("outcome-chart").locator(".recharts-bar-rectangle").count()).toBeGreaterThanOrEqual(6);
    await expect(page.getByTestId("spend-chart").locator(".recharts-area")).toHaveCount(1);

    await page.getByRole("link", { name: "90 days" }).click();
    await expect(page).toHaveURL(/range=90d/);
    await expect(page.getByTestId("period-messages")).toHaveText("7");
  });

  test("searches messages by text and network and exports the filtered set as CSV", async ({ page }) => {
    const user = await signUp(page);
    const accountId = await accountIdOf(user.email);
    const token = `Invoice${randomBytes(3).toString("hex")}`;
    await seedMessages(accountId, [
      { daysAgo: 0, status: "delivered", operator: "Safaricom", body: `${token} paid, thank you`, to: "+254712000201" },
      { daysAgo: 1, status: "failed", operator: "Airtel", body: `${token} is due`, to: "+254733000202" },
      { daysAgo: 2, status: "delivered", operator: "Airtel", body: `Reminder ${token.toLowerCase()} tomorrow`, to: "+254733000203" },
      { daysAgo: 0, status: "delivered", operator: "Safaricom", body: "Something else entirely", to: "+254712000204" },
    ]);
    await mainNav(page).getByRole("link", { name: "Messages" }).click();
    await expect(page.getByTestId("message-row")).toHaveCount(4);
    await page.getByLabel("Search").fill(token);
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page.getByTestId("message-row")).toHaveCount(3);
    await page.getByLabel("Network").selectOption("Airtel");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page.getByTestId("message-row")).toHaveCount(2);
    await expect(page.getByTestId("message-row").first().getByTestId("message-status")).toHaveText("Failed");

    const csv = await downloadCsv(page, () => page.getByRole("link", { name: "Export CSV" }).click());
    const [header, ...rows] = csv;
    expect(header).toContain("recipient");
    expect(rows).toHaveLength(2);
    const column = (name: string) => header.indexOf(name);
    // A leading "+" is quoted with an apostrophe so spreadsheets read the number as text, not a formula.
    expect(rows.map((row) => row[column("recipient")]).sort()).toEqual(["'+254733000202", "'+254733000203"]);
    expect(rows.map((row) => row[column("status")]).sort()).toEqual(["Delivered", "Failed"]);
    expect(rows.every((row) => row[column("network")] === "Airtel")).toBe(true);
    expect(rows[0][column("created")]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);

    await page.getByLabel("Search").fill("0712 000 204");
    await page.getByLabel("Network").selectOption("");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page.getByTestId("message-row")).toHaveCount(1);
    await expect(page.getByTestId("message-row")).toContainText("+254712000204");
  });

  test("billing shows the rate card, filters and exports the ledger, and gives a monthly statement", async ({ page }) => {
    const user = await signUp(page);
    const accountId = await accountIdOf(user.email);
    const note = `M-Pesa ${randomBytes(3).toString("hex").toUpperCase()}`;
    await seedTopUp(accountId, 125_050, note);
    await seedMessages(accountId, [{ daysAgo: 0, status: "delivered", operator: "Safaricom" }]);
    await mainNav(page).getByRole("link", { name: "Billing" }).click();
    await expect(page.getByTestId("rate-row").first()).toBeVisible();
    await expect(page.getByTestId("ledger-row")).toHaveCount(2);

    await page.getByLabel("Type").selectOption("topup");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page.getByTestId("ledger-row")).toHaveCount(1);
    await expect(page.getByTestId("ledger-row")).toContainText(note);
    const ledger = await downloadCsv(page, () => page.getByRole("link", { name: "Export CSV" }).click());
    expect(ledger[0]).toEqual(["id", "time", "type", "amount_kes", "message_id", "campaign_id", "description"]);
    expect(ledger.slice(1)).toHaveLength(1);
    expect(ledger[1].slice(2, 4)).toEqual(["topup", "1250.50"]);
    expect(ledger[1][6]).toBe(note);

    const statement = await downloadCsv(page, () => page.getByRole("button", { name: "Download statement (CSV)" }).click());
    expect(statement).toContainEqual(["credit", "topped_up", "", "", "", "", "", "", "1250.50"]);
    expect(statement).toContainEqual(["network", "Safaricom", "1", "1", "0", "0", "100.0", "1", "0.80"]);
  });

  test("a message's detail page moves from Sent to Delivered without a reload", async ({ page, request }) => {
    const user = await signUp(page);
    const accountId = await accountIdOf(user.email);
    const providerMessageId = String(randomInt(100_000_000, 999_999_999));
    const [messageId] = await seedMessages(accountId, [{ daysAgo: 0, status: "sent", operator: "Safaricom", providerMessageId }]);
    await page.goto(`/messages/${messageId}`);
    const status = page.getByTestId("message-status").first();
    await expect(status).toHaveText("Sent");
    await expect(page.getByTestId("live-refresh")).toHaveAttribute("data-active", "true");

    const nairobiNow = new Date(Date.now() + 3 * 3600 * 1000).toISOString().slice(0, 19).replace("T", " ");
    const response = await request.post("/api/callbacks/celcom/dlr", {
      headers: { "x-callback-token": process.env.DLR_CALLBACK_TOKEN ?? "dev-dlr-callback-token" },
      data: { description: "DeliveredToTerminal", messageid: providerMessageId, timeTaken: "4s", timestamp: nairobiNow },
    });
    expect(response.status()).toBe(200);
    await expect(status).toHaveText("Delivered", { timeout: 20_000 });
    await expect(page.getByTestId("live-refresh")).toHaveAttribute("data-active", "false");
  });

  test("unknown ids and paths show the branded 404 inside the portal", async ({ page }) => {
    await signUp(page);
    for (const path of ["/messages/00000000-0000-4000-8000-000000000000", "/messages/not-an-id", "/campaigns/00000000-0000-4000-8000-000000000000", "/no-such-page"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
      await expect(page.getByTestId("not-found")).toContainText("Back to the overview");
      await expect(mainNav(page).getByRole("link", { name: "Overview" })).toBeVisible();
    }
    await expect(page.locator('link[rel="icon"]').first()).toHaveAttribute("href", /icon/);
  });
});
