import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

// Prisma 6.19 runs migrations through its WebAssembly schema engine over a driver adapter.
// The workarounds below keep the CLI offline and quiet on these machines (see docs/prisma.md).

// 1. Never let the CLI try to download native engines.
process.env.PRISMA_QUERY_ENGINE_LIBRARY ??= process.execPath;
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;

// 2. adapter-pg cannot type Postgres "char" (OID 18) and name (OID 19) columns returned by the
//    schema engine's catalog queries (prisma/orm#27403): read them as text.
const CHAR_OID = 18;
const NAME_OID = 19;
const TEXT_OID = 25;
type FieldLike = { dataTypeID: number };
const resultProto = (pg as unknown as { Result: { prototype: { addFields: (fields: FieldLike[]) => void } } }).Result
  .prototype;
const originalAddFields = resultProto.addFields;
resultProto.addFields = function addFields(fields: FieldLike[]) {
  for (const field of fields) {
    if (field.dataTypeID === CHAR_OID || field.dataTypeID === NAME_OID) field.dataTypeID = TEXT_OID;
  }
  return originalAddFields.call(this, fields);
};

// 3. The wasm engine leaves 10 s / 60 s timers pending, so the CLI would linger after migrating.
const originalSetTimeout = globalThis.setTimeout;
globalThis.setTimeout = ((handler: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
  const timer = originalSetTimeout(handler, ms, ...args);
  if ((ms ?? 0) >= 10_000) timer.unref();
  return timer;
}) as typeof setTimeout;

// 4. Discrete connection fields: a connection string would override the shadow database name.
function connectionFields(url: string) {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 5432),
    user: decodeURIComponent(parsed.username || "postgres"),
    password: decodeURIComponent(parsed.password),
    database: decodeURIComponent(parsed.pathname.slice(1) || "postgres"),
  };
}

const databaseUrl = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/sema_link";
process.env.DATABASE_URL = databaseUrl;

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  adapter: async () => new PrismaPg(connectionFields(databaseUrl)),
});
