import { z } from "zod";

const booleanFlag = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((value) => value === "true" || value === "1");

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const port = (fallback: number) => z.coerce.number().int().min(0).max(65_535).default(fallback);

/** The documented development token: accepted only in demo and test mode (lib/startup/check-startup-env.ts). */
export const DEFAULT_DLR_CALLBACK_TOKEN = "dev-dlr-callback-token";

/** The documented development key for provider secrets: accepted only in demo and test mode. */
export const DEFAULT_PROVIDER_SECRETS_KEY = "dev-provider-secrets-key";

// One validated environment shared by the web app, the worker, the CLI and tests.
// Every variable has a local-development default; production overrides them.
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  // demo (`npm start`) and test (`npm test`) accept default secrets and loopback webhooks; unset is production.
  SEMA_MODE: z.enum(["demo", "test", "production"]).default("production"),
  AUTH_SECRET: z.string().optional(),
  PORT: port(3000),
  DATABASE_URL: z.string().url().default("postgresql://postgres@127.0.0.1:5432/sema_link"),
  DATABASE_POOL_SIZE: positiveInt(10),
  REDIS_URL: z.string().url().default("redis://127.0.0.1:6379"),
  // A Redis Cluster instead of REDIS_URL: comma-separated seed nodes, `host:port` or `redis[s]://[user:password@]host:port`
  // (lib/queue/connection.ts). QUEUE_PREFIX is then wrapped in a hash tag (`{sema}`) unless it has one.
  REDIS_CLUSTER_NODES: z.string().default(""),
  QUEUE_PREFIX: z.string().min(1).regex(/^[^{}]*(\{[^{}]+\}[^{}]*)?$/, "may hold one {hash tag}, nothing else in braces").default("sema"),
  APP_URL: z.string().url().default("http://localhost:3000"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  // The CLI prints its results on stdout and sends its log lines to stderr.
  LOG_DESTINATION: z.enum(["stdout", "stderr"]).default("stdout"),

  SMS_PROVIDER: z.enum(["simulator", "celcom"]).default("simulator"),
  CELCOM_BASE_URL: z.string().url().default("https://isms.celcomafrica.com"),
  CELCOM_API_KEY: z.string().default(""),
  CELCOM_PARTNER_ID: z.string().default(""),
  CELCOM_TIMEOUT_MS: positiveInt(10_000),
  SIMULATOR_URL: z.string().url().default("http://127.0.0.1:4010"),
  SIMULATOR_PORT: port(4010),
  SIMULATOR_API_KEY: z.string().default("simulator-key"),
  SIMULATOR_PARTNER_ID: z.string().default("simulator-partner"),

  // Encrypts provider secrets at rest (lib/routing/provider-secrets.ts); the default is for demo and test mode only.
  PROVIDER_SECRETS_KEY: z.string().min(16).default(DEFAULT_PROVIDER_SECRETS_KEY),
  BREAKER_CONSECUTIVE_FAILURES: positiveInt(5),
  BREAKER_HALF_OPEN_AFTER_MS: positiveInt(30_000),

  DLR_CALLBACK_TOKEN: z.string().min(8).default(DEFAULT_DLR_CALLBACK_TOKEN),
  DLR_CALLBACK_HMAC_SECRET: z.string().optional(),
  DLR_BATCH_SIZE: positiveInt(100),
  DLR_BATCH_WAIT_MS: positiveInt(500),
  DLR_BATCH_CONCURRENCY: positiveInt(2),
  DLR_EXPIRY_HOURS: positiveInt(48),
  // A message whose provider could not be asked for its report (lib/dlr/pull-missing-reports.ts) stays `sent` this much longer.
  DLR_PULL_GRACE_HOURS: positiveInt(6),

  SEND_MAX_ATTEMPTS: positiveInt(3),
  SEND_BACKOFF_MS: positiveInt(2_000),
  SEND_CONCURRENCY: positiveInt(50),
  SEND_GROUPS_IN_FLIGHT: positiveInt(16),
  // Batch send jobs use the provider's bulk endpoint (Celcom sendbulk): ~5× the messages/s of one request each.
  SEND_BATCH_USE_PROVIDER_BULK: z.enum(["true", "false", "1", "0"]).default("true").transform((value) => value === "true" || value === "1"),
  RECONCILE_AFTER_SECONDS: positiveInt(120),
  RECONCILE_INTERVAL_SECONDS: positiveInt(30),
  // Durable inboxes (lib/queue/durable-inbox.ts): group-commit linger, and the age after which a row still there is re-queued.
  INBOX_LINGER_MS: positiveInt(2),
  INBOX_REQUEUE_AFTER_SECONDS: positiveInt(60),
  // How often the worker checks that every periodic job scheduler still exists in Redis (re-created if not).
  SCHEDULE_CHECK_INTERVAL_MS: positiveInt(30_000),

  WEBHOOK_ALLOW_LOOPBACK: booleanFlag,
  WEBHOOK_ALLOW_PRIVATE: booleanFlag,
  // Loopback ports never reachable by webhooks, besides PORT, SIMULATOR_PORT and the ports of APP_URL and SIMULATOR_URL.
  WEBHOOK_PROTECTED_PORTS: z.string().regex(/^\s*(\d+\s*(,\s*\d+\s*)*)?$/, "must be a comma-separated list of ports").default("4012"),
  WEBHOOK_TIMEOUT_MS: positiveInt(4_000),
  WEBHOOK_RETRY_SCHEDULE_MS: z.string().optional(),

  CONTACT_UPLOAD_MAX_BYTES: positiveInt(200 * 1024 * 1024),
  CONTACT_VALIDATION_CHUNK_SIZE: positiveInt(20_000),
  CONTACT_VALIDATION_CONCURRENCY: positiveInt(4),
  CAMPAIGN_SCHEDULER_INTERVAL_MS: positiveInt(60_000),
  CAMPAIGN_COMPLETION_INTERVAL_MS: positiveInt(5_000),
  CAMPAIGN_EXPANSION_CHUNK_SIZE: positiveInt(10_000),
  CAMPAIGN_EXPANSION_CONCURRENCY: positiveInt(2),
  CAMPAIGN_MAX_SCHEDULE_DAYS: positiveInt(90),
  // How long a stopping worker waits for in-flight jobs before releasing them to other workers.
  WORKER_SHUTDOWN_TIMEOUT_MS: positiveInt(30_000),

  // Portal sign-in throttling: failed attempts allowed per email and per client IP in a window.
  SIGN_IN_MAX_FAILURES: positiveInt(10),
  SIGN_IN_WINDOW_SECONDS: positiveInt(15 * 60),
  // /v1 rate limits (docs/traffic-controls.md): per API key and per account, sustained requests per
  // second with a burst; requests with a bad key per client IP per minute.
  API_RATE_LIMIT_PER_SECOND: positiveInt(100),
  API_RATE_LIMIT_BURST: positiveInt(200),
  API_RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE: positiveInt(60),
  // Behind a reverse proxy that sets X-Forwarded-For: its first entry is the client IP.
  TRUST_PROXY: booleanFlag,
  // Operations: /metrics bearer token (open when unset), the worker's metrics/health port (0 = any
  // free port), and how long a dead-lettered message waits for a replay before it is failed and refunded.
  METRICS_TOKEN: z.string().min(16).optional(),
  WORKER_METRICS_PORT: z.coerce.number().int().min(0).max(65_535).default(9464),
  DLQ_RETENTION_HOURS: positiveInt(24),
});

export type Env = z.infer<typeof envSchema>;

function loadEnv(): Env {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  return withClusterPrefix(parsed.data);
}

/**
 * On a Redis Cluster every key of the platform's multi-key operations (BullMQ's scripts, the health
 * windows, breaker reports) must hash to one slot: the prefix they share becomes a hash tag.
 */
function withClusterPrefix(parsed: Env): Env {
  if (parsed.REDIS_CLUSTER_NODES.trim() === "" || parsed.QUEUE_PREFIX.includes("{")) return parsed;
  return { ...parsed, QUEUE_PREFIX: `{${parsed.QUEUE_PREFIX}}` };
}

export const env: Env = loadEnv();
