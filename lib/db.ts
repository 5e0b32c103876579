import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

function createClient() {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: env.DATABASE_URL, max: env.DATABASE_POOL_SIZE }),
    // Secrets are left out of every query unless a caller asks for them explicitly.
    omit: { user: { passwordHash: true } },
  });
}

export type Database = ReturnType<typeof createClient>;
/** The client handed to `db.$transaction(async (tx) => …)` callbacks. */
export type Transaction = Parameters<Parameters<Database["$transaction"]>[0]>[0];

// Next.js dev mode re-evaluates modules; keep one client (and one pool) per process.
const globalForDb = globalThis as unknown as { semaDb?: Database };

export const db: Database = globalForDb.semaDb ?? createClient();
globalForDb.semaDb = db;

export { Prisma } from "@/lib/generated/prisma/client";
