import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { composeCampaign } from "./campaign-helpers";
import { addSimulatorRules, addSmppSimulatorRules, demoUser, signIn } from "./fixtures";

/** A validated list of Kenyan mobiles, pasted in the portal. */
async function createReadyList(page: Page, numbers: string[]): Promise<string> {
  const name = `E2E campaign list ${randomBytes(3).toString("hex")}`;
  await page.goto("/contacts/new");
  await page.getByRole("tab", { name: "Paste numbers" }).click();
  await page.getByLabel("List name").fill(name);
  await page.getByLabel("Numbers").fill(numbers.join("\n"));
  await page.getByRole("button", { name: "Upload and validate" }).click();
  await expect(page.getByTestId("valid-count")).toHaveText(String(numbers.length));
  // Counts fill in chunk by chunk; the list is usable once validation has finished (ready).
  await expect(page.getByRole("link", { name: "Send a campaign" })).toBeVisible();
  return name;
}

test.describe("campaigns", () => {
  test("schedule a campaign in the account's timezone, see its cost, then cancel it", async ({ page }) => {
    await signIn(page, demoUser.email, demoUser.password);
    const listName = await createReadyList(page, ["0712 000 101", "0712 000 102", "0733 000 103"]);
    const campaignName = `Scheduled ${randomBytes(3).toString("hex")}`;
    await composeCampaign(page, listName, campaignName, "Our shop opens tomorrow at 9.");
    await page.getByLabel("Schedule").check();
    await expect(page.getByLabel(/Send at \(Africa\/Nairobi\)/)).toBeVisible();
    await page.getByRole("button", { name: "Review cost" }).click();
    await expect(page.getByTestId("campaign-estimate")).toContainText("3 recipients");
    await expect(page.getByTestId("campaign-estimate")).toContainText("KES 2.30");
    await page.getByRole("button", { name: "Confirm and create campaign" }).click();

    await expect(page).toHaveURL(/\/campaigns\/[0-9a-f-]{36}/);
    await expect(page.getByRole("heading", { level: 1, name: campaignName })).toBeVisible();
    await expect(page.getByTestId("campaign-status")).toHaveText("Scheduled", { timeout: 30_000 });
    await page.getByRole("button", { name: "Cancel campaign" }).click();
    await page.getByRole("button", { name: "Cancel and refund" }).click();
    await expect(page.getByTestId("campaign-status")).toHaveText("Cancelled");
    await expect(page.getByRole("button", { name: "Cancel campaign" })).toHaveCount(0);
  });

  test("send a campaign now and watch each number reach the outcome the simulator gives it", async ({ page }) => {
    test.setTimeout(180_000);
    // Per-number simulator rules: two delivered, one the network cannot deliver, one refused at send.
    await addSimulatorRules([
      { mobileSuffix: "712900201", dlr: "DeliveredToTerminal" },
      { mobileSuffix: "712900202", dlr: "DeliveredToTerminal" },
      { mobileSuffix: "733900203", dlr: "DeliveryImpossible" },
      { mobileSuffix: "722900204", fail: { code: 1002 } },
    ]);
    // 1002 (network not allowed) is Celcom's limit, so the router tries the route's second provider;
    // it refuses the number for good there.
    await addSmppSimulatorRules([{ mobileSuffix: "722900204", fail: { status: 0x0b } }]);
    await signIn(page, demoUser.email, demoUser.password);
    const listName = await createReadyList(page, ["0712 900 201", "0712 900 202", "0733 900 203", "0722 900 204"]);
    const campaignName = `Immediate ${randomBytes(3).toString("hex")}`;
    await composeCampaign(page, listName, campaignName, "Thank you for shopping with us today.");
    await page.getByRole("button", { name: "Review cost" }).click();
    await expect(page.getByTestId("campaign-estimate")).toContainText("4 recipients");
    await page.getByRole("button", { name: "Confirm and create campaign" }).click();

    await expect(page.getByRole("heading", { level: 1, name: campaignName })).toBeVisible();
    await expect(page.getByTestId("campaign-status")).toHaveText("Completed with failures", { timeout: 150_000 });
    await expect(page.getByRole("progressbar", { name: "Finished messages" })).toHaveAttribute("aria-valuenow", "100");
    const expected = { delivered: "2", undeliverable: "1", failed: "1", expired: "0", rejected: "0", sent: "0" };
    for (const [status, count] of Object.entries(expected)) {
      await expect(page.getByTestId(`count-${status}`)).toHaveText(count);
    }
  });
});
