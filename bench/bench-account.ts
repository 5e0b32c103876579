// Helper for bench/send-api.mjs, run with tsx against the benchmarked app's database:
//   tsx bench/bench-account.ts create          → prints {"accountId","apiKey","senderId"}
//   tsx bench/bench-account.ts verify <id>     → prints message count and the ledger check
import { randomBytes } from "node:crypto";
import { createAccount } from "@/lib/accounts/create-account";
import { checkLedger } from "@/lib/credits/check-ledger";
import { db } from "@/lib/db";

async function create() {
  const suffix = randomBytes(4).toString("hex");
  const senderId = "BENCH";
  const created = await createAccount({
    name: `Bench ${suffix}`,
    owner: { email: `bench-${suffix}@example.test`, name: "Bench", password: randomBytes(12).toString("hex") },
    // Enough for millions of sends: the benchmark measures the API, not running out of credit.
    credits: 1_000_000_000_000,
    approvedSenderId: senderId,
    withApiKey: true,
  });
  return { accountId: created.accountId, apiKey: created.apiKey?.key, senderId };
}

async function verify(accountId: string) {
  const messages = await db.message.count({ where: { accountId } });
  const ledger = await checkLedger(accountId);
  return { messages, ledgerProblems: ledger.problems, reserved: Number(ledger.account.reserved) };
}

const [command, accountId] = process.argv.slice(2);
const result = command === "create" ? await create() : command === "verify" && accountId ? await verify(accountId) : null;
if (!result) {
  process.stderr.write("usage: tsx bench/bench-account.ts create | verify <accountId>\n");
  process.exitCode = 2;
} else {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
await db.$disconnect();
