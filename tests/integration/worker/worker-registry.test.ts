import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { enqueue, getQueue, upsertSchedules } from "@/lib/queue/enqueue";
import { queueKeys, queues } from "@/lib/queue/registry";
import { waitFor } from "@/tests/helpers/messages";
import { workerAreas } from "@/workers/areas";
import { closeWithin, createQueueWorker, queuesWithoutWorker, type Closeable } from "@/workers/runtime";

const running: Closeable[] = [];

afterAll(async () => {
  await closeWithin(running, 5_000);
});

// The shutdown test comes first: a worker with the default stalled-check interval (the areas started
// by the registry test) would keep others from checking that queue for stalled jobs for 30 s.
describe("queue registry and worker entry", () => {
  it("a stopping worker waits for a job no longer than its timeout, and the released job runs again elsewhere", async () => {
    const child = spawn(path.resolve("node_modules/.bin/tsx"), ["tests/integration/worker/fixtures/stuck-worker.ts"], {
      env: { ...process.env, SHUTDOWN_TIMEOUT_MS: "500" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    await waitFor(async () => output.includes("ready"), 20_000, "the worker process to start");
    await enqueue("smsContent", { campaignId: "00000000-0000-4000-8000-000000000001" }, { jobId: "shutdown-test" });
    await waitFor(async () => output.includes("job started"), 10_000, "the job to start");

    const stopping = Date.now();
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(Date.now() - stopping).toBeLessThan(5_000);
    expect(output).toContain("released");

    const runs: string[] = [];
    const successor = createQueueWorker("smsContent", async (_payload, job) => void runs.push(job.id ?? ""), { stalledInterval: 500 });
    running.push({ close: () => successor.close() });
    await waitFor(async () => runs.includes("shutdown-test"), 15_000, "the released job to run again");
  });
  it("starts a processor for every registered queue and one scheduler for every periodic job", async () => {
    for (const area of workerAreas) running.push(await area.start());
    expect(queuesWithoutWorker()).toEqual([]);

    const upserted = await upsertSchedules();
    const declared = queueKeys.flatMap((key) => queues[key].schedules.map((schedule) => schedule.id));
    expect(upserted.sort()).toEqual(declared.sort());
    expect(declared).toEqual(expect.arrayContaining(["reconcile-messages", "dlr-expire-messages", "campaigns-claim", "webhooks-relay"]));
    for (const key of queueKeys) {
      const schedulers = await getQueue(key).getJobSchedulers();
      expect(schedulers.map((scheduler) => scheduler.key).sort()).toEqual(queues[key].schedules.map((schedule) => schedule.id).sort());
    }
    // Upserting again (a second worker process starting) adds nothing.
    await upsertSchedules();
    expect((await getQueue("maintenance").getJobSchedulers()).length).toBe(queues.maintenance.schedules.length);

    expect(await closeWithin(running.splice(0), 20_000)).toBe(false);
  });

});
