import { expect, test } from "@playwright/test";
import { demoUser, mainNav, originateInbound, signIn, uniqueLocalPhone } from "./fixtures";

const e164 = (local: string) => `+254${local.slice(1)}`;

test.describe("two-way messaging in the portal", () => {
  test("a message to the short code shows in the Inbox, unread, and is answered from there", async ({ page }) => {
    const phone = uniqueLocalPhone();
    await originateInbound({ from: phone, to: demoUser.inboundNumber, message: "Habari, do you deliver to Kisumu?" });

    await signIn(page, demoUser.email, demoUser.password);
    await mainNav(page).getByRole("link", { name: "Inbox" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Inbox" })).toBeVisible();
    const conversation = page.getByTestId("conversation-row").filter({ hasText: e164(phone) });
    // The worker stores the message a moment after the callback; the page is server-rendered.
    await expect(async () => {
      await page.reload();
      await expect(conversation).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    await expect(conversation).toContainText("1 new");
    await expect(conversation).toContainText("do you deliver to Kisumu?");

    await conversation.getByRole("link").click();
    await expect(page.getByRole("heading", { level: 1, name: e164(phone) })).toBeVisible();
    await expect(page.getByTestId("conversation-inbound")).toContainText("Habari, do you deliver to Kisumu?");
    await page.getByLabel("Reply", { exact: true }).fill("Yes, every Friday. Karibu!");
    await page.getByRole("button", { name: "Send reply" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Reply accepted" })).toBeVisible();
    const reply = page.getByTestId("conversation-outbound").filter({ hasText: "Yes, every Friday. Karibu!" });
    await expect(reply).toBeVisible();

    // The reply is an ordinary message from the short code: it goes out through the simulator.
    await expect(async () => {
      await page.reload();
      await expect(reply).toContainText(/Sent|Delivered/, { timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    await page.goto("/inbox");
    await expect(conversation).not.toContainText("new");
  });

  test("adds and removes an opt-out, with both recorded, and lists a STOP sent to the short code", async ({ page }) => {
    const phone = uniqueLocalPhone();
    await signIn(page, demoUser.email, demoUser.password);
    await mainNav(page).getByRole("link", { name: "Opt-outs" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Opt-outs" })).toBeVisible();

    await page.getByLabel("Phone number").fill(phone);
    await page.getByRole("button", { name: "Add opt-out" }).click();
    await expect(page.getByRole("status").filter({ hasText: `${e164(phone)} is opted out` })).toBeVisible();
    const row = page.getByTestId("opt-out-row").filter({ hasText: e164(phone) });
    await expect(row).toContainText("Portal");

    await row.getByRole("button", { name: "Opt back in" }).click();
    await row.getByRole("button", { name: "Yes, opt back in" }).click();
    await expect(page.getByRole("status").filter({ hasText: `${e164(phone)} is opted back in` })).toBeVisible();
    await expect(row).toHaveCount(0);

    await page.goto(`/opt-outs/${e164(phone).slice(1)}`);
    await expect(page.getByText("Receives your messages")).toBeVisible();
    await expect(page.getByTestId("consent-event-row")).toHaveCount(2);
    await expect(page.getByTestId("consent-event-row").first()).toContainText("Opted out");
    await expect(page.getByTestId("consent-event-row").last()).toContainText("Opted in");

    const stopper = uniqueLocalPhone();
    await originateInbound({ from: stopper, to: demoUser.inboundNumber, message: "STOP" });
    await page.goto(`/opt-outs?phone=${stopper}`);
    const stopped = page.getByTestId("opt-out-row").filter({ hasText: e164(stopper) });
    await expect(async () => {
      await page.reload();
      await expect(stopped).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    await expect(stopped).toContainText("Replied with a keyword");
  });
});
