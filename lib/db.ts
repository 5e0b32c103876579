import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { type Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { classifyDbError } from "@/lib/db-errors";
import { env } from "@/lib/env";

function createPool(): pg.Pool {
  // Idle connections must not keep a finished script or test worker alive.
  return new pg.Pool({ connectionString: env.DATABASE_URL, max: env.DATABASE_POOL_SIZE, allowExitOnIdle: true });
}

function createClient(pool: pg.Pool) {
  return new PrismaClient({
    // `db.$disconnect()` ends the shared pool too, as it did when Prisma owned the pool.
    adapter: new PrismaPg(pool, { disposeExternalPool: true }),
    // Secrets are left out of every query unless a caller asks for them explicitly.
    omit: { user: { passwordHash: true } },
  });
}

export type Database = ReturnType<typeof createClient>;
/** The client handed to `db.$transaction(async (tx) => …)` callbacks. */
export type Transaction = Parameters<Parameters<Database["$transaction"]>[0]>[0];

// Next.js dev mode re-evaluates modules; keep one client (and one pool) per process.
const globalForDb = globalThis as unknown as { semaDb?: Database; semaPool?: pg.Pool };

const initialPool = globalForDb.semaPool ?? createPool();
globalForDb.semaPool = initialPool;

export const db: Database = globalForDb.semaDb ?? createClient(initialPool);
globalForDb.semaDb = db;

function livePool(): pg.Pool {
  let pool = globalForDb.semaPool;
  // After `db.$disconnect()` Prisma opens a pool of its own on next use; raw queries do the same.
  if (!pool || pool.ending || pool.ended) {
    pool = createPool();
    globalForDb.semaPool = pool;
  }
  return pool;
}

/**
 * One SQL statement on the connection pool Prisma uses, without Prisma: no per-call query
 * compilation, interpretation or tracing, which on the send path cost several times the query
 * itself. For the few hot statements only; everything else goes through `db`. Build `query` with
 * `Prisma.sql` as for `$queryRaw`. `name` makes it a prepared statement (parsed and planned once
 * per connection): every distinct SQL text needs its own name. pg returns bigint columns as
 * strings, timestamps as Dates.
 */
export async function hotQuery<Row extends pg.QueryResultRow>(name: string, query: Prisma.Sql): Promise<Row[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await livePool().query<Row>({ name, text: query.text, values: query.values });
      return result.rows;
    } catch (error) {
      // A statement on its own commits or has no effect at all: one that lost a deadlock or a
      // serialization conflict (e.g. a batch insert reserving on an account row while DLR batches
      // capture on it) simply runs again, instead of failing the request or the job.
      if (attempt >= CONFLICT_RETRIES || classifyDbError(error) !== "conflict") throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
}

/** Runs of one hot statement at most when it keeps losing deadlocks or serialization conflicts. */
const CONFLICT_RETRIES = 4;

/**
 * A connection of the same pool, held for `work` (several statements, a transaction, COPY):
 * for bulk paths that Prisma cannot express. Released (or discarded after an error) afterwards.
 */
export async function withPgClient<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await livePool().connect();
  let failed = false;
  try {
    return await work(client);
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    // A connection that failed mid-COPY or mid-transaction is not handed to anyone else.
    client.release(failed);
  }
}

/**
 * What bulk statements need from a connection: run SQL built with `Prisma.sql`, get rows back.
 * Prisma (`viaPrisma(db)` or a transaction) or a pg connection (`withPgTransaction`): the latter
 * skips Prisma's per-call query compilation and result decoding, which for statements moving
 * thousands of rows costs more than the statement. Through pg, bigint columns come back as strings.
 */
export interface SqlClient {
  query<Row>(query: Prisma.Sql): Promise<Row[]>;
}

export function viaPrisma(client: Database | Transaction): SqlClient {
  return { query: <Row>(query: Prisma.Sql) => client.$queryRaw<Row[]>(query) };
}

/**
 * Runs `work` in a transaction on a pg connection of the pool (committed, or rolled back on error).
 * `client` is the connection itself, for what SqlClient cannot do (COPY).
 */
export async function withPgTransaction<T>(work: (sql: SqlClient, client: pg.PoolClient) => Promise<T>): Promise<T> {
  return withPgClient(async (client) => {
    const sql: SqlClient = { query: async <Row>(query: Prisma.Sql) => (await client.query({ text: query.text, values: query.values })).rows as Row[] };
    await client.query("BEGIN");
    try {
      const result = await work(sql, client);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    }
  });
}

export { Prisma } from "@/lib/generated/prisma/client";
