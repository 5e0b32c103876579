import { expect, test } from "@playwright/test";
import { demoUser, signIn } from "./fixtures";

test.describe("send a single message from the portal", () => {
  test("previews, sends, and follows the message to sent on its detail page", async ({ page }) => {
    await signIn(page, demoUser.email, demoUser.password);
    await page.goto("/send");

    await page.getByLabel("To").fill("0712 345 678");
    await page.getByLabel("Sender ID").selectOption(demoUser.senderId);
    await page.getByLabel("Message").fill("Your order 1234 is ready for collection.");

    const preview = page.getByRole("complementary", { name: "Preview" });
    await expect(preview.getByTestId("preview-encoding")).toHaveText("GSM-7");
    await expect(preview.getByTestId("preview-segments")).toHaveText("1");
    await expect(preview.getByTestId("preview-cost")).toHaveText("KES 0.80");

    await page.getByRole("button", { name: "Send message" }).click();
    await page.getByRole("link", { name: "Follow this message" }).click();
    await expect(page).toHaveURL(/\/messages\/[0-9a-f-]{36}$/);

    // The worker sends through the simulator; the page is server-rendered, so reload until it shows.
    const timeline = page.getByTestId("message-timeline");
    await expect(async () => {
      await page.reload();
      await expect(timeline).toContainText("Sent", { timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    await expect(timeline).toContainText("Submitted");
    await expect(page.getByText("+254712345678")).toBeVisible();
  });

  test("shows a clear inline error for a number that cannot be sent to", async ({ page }) => {
    await signIn(page, demoUser.email, demoUser.password);
    await page.goto("/send");
    await page.getByLabel("To").fill("12345");
    await page.getByLabel("Sender ID").selectOption(demoUser.senderId);
    await page.getByLabel("Message").fill("Hello");
    await page.getByRole("button", { name: "Send message" }).click();
    await expect(page.getByText(/not a valid phone number/i).first()).toBeVisible();
  });
});
