// Types of services.mjs for the TypeScript tools that reuse it (bench/chaos).
export const ROOT: string;
export function bin(name: string): string;
export function adminUrlFor(databaseUrl: string): string;
export function ensurePostgres(databaseUrl: string): Promise<void>;
export function ensureRedis(redisUrl: string): Promise<void>;
export function ensureDatabase(databaseUrl: string, options?: { fresh?: boolean }): Promise<void>;
export function dropDatabase(databaseUrl: string): Promise<void>;
type Stdio = "inherit" | ["ignore", number, number];
export function run(command: string, args: string[], env?: NodeJS.ProcessEnv, stdio?: Stdio): void;
export function migrate(databaseUrl: string, options?: { stdio?: Stdio }): void;
export function buildIfNeeded(options?: { force?: boolean; stdio?: Stdio }): void;
export function say(message: string): void;
export function sleep(ms: number): Promise<void>;
