import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { demoUser, signIn } from "./fixtures";

test.describe("contact list review", () => {
  test("invalid numbers are paginated, destructive actions ask first, exports stream each view", async ({ page }) => {
    test.setTimeout(120_000);
    await signIn(page, demoUser.email, demoUser.password);
    const name = `Many invalid ${randomBytes(3).toString("hex")}`;
    const invalid = Array.from({ length: 205 }, (_, index) => `12${String(index).padStart(3, "0")}`);
    await page.goto("/contacts/new");
    await page.getByRole("tab", { name: "Paste numbers" }).click();
    await page.getByLabel("List name").fill(name);
    await page.getByLabel("Numbers").fill([...invalid, "0712 345 678", "0712345678"].join("\n"));
    await page.getByRole("button", { name: "Upload and validate" }).click();
    await expect(page.getByTestId("invalid-count")).toHaveText("205", { timeout: 60_000 });
    await expect(page.getByRole("link", { name: "Next page" })).toBeVisible();
    await page.getByRole("link", { name: "Next page" }).click();
    await expect(page.getByRole("cell", { name: "12204", exact: true }).first()).toBeVisible();

    await page.getByRole("button", { name: "Remove invalid" }).click();
    await expect(page.getByText("Remove 205 invalid numbers from this list?")).toBeVisible();
    await page.getByRole("button", { name: "Delete this list" }).click();
    await expect(page.getByText("Delete this list and its contacts?")).toBeVisible();
    await expect(page.getByTestId("invalid-count")).toHaveText("205");

    for (const status of ["valid", "invalid", "all"]) {
      const download = await page.request.get(`${page.url().split("?")[0]}/export?status=${status}`);
      expect(download.ok()).toBe(true);
      const lines = (await download.text()).trim().split("\r\n");
      expect(lines.length - 1).toBe(status === "valid" ? 1 : status === "invalid" ? 205 : 207);
    }
    await page.getByRole("tab", { name: /Valid/ }).click();
    await expect(page.getByTestId("network-split")).toContainText("Safaricom");
    await expect(page.getByRole("tab", { name: /Duplicates/ })).toContainText("1");
  });
});
