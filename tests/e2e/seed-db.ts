import { randomUUID } from "node:crypto";
import pg from "pg";

// Direct writes to the e2e database (the runner passes DATABASE_URL) to give an account a history
// that would take hours to produce through the API: messages at chosen days, statuses and networks.

async function withClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set: run the e2e suite through the test runner script");
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function accountIdOf(email: string): Promise<string> {
  return withClient(async (client) => {
    const result = await client.query<{ account_id: string }>("SELECT account_id FROM users WHERE email = $1", [email]);
    if (!result.rows[0]) throw new Error(`no user ${email}`);
    return result.rows[0].account_id;
  });
}

export interface SeedMessage {
  daysAgo: number;
  status: "submitted" | "sent" | "delivered" | "failed" | "undeliverable" | "rejected" | "expired";
  operator: string;
  to?: string;
  body?: string;
  cost?: number;
  providerMessageId?: string;
}

/**
 * Inserts messages (and a ledger capture for each delivered one, a reservation held for each `sent`
 * one) keeping the account's balances consistent: toppedUp = balance + reserved + spent.
 */
export async function seedMessages(accountId: string, messages: SeedMessage[]): Promise<string[]> {
  return withClient(async (client) => {
    const ids: string[] = [];
    let reserved = 0;
    let spent = 0;
    for (const message of messages) {
      const id = randomUUID();
      ids.push(id);
      const cost = message.cost ?? 80;
      const charge = message.status === "delivered" ? "captured" : message.status === "sent" ? "reserved" : "released";
      const createdAt = new Date(Date.now() - message.daysAgo * 24 * 3600 * 1000 - 60_000);
      await client.query(
        `INSERT INTO messages (id, account_id, "to", "from", body, encoding, segments, country, operator, status, cost, charge_state, provider, provider_message_id, attempts, created_at, sent_at)
         VALUES ($1, $2, $3, 'SEMALINK', $4, 'gsm7', 1, 'KE', $5, $6, $7, $8, 'celcom', $9, 1, $10, $10)`,
        [id, accountId, message.to ?? "+254712000111", message.body ?? "Seeded history", message.operator, message.status, cost, charge, message.providerMessageId ?? null, createdAt],
      );
      if (charge === "captured") {
        spent += cost;
        await client.query("INSERT INTO ledger_entries (account_id, type, amount, message_id, created_at) VALUES ($1, 'capture', $2, $3, $4)", [accountId, cost, id, createdAt]);
      }
      if (charge === "reserved") reserved += cost;
    }
    await client.query("UPDATE accounts SET topped_up = topped_up + $2, reserved = reserved + $3, spent = spent + $4 WHERE id = $1", [accountId, reserved + spent, reserved, spent]);
    return ids;
  });
}

/** A top-up ledger entry with a description (balances kept consistent). */
export async function seedTopUp(accountId: string, amount: number, description: string): Promise<void> {
  await withClient(async (client) => {
    await client.query("INSERT INTO ledger_entries (account_id, type, amount, description) VALUES ($1, 'topup', $2, $3)", [accountId, amount, description]);
    await client.query("UPDATE accounts SET topped_up = topped_up + $2, balance = balance + $2 WHERE id = $1", [accountId, amount]);
  });
}
