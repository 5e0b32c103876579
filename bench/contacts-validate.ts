// Benchmark: a 1,000,000-row CSV streamed into a contact list (the web-side import, measuring
// time and peak RSS of this process) and then validated by WORKERS child worker processes, which
// are started (idle) before the upload: validation is timed from the end of the upload (the
// moment its jobs are enqueued) to the list being ready, and the workers report their peak RSS.
// Usage: DATABASE_URL=… QUEUE_PREFIX=bench LOG_LEVEL=warn npx tsx bench/contacts-validate.ts [rows] [workers]
import { fork } from "node:child_process";
import { readFileSync } from "node:fs";
import { Readable } from "node:stream";
import path from "node:path";
import { db } from "@/lib/db";
import { importContactsCsv } from "@/lib/contacts/import-contacts";
import { closeQueues } from "@/lib/queue/enqueue";
import { createAccount } from "@/lib/accounts/create-account";

const rows = Number(process.argv[2] ?? 1_000_000);
const workers = Number(process.argv[3] ?? 1);

/** Generates the CSV lazily: the bench never holds the file either. */
function csvSource(count: number): Readable {
  let index = 0;
  return new Readable({
    read() {
      if (index === 0) this.push("name,phone,city\r\n");
      const lines: string[] = [];
      for (let batch = 0; batch < 5_000 && index < count; batch++, index++) {
        // 2 % landlines (all different), ~1 % garbage, 2.5 % repeats of the previous row's number (duplicates).
        const number = index % 40 === 1 ? index - 1 : index;
        const national = index % 50 === 0 ? `020 ${String(2_000_000 + index).slice(-7)}` : index % 97 === 0 ? "garbage" : `07${String(10_000_000 + (number % 89_999_999)).slice(0, 8)}`;
        lines.push(`Customer ${index},${national},Nairobi`);
      }
      this.push(lines.length > 0 ? `${lines.join("\r\n")}\r\n` : null);
    },
  });
}

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);

const account = await createAccount({
  name: `Bench contacts ${Date.now()}`,
  owner: { email: `bench-contacts-${Date.now()}@example.test`, name: "Bench", password: "bench-password-123" },
  credits: 1_000_000_000,
  approvedSenderId: "BENCH",
});
const children = Array.from({ length: workers }, () =>
  fork(path.join(import.meta.dirname, "contacts-worker.ts"), { execArgv: ["--import", "tsx"], env: process.env, stdio: "inherit" }),
);
const workerReports = children.map((child) => new Promise<{ peakRss: number; cpuSeconds: number }>((resolve) => child.on("message", (message: { peakRss?: number; cpuSeconds?: number }) => {
  if (typeof message.peakRss === "number") resolve({ peakRss: message.peakRss, cpuSeconds: message.cpuSeconds ?? 0 });
})));

/** Busy CPU seconds of the whole machine so far (all processes, from /proc/stat). */
function machineBusySeconds(): number {
  const fields = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
  const [user, nice, system, , , irq, softirq, steal] = fields;
  return (user + nice + system + irq + softirq + steal) / 100;
}
await Promise.all(children.map((child) => new Promise<void>((resolve) => child.once("message", () => resolve()))));
const importStart = Date.now();
const imported = await importContactsCsv(account.accountId, csvSource(rows), { name: "bench", header: "auto" }, 1024 * 1024 * 1024);
const importMs = Date.now() - importStart;
process.stdout.write(`import: ${rows} rows in ${(importMs / 1000).toFixed(1)} s (${Math.round(rows / (importMs / 1000))} rows/s), peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MB\n`);

const validateStart = Date.now();
const busyAtStart = machineBusySeconds();
for (;;) {
  const list = await db.contactList.findUniqueOrThrow({ where: { id: imported.contactListId } });
  if (list.status === "ready") {
    const validateMs = Date.now() - validateStart;
    process.stdout.write(
      `validation: ${list.totalCount} numbers with ${workers} workers in ${(validateMs / 1000).toFixed(1)} s (${Math.round(list.totalCount / (validateMs / 1000))} numbers/s); ` +
        `valid ${list.validCount}, invalid ${list.invalidCount}, duplicates ${list.duplicateCount}; machine CPU ${(machineBusySeconds() - busyAtStart).toFixed(1)} s\n`,
    );
    process.stdout.write(`contactListId ${list.id} accountId ${account.accountId}\n`);
    break;
  }
  await new Promise((resolve) => setTimeout(resolve, 250));
}
clearInterval(sampler);
for (const child of children) child.send("stop");
const reports = await Promise.all(workerReports);
process.stdout.write(
  `workers: ${reports.map((report) => `peak RSS ${(report.peakRss / 2 ** 20).toFixed(0)} MB, CPU ${report.cpuSeconds.toFixed(1)} s`).join("; ")}\n`,
);
await closeQueues();
await db.$disconnect();
