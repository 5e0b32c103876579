import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Debug lines ("request handled", "job completed") are the ones that name every request and job.
vi.hoisted(() => {
  process.env.LOG_LEVEL = "debug";
});

import { POST as sendRoute } from "@/app/api/v1/messages/route";
import { createProvider } from "@/lib/providers";
import { createCelcomSimulator, type CelcomSimulator } from "@/simulators/celcom/create-celcom-simulator";
import { getQueue } from "@/lib/queue/enqueue";
import { createTestAccount } from "@/tests/helpers/accounts";
import { callRoute } from "@/tests/helpers/http";
import { messageWithEvents, waitFor } from "@/tests/helpers/messages";
import type { Closeable } from "@/workers/runtime";
import { startSending } from "@/workers/sending";

let simulator: CelcomSimulator;
const lines: Record<string, unknown>[] = [];

beforeAll(async () => {
  // The logger writes JSON lines to stdout; they are kept here instead of printed.
  vi.spyOn(process.stdout, "write").mockImplementation(((chunk: string | Uint8Array) => {
    for (const line of chunk.toString().split("\n")) {
      if (!line.startsWith("{")) continue;
      try {
        lines.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        // not one of our log lines
      }
    }
    return true;
  }) as typeof process.stdout.write);
  simulator = await createCelcomSimulator({ dlrEnabled: false });
});

afterAll(async () => {
  vi.restoreAllMocks();
  await simulator?.close();
});

describe("request ids", () => {
  it("returns the caller's x-request-id, carries it into the job it enqueues and onto every log line about it", async () => {
    const account = await createTestAccount({ credits: 1_000 });
    const requestId = `it-${randomBytes(6).toString("hex")}`;
    const response = await callRoute<{ messageId: string }>(sendRoute, {
      path: "/v1/messages",
      apiKey: account.apiKey,
      body: { to: "+254712600001", from: account.senderId, body: "Traced" },
      headers: { "x-request-id": requestId },
    });
    expect(response.status).toBe(202);
    expect(response.headers.get("x-request-id")).toBe(requestId);
    const job = await getQueue("smsNormal").getJob(response.body.messageId);
    expect(job?.data).toEqual({ messageId: response.body.messageId, requestId });

    const sending: Closeable = await startSending({ provider: createProvider({ kind: "simulator", baseUrl: simulator.url, timeoutMs: 2_000 }), concurrency: 2 });
    try {
      await waitFor(async () => (await messageWithEvents(response.body.messageId)).status === "sent", 15_000, "the message to be sent");
      const traced = await waitFor(async () => {
        const mine = lines.filter((line) => line.requestId === requestId);
        return mine.some((line) => line.msg === "job completed") ? mine : null;
      }, 5_000, "the job's log line");
      expect(traced).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ msg: "request handled", route: "/v1/messages", status: 202 }),
          expect.objectContaining({ msg: "job completed", queue: "sms.normal", jobId: response.body.messageId }),
        ]),
      );
    } finally {
      await sending.close();
    }
    expect(JSON.stringify(lines)).not.toContain("712600001");
  });

  it("generates a request id when the caller sends none (or an unusable one)", async () => {
    const account = await createTestAccount({ credits: 1_000 });
    for (const headers of [{}, { "x-request-id": "not a usable id" }] as Record<string, string>[]) {
      const response = await callRoute<{ messageId: string }>(sendRoute, {
        path: "/v1/messages",
        apiKey: account.apiKey,
        body: { to: "+254712600002", from: account.senderId, body: "Traced" },
        headers,
      });
      const generated = response.headers.get("x-request-id");
      expect(generated).toMatch(/^req_[0-9a-f-]{36}$/);
      expect((await getQueue("smsNormal").getJob(response.body.messageId))?.data.requestId).toBe(generated);
    }
    const refused = await callRoute(sendRoute, { path: "/v1/messages", body: { to: "0712600003" }, headers: { "x-request-id": "bad-auth-1" } });
    expect(refused.status).toBe(401);
    expect(refused.headers.get("x-request-id")).toBe("bad-auth-1");
  });
});
