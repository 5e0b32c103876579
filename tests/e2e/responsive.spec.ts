import { expect, test, type Locator, type Page } from "@playwright/test";
import { signUp } from "./fixtures";
import { accountIdOf, seedMessages } from "./seed-db";

const SIZES = [
  { name: "desktop", width: 1366, height: 900 },
  { name: "phone", width: 390, height: 844 },
];

const PAGES = [
  { path: "/", heading: "Overview" },
  { path: "/messages", heading: "Messages" },
  { path: "/billing", heading: "Billing" },
  { path: "/campaigns", heading: "Campaigns" },
  { path: "/send", heading: "Send" },
];

async function expectNoHorizontalOverflow(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, "the page scrolls sideways").toBeLessThanOrEqual(0);
}

async function expectInsideViewport(page: Page, locator: Locator, what: string) {
  const box = await locator.boundingBox();
  const width = page.viewportSize()!.width;
  expect(box, `${what} is rendered`).not.toBeNull();
  expect(box!.x, `${what} starts inside the screen`).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, `${what} ends inside the screen`).toBeLessThanOrEqual(width + 0.5);
}

function overlaps(a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

test.describe("main pages at desktop and phone sizes", () => {
  for (const size of SIZES) {
    test(`no sideways scrolling or overlapping at ${size.width}×${size.height}`, async ({ page }, testInfo) => {
      await page.setViewportSize({ width: size.width, height: size.height });
      const user = await signUp(page);
      const accountId = await accountIdOf(user.email);
      await seedMessages(accountId, [
        { daysAgo: 0, status: "delivered", operator: "Safaricom", body: "A long message body that would push the table wider than a phone screen if it were not truncated" },
        { daysAgo: 1, status: "failed", operator: "Airtel" },
      ]);
      for (const { path, heading } of PAGES) {
        await page.goto(path);
        const title = page.getByRole("heading", { level: 1, name: heading, exact: true });
        await expect(title).toBeVisible();
        await expectNoHorizontalOverflow(page);
        await expectInsideViewport(page, title, `${path} heading`);
        const bell = page.getByTestId("notifications").locator("summary");
        if (await bell.isVisible()) {
          const [titleBox, bellBox] = [await title.boundingBox(), await bell.boundingBox()];
          expect(overlaps(titleBox!, bellBox!), `${path} heading overlaps the notification bell`).toBe(false);
        }
        if (path === "/messages") {
          await expectInsideViewport(page, page.getByRole("columnheader", { name: "Status" }), "Status column");
          await expect(page.getByTestId("message-row").first().getByTestId("message-status")).toBeVisible();
          await expectInsideViewport(page, page.getByTestId("message-row").first().getByTestId("message-status"), "a message's status");
        }
        if (path === "/") {
          await expectInsideViewport(page, page.getByTestId("outcome-chart"), "the messages chart");
          await expectInsideViewport(page, page.getByRole("columnheader", { name: "Delivery rate" }), "the delivery rate column");
        }
        await testInfo.attach(`${size.name}${path.replace(/\//g, "-") || "-overview"}.png`, { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
      }
    });
  }
});
