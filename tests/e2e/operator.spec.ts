import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { mainNav, operatorUser, signIn, signUp } from "./fixtures";

test.describe("operator console", () => {
  test("an operator rejects without a reason only after giving one, approves, and tops up a customer", async ({ browser }) => {
    const customerContext = await browser.newContext();
    const customerPage = await customerContext.newPage();
    const customer = await signUp(customerPage);
    const senderIdValue = `OP${randomBytes(3).toString("hex").toUpperCase()}`;
    await customerPage.goto("/sender-ids");
    await customerPage.getByLabel("Sender ID", { exact: true }).fill(senderIdValue);
    await customerPage.getByRole("button", { name: "Request sender ID" }).click();
    await expect(customerPage.getByTestId("sender-id-row").filter({ hasText: senderIdValue })).toContainText("Pending");

    const operatorContext = await browser.newContext();
    const page = await operatorContext.newPage();
    await signIn(page, operatorUser.email, operatorUser.password);
    await mainNav(page).getByRole("link", { name: "Sender ID requests" }).click();
    const request = page.getByTestId("pending-sender-id-row").filter({ hasText: senderIdValue });
    await expect(request).toContainText(customer.accountName);
    // The reason is labelled as what it is: required to reject, not optional.
    await expect(request.getByLabel("Reason (required to reject)")).toBeVisible();
    await expect(request.getByText("(optional)")).toHaveCount(0);
    await request.getByRole("button", { name: `Reject ${senderIdValue}` }).click();
    await expect(request.getByText("Give the customer a reason for the rejection")).toBeVisible();
    await request.getByRole("button", { name: `Approve ${senderIdValue}` }).click();
    await expect(page.getByTestId("pending-sender-id-row").filter({ hasText: senderIdValue })).toHaveCount(0);

    await customerPage.reload();
    await expect(customerPage.getByTestId("sender-id-row").filter({ hasText: senderIdValue })).toContainText("Approved");

    await mainNav(page).getByRole("link", { name: "Accounts" }).click();
    await page.getByLabel("Search by name or user email").fill(customer.email);
    await page.getByRole("button", { name: "Search" }).click();
    const row = page.getByTestId("operator-account-row");
    await expect(row).toHaveCount(1);
    await row.getByLabel(`Amount in KES for ${customer.accountName}`).fill("12.345");
    await row.getByRole("button", { name: `Top up ${customer.accountName}` }).click();
    await expect(row.getByText("Enter an amount in KES")).toBeVisible();
    await row.getByLabel(`Amount in KES for ${customer.accountName}`).fill("1,250.50");
    await row.getByLabel(`Note for ${customer.accountName}`).fill("M-Pesa QX12");
    await row.getByRole("button", { name: `Top up ${customer.accountName}` }).click();
    // Money moves only after the confirmation that repeats amount and account.
    await expect(row.getByText(`Add KES 1,250.50 to ${customer.accountName}?`)).toBeVisible();
    await row.getByRole("button", { name: "Confirm top-up" }).click();
    await expect(row.getByText("Added KES 1,250.50.")).toBeVisible();
    await expect(row).toContainText("KES 1,250.50");

    await customerPage.goto("/billing");
    const entry = customerPage.getByTestId("ledger-row").first();
    await expect(entry).toContainText("Top-up");
    await expect(entry).toContainText("KES 1,250.50");
    await expect(entry).toContainText("M-Pesa QX12");

    await customerContext.close();
    await operatorContext.close();
  });
});
