import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { mainNav, operatorUser, signIn } from "./fixtures";

// The runner does not set one, so the app uses its development default.
const callbackToken = process.env.DLR_CALLBACK_TOKEN ?? "dev-dlr-callback-token";

test.describe("operator delivery reports", () => {
  test("a report the callback refuses is answered 200 and shows up for operators with its reason", async ({ page, request }) => {
    const messageId = `e2e${randomBytes(5).toString("hex")}`;
    const response = await request.post("/api/callbacks/celcom/dlr", {
      headers: { "x-callback-token": callbackToken },
      data: { description: "DeliveredToTerminal", messageid: messageId, timeTaken: "3s", timestamp: "99999-01-01 00:00:00", mobile: "+254712345678" },
    });
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ accepted: 0, rejected: 1 });

    await signIn(page, operatorUser.email, operatorUser.password);
    await mainNav(page).getByRole("link", { name: "Delivery reports" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Delivery reports" })).toBeVisible();
    await expect(page.getByTestId("dlr-reason-row").filter({ hasText: "invalid_timestamp" })).toContainText("Refused at callback");
    const row = page.getByTestId("dlr-dead-letter-row").filter({ hasText: messageId });
    await expect(row).toContainText("invalid_timestamp");
    await expect(row).toContainText("99999-01-01 00:00:00");
    await expect(row).not.toContainText("712345678");
  });
});
