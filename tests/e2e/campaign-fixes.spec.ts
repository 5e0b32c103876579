import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { addSimulatorRules, demoUser, signIn } from "./fixtures";
import { composeCampaign, createReadyList, tomorrowIn, uniqueMobiles } from "./campaign-helpers";

test.describe("campaign wizard and outcome", () => {
  test("the reviewed list and schedule survive the review step and are what gets created", async ({ page }) => {
    await signIn(page, demoUser.email, demoUser.password);
    const small = await createReadyList(page, uniqueMobiles(2), "Small");
    const large = await createReadyList(page, uniqueMobiles(3), "Large");
    await page.goto(`/campaigns/new?list=${small.id}`);
    const campaignName = `Chosen list ${randomBytes(3).toString("hex")}`;
    await page.getByLabel("Campaign name").fill(campaignName);
    await page.getByLabel("Contact list").selectOption(large.id);
    await page.getByLabel("Message").fill("Hello from the chosen list.");
    await page.getByLabel("Schedule").check();
    await page.getByLabel(/Send at/).fill(`${tomorrowIn("Africa/Nairobi")}T09:00`);
    await page.getByRole("button", { name: "Review cost" }).click();
    await expect(page.getByTestId("campaign-estimate")).toContainText("3 recipients");
    await expect(page.getByLabel("Contact list")).toHaveValue(large.id);
    await expect(page.getByLabel("Schedule")).toBeChecked();
    await page.getByRole("button", { name: "Confirm and create campaign" }).click();
    await expect(page.getByRole("heading", { level: 1, name: campaignName })).toBeVisible();
    await expect(page.getByText(`“${large.name}”`)).toBeVisible();
    // Bug 2: the time is shown in the account's zone, labelled.
    await expect(page.getByTestId("campaign-send-at")).toContainText("09:00 EAT");
    // Duplicate opens the wizard with everything copied.
    await page.getByRole("link", { name: "Duplicate" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Duplicate campaign" })).toBeVisible();
    await expect(page.getByLabel("Campaign name")).toHaveValue(`Copy of ${campaignName}`);
    await expect(page.getByLabel("Contact list")).toHaveValue(large.id);
    await expect(page.getByLabel("Message")).toHaveValue("Hello from the chosen list.");
    await page.goto("/campaigns");
    await expect(page.getByRole("row", { name: new RegExp(campaignName) })).toContainText("09:00 EAT");
  });

  test("a schedule in the past is refused at the field, and single braces are warned about", async ({ page }) => {
    await signIn(page, demoUser.email, demoUser.password);
    const list = await createReadyList(page, uniqueMobiles(1), "Past");
    await composeCampaign(page, list.name, `Past ${randomBytes(3).toString("hex")}`, "Hello {name}, welcome");
    await expect(page.getByTestId("placeholder-warning")).toContainText("{{name}}");
    await page.getByLabel("Schedule").check();
    await page.getByLabel(/Send at/).fill("2020-01-01T09:00");
    await expect(page.getByText("Choose a time in the future")).toBeVisible();
    await expect(page.getByRole("button", { name: "Review cost" })).toBeDisabled();
  });

  test("a campaign whose every message failed says so, with reasons, and retries the failed ones", async ({ page }) => {
    test.setTimeout(240_000);
    const numbers = uniqueMobiles(2, "0733");
    await addSimulatorRules(numbers.map((number) => ({ mobileSuffix: number.slice(1), dlr: "DeliveryImpossible" })));
    await signIn(page, demoUser.email, demoUser.password);
    const list = await createReadyList(page, numbers, "Failing");
    const campaignName = `All failed ${randomBytes(3).toString("hex")}`;
    await composeCampaign(page, list.name, campaignName, "This will not arrive.");
    await page.getByRole("button", { name: "Review cost" }).click();
    await expect(page.getByTestId("campaign-estimate")).toContainText("2 recipients");
    await page.getByRole("button", { name: "Confirm and create campaign" }).click();
    await expect(page.getByRole("heading", { level: 1, name: campaignName })).toBeVisible();
    await expect(page.getByTestId("campaign-status")).toHaveText("Failed", { timeout: 150_000 });
    await expect(page.getByTestId("campaign-outcome")).toContainText("0 delivered");
    await expect(page.getByTestId("campaign-outcome")).toContainText("2 failed");
    await page.getByRole("link", { name: /^Failed/ }).click();
    await expect(page.getByRole("columnheader", { name: "Reason" })).toBeVisible();
    await expect(page.getByRole("cell", { name: `+254${numbers[0].slice(1)}` })).toBeVisible();

    await page.getByRole("button", { name: "Retry failed messages" }).click();
    await page.getByRole("button", { name: "Retry 2 messages" }).click();
    await expect(page.getByText("Retrying 2 failed messages.")).toBeVisible();
    await expect(page.getByTestId("campaign-messages")).toHaveText("4");
  });
});
