import { randomBytes, randomInt } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import { demoUser } from "./fixtures";

/** Kenyan mobiles in local form that no other run uses (prefix 07xx, random subscriber part). */
export function uniqueMobiles(count: number, prefix = "0712"): string[] {
  const base = randomInt(100_000, 900_000 - count);
  return Array.from({ length: count }, (_, index) => `${prefix}${String(base + index).padStart(6, "0")}`);
}

/** A validated list of numbers pasted in the portal; answers its name and id. */
export async function createReadyList(page: Page, numbers: string[], label = "E2E list"): Promise<{ name: string; id: string }> {
  const name = `${label} ${randomBytes(3).toString("hex")}`;
  await page.goto("/contacts/new");
  await page.getByRole("tab", { name: "Paste numbers" }).click();
  await page.getByLabel("List name").fill(name);
  await page.getByLabel("Numbers").fill(numbers.join("\n"));
  await page.getByRole("button", { name: "Upload and validate" }).click();
  await expect(page).toHaveURL(/\/contacts\/[0-9a-f-]{36}$/);
  await expect(page.getByText("Ready", { exact: true }).first()).toBeVisible({ timeout: 60_000 });
  const id = /\/contacts\/([0-9a-f-]{36})$/.exec(page.url())![1];
  return { name, id };
}

/** The wizard filled in for a list, without reviewing the cost yet. */
export async function composeCampaign(page: Page, listName: string, campaignName: string, body: string) {
  await page.goto("/campaigns/new");
  await page.getByLabel("Campaign name").fill(campaignName);
  const listSelect = page.getByLabel("Contact list");
  const listValue = await listSelect.locator("option", { hasText: listName }).getAttribute("value");
  await listSelect.selectOption(listValue!);
  await page.getByLabel("Sender ID").selectOption(demoUser.senderId);
  await page.getByLabel("Message").fill(body);
  await expect(page.getByTestId("campaign-preview").first()).toContainText(body);
}

/** "YYYY-MM-DD" of the day after today in a time zone. */
export function tomorrowIn(timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(Date.now() + 24 * 3_600_000));
  return parts;
}
