import { expect, test } from "@playwright/test";
import { mainNav, signUp, uniqueEmail } from "./fixtures";

test.describe("team", () => {
  test("an owner invites a member, who joins by the link and cannot see or do admin work", async ({ page, browser }) => {
    await signUp(page);
    await mainNav(page).getByRole("link", { name: "Team" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Team" })).toBeVisible();

    const memberEmail = uniqueEmail("member");
    await page.getByLabel("Email", { exact: true }).fill(memberEmail);
    await page.getByLabel("Role", { exact: true }).selectOption("member");
    await page.getByRole("button", { name: "Create invite link" }).click();
    const link = await page.getByTestId("invite-link-value").textContent();
    expect(link).toMatch(/\/invite\/inv_[A-Za-z0-9_-]{43}$/);
    await expect(page.getByTestId("team-invite").filter({ hasText: memberEmail })).toBeVisible();

    const memberContext = await browser.newContext();
    const member = await memberContext.newPage();
    await member.goto(link!);
    await expect(member.getByRole("heading", { level: 1, name: /^Join / })).toBeVisible();
    await member.getByLabel("Your name").fill("Mo Member");
    await member.getByLabel("Password").fill("member-password-123");
    await member.getByRole("button", { name: "Join the team" }).click();
    await expect(member.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();

    // Admin pages are neither listed nor served; everyday pages are.
    const nav = mainNav(member);
    await expect(nav.getByRole("link", { name: "Send", exact: true })).toBeVisible();
    for (const name of ["Team", "API keys", "Webhooks"]) await expect(nav.getByRole("link", { name })).toHaveCount(0);
    for (const path of ["/team", "/api-keys", "/webhooks"]) {
      await member.goto(path);
      await expect(member.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    }
    await member.goto("/settings");
    await expect(member.getByText("Only the account owner or an admin can change these settings.")).toBeVisible();
    // A server action refuses them even when its form is on a page they can see.
    await member.goto("/sender-ids");
    await member.getByLabel("Sender ID", { exact: true }).fill("MOSHOP");
    await member.getByRole("button", { name: "Request sender ID" }).click();
    await expect(member.getByText("Only the account owner or an admin can do this.")).toBeVisible();

    // The link was used once: it no longer works.
    const again = await browser.newContext();
    const stranger = await again.newPage();
    await stranger.goto(link!);
    await expect(stranger.getByRole("heading", { level: 1, name: "Invitation not valid" })).toBeVisible();
    await again.close();

    // The owner sees the member and makes them an admin; the member's next request has the new role.
    await page.reload();
    const row = page.getByTestId("team-member").filter({ hasText: memberEmail });
    await expect(row).toBeVisible();
    await expect(page.getByTestId("team-invite")).toHaveCount(0);
    await row.getByLabel(`Role of ${memberEmail}`).selectOption("admin");
    await row.getByRole("button", { name: "Save role" }).click();
    await expect(page.getByText("Role changed to admin.")).toBeVisible();
    await member.goto("/api-keys");
    await expect(member.getByRole("heading", { level: 1, name: "API keys" })).toBeVisible();
    await memberContext.close();
  });
});
