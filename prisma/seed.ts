import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";
import { db } from "@/lib/db";
import { createAccount } from "@/lib/accounts/create-account";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { seedReferenceData } from "@/lib/reference-data/seed-reference-data";
import { env } from "@/lib/env";
import { seedDemoProviders } from "@/lib/routing/seed-demo-providers";

// Local demo data for `npm start` and the e2e suite. Idempotent: reference data is upserted, the demo
// account is created once, and its credentials are kept in .data/ (git-ignored) so every start can
// print them. The API key is stored only hashed in the database.
const DEMO = {
  accountName: "Demo Company",
  email: process.env.DEMO_EMAIL ?? "demo@semalink.test",
  password: process.env.DEMO_PASSWORD ?? "sema-demo-password",
  senderId: "SEMALINK",
  // A short code of the demo account, so the inbound loop (STOP/START, keywords, inbox) runs locally.
  inboundNumber: "22384",
  credits: 10_000_000, // KES 100,000.00
};

const credentialsFile = path.join(process.cwd(), ".data", `demo-credentials-${new URL(process.env.DATABASE_URL ?? "postgresql://x/sema_link").pathname.slice(1)}.json`);

interface DemoCredentials {
  accountId: string;
  email: string;
  password: string;
  apiKey: string;
  senderId: string;
  inboundNumber?: string;
}

async function main() {
  await seedReferenceData(db);

  let credentials: DemoCredentials | null = existsSync(credentialsFile)
    ? (JSON.parse(readFileSync(credentialsFile, "utf8")) as DemoCredentials)
    : null;
  const existing = await db.user.findUnique({ where: { email: DEMO.email }, select: { accountId: true } });

  if (!existing) {
    const created = await createAccount({
      name: DEMO.accountName,
      owner: { email: DEMO.email, name: "Demo Owner", password: DEMO.password, isOperator: true },
      credits: DEMO.credits,
      approvedSenderId: DEMO.senderId,
      withApiKey: true,
    });
    credentials = { accountId: created.accountId, email: DEMO.email, password: DEMO.password, apiKey: created.apiKey!.key, senderId: DEMO.senderId };
  } else if (!credentials || credentials.accountId !== existing.accountId) {
    // The database has the demo account but this checkout lost its key: issue a new one.
    const key = await createApiKey({ accountId: existing.accountId, name: "Demo key (reissued)" });
    credentials = { accountId: existing.accountId, email: DEMO.email, password: DEMO.password, apiKey: key.key, senderId: DEMO.senderId };
  }

  const taken = await db.inboundNumber.findFirst({ where: { number: DEMO.inboundNumber, keyword: null }, select: { accountId: true } });
  if (!taken) await db.inboundNumber.create({ data: { accountId: credentials.accountId, number: DEMO.inboundNumber, kind: "short_code", assignedBy: "seed" } });
  if (!taken || taken.accountId === credentials.accountId) credentials = { ...credentials, inboundNumber: DEMO.inboundNumber };
  // `npm start` and the e2e run route through both bundled simulators (SEED_DEMO_PROVIDERS=true).
  if (process.env.SEED_DEMO_PROVIDERS === "true") {
    await seedDemoProviders({
      celcomUrl: env.SIMULATOR_URL,
      celcomApiKey: env.SIMULATOR_API_KEY,
      celcomPartnerId: env.SIMULATOR_PARTNER_ID,
      smppHost: "127.0.0.1",
      smppPort: Number(process.env.SMPP_SIMULATOR_PORT ?? 2775),
      smppSystemId: "semalink",
      smppPassword: "simpass",
    });
  }

  mkdirSync(path.dirname(credentialsFile), { recursive: true });
  writeFileSync(credentialsFile, JSON.stringify(credentials, null, 2), { mode: 0o600 });
  process.stdout.write(`${JSON.stringify({ seeded: true, credentialsFile, ...credentials })}\n`);
}

main()
  .then(() => db.$disconnect())
  .catch(async (error: unknown) => {
    process.stderr.write(`seed failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    await db.$disconnect();
    process.exit(1);
  });
