import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { request, type IncomingMessage } from "node:http";
import { connect } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createTestAccount } from "@/tests/helpers/accounts";
import { waitFor } from "@/tests/helpers/messages";

// The built web app (`next start`, as `npm start` runs it) on its own port, against this run's
// database: on SIGTERM it stops accepting connections and answers the requests it already has.
const PORT = Number(process.env.WEB_SHUTDOWN_TEST_PORT ?? 7101);
let web: ChildProcess | null = null;

beforeAll(() => {
  // The same build `npm start` and the e2e suite use (rebuilt only when sources changed).
  const build = spawnSync(process.execPath, ["-e", "import('./scripts/lib/services.mjs').then((services) => services.buildIfNeeded())"], { stdio: "inherit" });
  expect(build.status).toBe(0);
}, 1_200_000);

afterAll(() => {
  if (web?.exitCode === null) web.kill("SIGKILL");
});

const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });

async function readBody(response: IncomingMessage): Promise<string> {
  let body = "";
  for await (const chunk of response) body += chunk;
  return body;
}

describe("web SIGTERM", () => {
  it("lets an in-flight request finish with its response, refuses new connections, then exits", { timeout: 120_000 }, async () => {
    const account = await createTestAccount({ credits: 10_000 });
    web = spawn(path.resolve("node_modules/.bin/next"), ["start", "-p", String(PORT)], {
      env: { ...process.env, NODE_ENV: "production", PORT: String(PORT), APP_URL: `http://127.0.0.1:${PORT}`, NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "inherit", "inherit"],
    });
    const exited = new Promise<{ code: number | null; at: number }>((resolve) => web!.on("exit", (code) => resolve({ code, at: Date.now() })));
    await waitFor(async () => (await fetch(`http://127.0.0.1:${PORT}/api/health`).catch(() => null))?.ok, 60_000, "the web app to answer");

    // A send whose body is still arriving when the signal comes: the server has the request
    // (it answered 100 Continue), half of the body, and then the rest after the shutdown began.
    const body = JSON.stringify({ to: "0712345678", from: account.senderId, body: "Sent while the web app was stopping" });
    const half = Math.floor(body.length / 2);
    const call = request(`http://127.0.0.1:${PORT}/v1/messages`, {
      method: "POST",
      headers: { authorization: `Bearer ${account.apiKey}`, "content-type": "application/json", "content-length": Buffer.byteLength(body), expect: "100-continue" },
    });
    const responded = new Promise<IncomingMessage>((resolve, reject) => call.on("response", resolve).on("error", reject));
    await new Promise<void>((resolve) => call.once("continue", resolve));
    call.write(body.slice(0, half));

    web.kill("SIGTERM");
    await waitFor(async () => !(await accepts(PORT)), 10_000, "the web app to stop accepting connections");
    call.end(body.slice(half));

    const response = await responded;
    const answered = Date.now();
    expect(response.statusCode).toBe(202);
    const message = JSON.parse(await readBody(response)) as { messageId: string; status: string };
    expect(message.status).toBe("submitted");
    expect(await db.message.findUnique({ where: { id: message.messageId }, select: { accountId: true } })).toEqual({ accountId: account.accountId });

    // Once its last request is answered the process ends (143: stopped by SIGTERM, gracefully).
    const exit = await exited;
    expect(exit.code).toBe(143);
    expect(exit.at - answered).toBeLessThan(10_000);
  });
});
