import { z } from "zod";
import { logger } from "@/lib/logger";
import { exitIfUnsafeToStart } from "@/lib/startup/check-startup-env";
import { SMPP_SIMULATOR_DEFAULTS } from "@/simulators/smpp/config";
import { createSmppSimulator } from "@/simulators/smpp/create-smpp-simulator";

// Standalone SMPP SMSC simulator (`npm run smpp-simulator`); its variables are read here only.
const simulatorEnv = z
  .object({
    SMPP_SIMULATOR_HOST: z.string().min(1).default("127.0.0.1"),
    SMPP_SIMULATOR_PORT: z.coerce.number().int().min(0).max(65_535).default(SMPP_SIMULATOR_DEFAULTS.port),
    SMPP_SIMULATOR_ADMIN_PORT: z.coerce.number().int().min(0).max(65_535).default(SMPP_SIMULATOR_DEFAULTS.adminPort),
    /** Optional JSON object with any knob, e.g. '{"dlrLatencyMaxMs":500,"seed":7}'. */
    SMPP_SIMULATOR_CONFIG: z.string().optional(),
  })
  .parse(process.env);

const log = logger.child({ component: "smpp-simulator" });

async function main(): Promise<void> {
  exitIfUnsafeToStart("simulator");
  const extra = simulatorEnv.SMPP_SIMULATOR_CONFIG ? (JSON.parse(simulatorEnv.SMPP_SIMULATOR_CONFIG) as Record<string, unknown>) : {};
  const simulator = await createSmppSimulator({
    host: simulatorEnv.SMPP_SIMULATOR_HOST,
    port: simulatorEnv.SMPP_SIMULATOR_PORT,
    adminPort: simulatorEnv.SMPP_SIMULATOR_ADMIN_PORT,
    ...extra,
    logger: log,
  });
  log.info("SMPP simulator listening", { port: simulator.port, adminUrl: simulator.adminUrl, systemId: simulator.config.systemId, seed: simulator.config.seed });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info("SMPP simulator stopping", { signal, stats: simulator.stats });
    simulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error("SMPP simulator failed to stop cleanly", { err: error });
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((error: unknown) => {
  log.error("SMPP simulator failed to start", { err: error });
  process.exit(1);
});
