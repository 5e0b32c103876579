import { expect, test } from "@playwright/test";
import { demoUser, signIn } from "./fixtures";
import { uniqueMobiles } from "./campaign-helpers";

test.describe("send form errors and reset", () => {
  test("names missing fields, forgets a fixed number's error and clears after sending", async ({ page }) => {
    await signIn(page, demoUser.email, demoUser.password);
    await page.goto("/send");
    await page.getByRole("button", { name: "Send message" }).click();
    await expect(page.getByText("Enter the recipient's phone number")).toBeVisible();
    await expect(page.getByText("Write a message")).toBeVisible();

    await page.getByLabel("To").fill("12345");
    await page.getByLabel("Message").fill("Your order is ready.");
    await page.getByRole("button", { name: "Send message" }).click();
    await expect(page.getByText(/not a valid phone number/i).first()).toBeVisible();
    await page.getByLabel("To").fill(uniqueMobiles(1)[0]);
    await expect(page.getByText(/not a valid phone number/i)).toHaveCount(0);

    await page.getByLabel("Message").fill("Hi {name}, your order is ready.");
    await expect(page.getByTestId("placeholder-warning")).toBeVisible();
    await page.getByLabel("Message").fill("Your order is ready.");
    await page.getByRole("button", { name: "Send message" }).click();
    await expect(page.getByRole("link", { name: "Follow this message" })).toBeVisible();
    await expect(page.getByLabel("To")).toHaveValue("");
    await expect(page.getByLabel("Message")).toHaveValue("");
  });
});
