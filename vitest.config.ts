import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": path.resolve(import.meta.dirname) };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "workers/**/*.test.ts", "scripts/**/*.test.ts", "simulators/**/*.test.ts", "tests/lint/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "node_modules/**"],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts", "lib/**/*.int.test.ts", "workers/**/*.int.test.ts"],
          environment: "node",
          globalSetup: ["tests/setup/global-setup.ts"],
          setupFiles: ["tests/setup/env.ts"],
          // next-auth imports `next/server` without an extension, which only bundlers resolve.
          server: { deps: { inline: ["next-auth"] } },
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Files share one fresh database and Redis prefix per run; each test makes its own accounts.
          fileParallelism: true,
          maxWorkers: 2,
        },
      },
    ],
  },
});
