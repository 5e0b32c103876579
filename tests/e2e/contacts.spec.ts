import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { demoUser, signIn } from "./fixtures";

test.describe("contact lists", () => {
  test("upload a CSV with a preview, review the invalid numbers and fix one inline", async ({ page }) => {
    const name = `E2E list ${randomBytes(3).toString("hex")}`;
    await signIn(page, demoUser.email, demoUser.password);
    await page.goto("/contacts/new");
    await page.getByLabel("List name").fill(name);
    const csv = "\uFEFFfirst_name,mobile,town\r\nAmina,0712 345 678,Nairobi\r\nBaraka,0733-000-111,Kisumu\r\nChausiku,not a number,Mombasa\r\nDaudi,020 222 2222,Nakuru\r\n";
    await page.locator("#csv-file").setInputFiles({ name: "customers.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await expect(page.getByRole("cell", { name: "Chausiku" })).toBeVisible();
    await expect(page.getByLabel("Phone number column")).toHaveValue("mobile");
    await page.getByRole("button", { name: "Upload and validate" }).click();

    await expect(page).toHaveURL(/\/contacts\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(page.getByTestId("valid-count")).toHaveText("2");
    await expect(page.getByTestId("invalid-count")).toHaveText("2");
    await expect(page.getByText("Not a phone number (letters or symbols).")).toBeVisible();
    await expect(page.getByText(/not a mobile number/i)).toBeVisible();

    const fix = page.getByLabel("Fix number not a number");
    await fix.fill("0722 555 666");
    await fix.locator("xpath=ancestor::form").getByRole("button", { name: "Fix" }).click();
    await expect(page.getByTestId("valid-count")).toHaveText("3");
    await expect(page.getByTestId("invalid-count")).toHaveText("1");
    await expect(page.getByLabel("Fix number not a number")).toHaveCount(0);

    await page.goto("/contacts");
    await expect(page.getByRole("link", { name })).toBeVisible();
  });
});
