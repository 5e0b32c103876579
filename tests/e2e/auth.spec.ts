import { expect, test } from "@playwright/test";
import { SIGNED_UP_NOTICE, signIn, signOut, signUp, uniqueEmail } from "./fixtures";

test.describe("accounts and sign-in", () => {
  test("sign up, sign out, sign in, create an API key that is shown once", async ({ page }) => {
    const user = await signUp(page);
    await expect(page.getByTestId("account-name")).toHaveText(user.accountName);
    await expect(page.getByTestId("user-email")).toHaveText(user.email);
    // A new account starts with no credit and says so.
    await expect(page.getByTestId("balance-available")).toHaveText("KES 0.00");
    await expect(page.getByText("No credit yet")).toBeVisible();

    await signOut(page);
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in/);

    await signIn(page, user.email, user.password);
    await page.getByRole("link", { name: "API keys" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "API keys" })).toBeVisible();
    await expect(page.getByRole("link", { name: "API keys" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByText("No API keys yet")).toBeVisible();

    await page.getByLabel("Key name").fill("Billing system");
    await page.getByRole("button", { name: "Create key" }).click();
    const issued = page.getByTestId("issued-key-value");
    await expect(issued).toHaveText(/^sl_live_\S{40,}$/);
    await expect(page.getByText("It will not be shown again")).toBeVisible();
    const fullKey = (await issued.textContent())!;
    const prefix = fullKey.slice(0, 14);

    const row = page.getByTestId("api-key-row").filter({ hasText: "Billing system" });
    await expect(row).toContainText(`${prefix}…`);
    await expect(row).toContainText("Active");
    await expect(row).toContainText("Never");

    await page.reload();
    await expect(page.getByTestId("api-key-row").filter({ hasText: "Billing system" })).toContainText(`${prefix}…`);
    await expect(page.getByTestId("issued-key")).toHaveCount(0);
    await expect(page.getByText(fullKey)).toHaveCount(0);

    await signOut(page);
  });

  test("a wrong password is refused with a message that does not say which part was wrong", async ({ page }) => {
    const user = await signUp(page);
    await signOut(page);

    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(`${user.password}-wrong`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Invalid email or password." })).toBeVisible();
    await expect(page.getByLabel("Email")).toHaveValue(user.email);
    await expect(page).toHaveURL(/\/sign-in/);

    await page.getByLabel("Email").fill(uniqueEmail("nobody"));
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Invalid email or password." })).toBeVisible();
  });

  test("sign-up validates fields inline and does not reveal that an email is taken", async ({ page }) => {
    const existing = await signUp(page);
    await signOut(page);

    await page.goto("/sign-up");
    await page.getByLabel("Organisation name").fill("X");
    await page.getByLabel("Work email").fill("not-an-email");
    await page.getByLabel("Password").fill("short");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("Organisation name is required")).toBeVisible();
    await expect(page.getByText("Your name is required")).toBeVisible();
    await expect(page.getByText("Enter a valid email address")).toBeVisible();
    await expect(page.getByText("Password must be at least 10 characters")).toBeVisible();
    await expect(page.getByLabel("Work email")).toHaveAttribute("aria-invalid", "true");

    await page.getByLabel("Organisation name").fill("Second Org");
    await page.getByLabel("Your name").fill("Someone");
    await page.getByLabel("Work email").fill(existing.email);
    await page.getByLabel("Password").fill("long-enough-password");
    await page.getByRole("button", { name: "Create account" }).click();
    // The same answer as for a new address; nothing about the existing account changed.
    await expect(page.getByText(SIGNED_UP_NOTICE)).toBeVisible();
    await expect(page.getByText(/already (exists|registered)/)).toHaveCount(0);
    await page.getByLabel("Email").fill(existing.email);
    await page.getByLabel("Password").fill("long-enough-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Invalid email or password." })).toBeVisible();
    await signIn(page, existing.email, existing.password);
  });

  test("pages need a session and sign-in returns to the page asked for", async ({ page }) => {
    const user = await signUp(page);
    await signOut(page);
    await page.goto("/billing");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Billing" })).toBeVisible();
  });
});
