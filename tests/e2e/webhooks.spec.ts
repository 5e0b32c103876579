import http from "node:http";
import { type AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { signUp } from "./fixtures";

interface Receiver {
  url: string;
  bodies: string[];
  close(): Promise<void>;
}

/** A receiver on 127.0.0.1 (the e2e stack runs with WEBHOOK_ALLOW_LOOPBACK=true). */
async function startReceiver(): Promise<Receiver> {
  const bodies: string[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      bodies.push(Buffer.concat(chunks).toString("utf8"));
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    bodies,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

test.describe("webhooks page", () => {
  let receiver: Receiver;
  test.beforeAll(async () => {
    receiver = await startReceiver();
  });
  test.afterAll(async () => {
    await receiver.close();
  });

  test("create an endpoint, see its test delivery in the log, replay it", async ({ page }) => {
    await signUp(page);
    await page.getByRole("link", { name: "Webhooks" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Webhooks" })).toBeVisible();

    await page.getByLabel("URL", { exact: true }).fill("http://10.0.0.1/hooks");
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await expect(page.getByText(/10\.0\.0\.1 is a private-network address, which webhooks may not reach/).first()).toBeVisible();

    await page.getByLabel("URL", { exact: true }).fill(receiver.url);
    await page.getByLabel("Description").fill("E2E receiver");
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await expect(page.getByTestId("issued-secret-value")).toContainText(/^whsec_/);
    const endpoint = page.getByTestId("webhook-endpoint").filter({ hasText: receiver.url });
    await expect(endpoint).toContainText("Active");

    await endpoint.getByRole("button", { name: "Send test event" }).click();
    await expect(endpoint.getByText(/Test event queued/)).toBeVisible();
    await expect(async () => {
      await page.reload();
      await expect(page.getByTestId("webhook-delivery").filter({ hasText: "webhook.test" }).first()).toContainText("Succeeded", { timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
    expect(receiver.bodies.some((body) => body.includes('"eventType":"webhook.test"'))).toBe(true);

    const received = receiver.bodies.length;
    const delivery = page.getByTestId("webhook-delivery").filter({ hasText: "webhook.test" }).first();
    await delivery.getByRole("button", { name: "Replay" }).click();
    await expect.poll(() => receiver.bodies.length, { timeout: 20_000 }).toBeGreaterThan(received);
    await expect(async () => {
      await page.reload();
      await expect(page.getByTestId("webhook-delivery").filter({ hasText: "webhook.test" }).first()).toContainText("Succeeded", { timeout: 1_000 });
    }).toPass({ timeout: 20_000 });

    await page.getByLabel("Status", { exact: true }).selectOption("succeeded");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/status=succeeded/);
    await page.getByTestId("webhook-delivery").first().getByRole("link").first().click();
    await expect(page.getByRole("heading", { level: 1, name: "Delivery of webhook.test" })).toBeVisible();
    await expect(page.getByTestId("webhook-attempt")).toHaveCount(2);
    // A replay starts a new round: the log numbers the attempts 1 and 2, not 1 and 1.
    await expect(page.getByTestId("webhook-attempt").nth(0).getByRole("cell").first()).toHaveText("1");
    await expect(page.getByTestId("webhook-attempt").nth(1).getByRole("cell").first()).toHaveText("2");
    await expect(page.getByTestId("webhook-attempt").nth(1)).toContainText("Replay 1, try 1");
  });
});
