import { z } from "zod";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { createCelcomSimulator } from "@/simulators/celcom/create-celcom-simulator";
import { SIMULATOR_DEFAULT_DLR_URL, SIMULATOR_DEFAULT_PORT } from "@/lib/providers/celcom/simulator-defaults";
import { exitIfUnsafeToStart } from "@/lib/startup/check-startup-env";

// Standalone simulator (`npm run simulator`). Its own variables are read here rather than in
// lib/env.ts because nothing else needs them; credentials and the callback token are shared.
const simulatorEnv = z
  .object({
    SIMULATOR_HOST: z.string().min(1).default("127.0.0.1"),
    SIMULATOR_PORT: z.coerce.number().int().min(0).max(65_535).default(SIMULATOR_DEFAULT_PORT),
    SIMULATOR_DLR_URL: z.string().url().default(SIMULATOR_DEFAULT_DLR_URL),
    /** Optional JSON object with any other knob, e.g. '{"dlrLatencyMaxMs":500,"seed":7}'. */
    SIMULATOR_CONFIG: z.string().optional(),
  })
  .parse(process.env);

const log = logger.child({ component: "celcom-simulator" });

function extraConfig(): Record<string, unknown> {
  if (!simulatorEnv.SIMULATOR_CONFIG) return {};
  const decoded: unknown = JSON.parse(simulatorEnv.SIMULATOR_CONFIG);
  if (typeof decoded !== "object" || decoded === null || Array.isArray(decoded)) {
    throw new Error("SIMULATOR_CONFIG must be a JSON object");
  }
  return decoded as Record<string, unknown>;
}

async function main(): Promise<void> {
  // Its admin API has no authentication and it accepts well-known credentials: never in production.
  exitIfUnsafeToStart("simulator");
  const simulator = await createCelcomSimulator({
    host: simulatorEnv.SIMULATOR_HOST,
    port: simulatorEnv.SIMULATOR_PORT,
    apiKey: env.SIMULATOR_API_KEY,
    partnerId: env.SIMULATOR_PARTNER_ID,
    dlrUrl: simulatorEnv.SIMULATOR_DLR_URL,
    dlrToken: env.DLR_CALLBACK_TOKEN,
    ...extraConfig(),
    logger: log,
  });
  log.info("Celcom simulator listening", {
    url: simulator.url,
    dlrUrl: simulator.config.dlrUrl,
    seed: simulator.config.seed,
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info("Celcom simulator stopping", { signal, stats: simulator.stats });
    simulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error("Celcom simulator failed to stop cleanly", { error });
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((error: unknown) => {
  log.error("Celcom simulator failed to start", { error });
  process.exit(1);
});
