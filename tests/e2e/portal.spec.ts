import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { demoUser, mainNav, signIn, signUp } from "./fixtures";

function uniqueSenderId(): string {
  return `T${randomBytes(4).toString("hex").toUpperCase()}`;
}

test.describe("portal foundation", () => {
  test("the demo account shows its credit, approved sender ID and top-up in the ledger", async ({ page }) => {
    await signIn(page, demoUser.email, demoUser.password);
    await expect(page.getByTestId("balance-available")).not.toHaveText("KES 0.00");
    await expect(page.getByText(`Approved: `)).toContainText(demoUser.senderId);

    await page.getByRole("link", { name: "Sender IDs" }).click();
    const approved = page.getByTestId("sender-id-row").filter({ hasText: demoUser.senderId });
    await expect(approved).toContainText("Approved");

    await page.getByRole("link", { name: "Billing" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Billing" })).toBeVisible();
    await expect(page.getByTestId("ledger-row").filter({ hasText: "Top-up" }).first()).toContainText(/KES [\d,]+\.\d{2}/);
    await page.getByLabel("Type").selectOption("topup");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/type=topup/);
    await expect(page.getByLabel("Type")).toHaveValue("topup");
    for (const row of await page.getByTestId("ledger-row").all()) await expect(row).toContainText("Top-up");
  });

  test("a new account requests a sender ID and sees it pending; bad and duplicate requests are refused", async ({ page }) => {
    await signUp(page);
    await page.getByRole("link", { name: "Sender IDs" }).click();
    await expect(page.getByText("No sender IDs yet")).toBeVisible();

    await page.getByLabel("Sender ID", { exact: true }).fill("A!");
    await page.getByRole("button", { name: "Request sender ID" }).click();
    await expect(page.getByText("Sender ID must be at least 3 characters")).toBeVisible();

    const value = uniqueSenderId();
    await page.getByLabel("Sender ID", { exact: true }).fill(value);
    await page.getByLabel("Purpose").fill("Order notifications");
    await page.getByRole("button", { name: "Request sender ID" }).click();
    await expect(page.getByText(`Requested “${value}”`)).toBeVisible();
    await expect(page.getByTestId("sender-id-row").filter({ hasText: value })).toContainText("Pending");

    await page.getByLabel("Sender ID", { exact: true }).fill(value);
    await page.getByRole("button", { name: "Request sender ID" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "already been requested" })).toBeVisible();
    await expect(page.getByTestId("sender-id-row")).toHaveCount(1);
  });

  test("API keys can be rotated (old key expires later) and revoked after confirmation", async ({ page }) => {
    await signUp(page);
    await page.goto("/api-keys");
    await page.getByLabel("Key name").fill("Rotating key");
    await page.getByRole("button", { name: "Create key" }).click();
    await expect(page.getByTestId("issued-key-value")).toBeVisible();
    const original = page.getByTestId("api-key-row").filter({ hasText: "Rotating key" });
    await expect(original).toHaveCount(1);

    await original.getByRole("button", { name: "Rotate" }).click();
    await page.getByRole("button", { name: "Rotate key" }).click();
    await expect(page.getByText("Replacement key for “Rotating key”")).toBeVisible();
    await expect(page.getByText("The key it replaces keeps working for 24 hours.")).toBeVisible();
    const rows = page.getByTestId("api-key-row").filter({ hasText: "Rotating key" });
    await expect(rows).toHaveCount(2);
    await expect(rows.filter({ hasText: "Expires" })).toHaveCount(1);
    await expect(rows.filter({ hasText: "Active" })).toHaveCount(1);

    const active = rows.filter({ hasText: "Active" });
    await active.getByRole("button", { name: "Revoke" }).click();
    await page.getByRole("button", { name: "Cancel" }).click();
    await expect(rows.filter({ hasText: "Active" })).toHaveCount(1);
    await active.getByRole("button", { name: "Revoke" }).click();
    await page.getByRole("button", { name: "Revoke key" }).click();
    await expect(page.getByText("Requests using it are now refused.")).toBeVisible();
    await expect(rows.filter({ hasText: "Revoked" })).toHaveCount(1);
    await expect(rows.filter({ hasText: "Active" })).toHaveCount(0);
  });

  test("settings change the account name, country and time zone with validation", async ({ page }) => {
    await signUp(page);
    await page.getByRole("link", { name: "Settings" }).click();
    await expect(page.getByLabel("Time zone")).toHaveValue("Africa/Nairobi");
    await expect(page.getByLabel("Default country")).toHaveValue("KE");

    await page.getByLabel("Account name").fill("A");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByText("Account name is required")).toBeVisible();

    const renamed = `Renamed ${randomBytes(3).toString("hex")}`;
    await page.getByLabel("Account name").fill(renamed);
    await page.getByLabel("Default country").selectOption("UG");
    await page.getByLabel("Time zone").selectOption("Africa/Kampala");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByText("Settings saved.")).toBeVisible();
    await expect(page.getByTestId("account-name")).toHaveText(renamed);

    await page.reload();
    await expect(page.getByLabel("Account name")).toHaveValue(renamed);
    await expect(page.getByLabel("Default country")).toHaveValue("UG");
    await expect(page.getByLabel("Time zone")).toHaveValue("Africa/Kampala");
  });

  test("operator pages are closed to customers", async ({ page }) => {
    await signUp(page);
    await expect(page.getByRole("link", { name: "Sender ID requests" })).toHaveCount(0);
    // Operator pages do not reveal that they exist: a customer gets the portal's not-found page.
    for (const path of ["/operator/accounts", "/operator/sender-ids", "/operator/providers"]) {
      await page.goto(path);
      await expect(page.getByText("Page not found")).toBeVisible();
    }
  });

  test("on a phone the navigation collapses behind a menu button", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signUp(page);
    const menu = page.getByRole("button", { name: "Menu" });
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(mainNav(page)).toHaveCount(0);
    await menu.click();
    await expect(page.getByRole("button", { name: "Close menu" })).toHaveAttribute("aria-expanded", "true");
    await mainNav(page).getByRole("link", { name: "Billing" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Billing" })).toBeVisible();
    await expect(mainNav(page)).toHaveCount(0);
    await page.getByRole("button", { name: "Menu" }).click();
    await expect(mainNav(page).getByRole("link", { name: "Billing" })).toHaveAttribute("aria-current", "page");
    await expect(mainNav(page).getByRole("link", { name: "Overview" })).not.toHaveAttribute("aria-current", "page");
  });
});
