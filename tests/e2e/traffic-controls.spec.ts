import { expect, test } from "@playwright/test";
import { signUp } from "./fixtures";

test.describe("traffic controls", () => {
  test("Settings sets a daily spend limit, quiet hours and a low-balance alert, with validation", async ({ page }) => {
    await signUp(page);
    await page.getByRole("link", { name: "Settings" }).click();
    const controls = page.getByRole("form", { name: "Traffic controls" });
    await expect(controls.getByLabel("Daily spend limit (KES)")).toHaveValue("");

    await controls.getByLabel("Daily spend limit (KES)").fill("-5");
    await controls.getByLabel("From (HH:MM)").fill("25:00");
    await controls.getByLabel("Until (HH:MM)").fill("08:00");
    await controls.getByRole("button", { name: "Save traffic controls" }).click();
    await expect(controls.getByText("Enter an amount in KES")).toBeVisible();

    await controls.getByLabel("Daily spend limit (KES)").fill("500");
    await controls.getByRole("button", { name: "Save traffic controls" }).click();
    await expect(controls.getByText("Enter a time as HH:MM, e.g. 21:00")).toBeVisible();

    await controls.getByLabel("From (HH:MM)").fill("21:00");
    await controls.getByLabel("Low-balance alert (KES)").fill("100");
    await controls.getByRole("button", { name: "Save traffic controls" }).click();
    await expect(controls.getByText("Traffic controls saved.")).toBeVisible();

    await page.reload();
    await expect(controls.getByLabel("Daily spend limit (KES)")).toHaveValue("500.00");
    await expect(controls.getByLabel("From (HH:MM)")).toHaveValue("21:00");
    await expect(controls.getByLabel("Until (HH:MM)")).toHaveValue("08:00");
    await expect(controls.getByLabel("Low-balance alert (KES)")).toHaveValue("100.00");

    await controls.getByLabel("Daily spend limit (KES)").fill("");
    await controls.getByLabel("From (HH:MM)").fill("");
    await controls.getByLabel("Until (HH:MM)").fill("");
    await controls.getByRole("button", { name: "Save traffic controls" }).click();
    await expect(controls.getByText("Traffic controls saved.")).toBeVisible();
    await page.reload();
    await expect(controls.getByLabel("Daily spend limit (KES)")).toHaveValue("");
    await expect(controls.getByLabel("From (HH:MM)")).toHaveValue("");
  });
});
