import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { ESLint } from "eslint";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// `npm run lint` enforces the layering (eslint.config.mjs, docs/architecture.md). These lint
// deliberate violations with the project's own configuration and expect the rule to fire, so a
// config change that silently drops a rule fails here.

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const eslint = new ESLint({ cwd: ROOT });

async function ruleIds(code: string, filePath: string): Promise<(string | null)[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, filePath) });
  return result.messages.map((message) => message.ruleId);
}

describe("layering rules", { timeout: 60_000 }, () => {
  it("accepts lib/ code that imports lib/", async () => {
    expect(await ruleIds('import { maskPhone } from "@/lib/phone/mask";\n\nexport const masked = maskPhone("+254712345678");\n', "lib/example/clean.ts")).toEqual([]);
  });

  it("refuses lib/ importing app/ or workers/", async () => {
    expect(await ruleIds('export { GET } from "@/app/api/health/route";\n', "lib/example/uses-app.ts")).toContain("import-x/no-restricted-paths");
    expect(await ruleIds('export { startSending } from "@/workers/sending";\n', "lib/example/uses-worker.ts")).toContain("import-x/no-restricted-paths");
  });

  it("refuses lib/ tests importing app/: cross-layer tests belong in tests/integration/", async () => {
    expect(await ruleIds('export { GET } from "@/app/api/health/route";\n', "lib/example/uses-app.int.test.ts")).toContain("import-x/no-restricted-paths");
    expect(await ruleIds('export { GET } from "@/app/api/health/route";\n', "tests/integration/example/uses-app.test.ts")).toEqual([]);
  });

  it("refuses components/ importing app/ (server actions come in as props)", async () => {
    const code = 'import { signOutAction } from "@/app/(auth)/actions";\n\nexport const action = signOutAction;\n';
    expect(await ruleIds(code, "components/example/uses-action.tsx")).toContain("import-x/no-restricted-paths");
  });

  it("refuses product code importing the simulator; tests may", async () => {
    const code = 'export { defaultSimulatorConfig } from "@/simulators/celcom/config";\n';
    expect(await ruleIds(code, "lib/example/uses-simulator.ts")).toContain("import-x/no-restricted-paths");
    expect(await ruleIds(code, "workers/uses-simulator.ts")).toContain("import-x/no-restricted-paths");
    expect(await ruleIds(code, "lib/example/uses-simulator.test.ts")).toEqual([]);
  });

  it("refuses source files over 400 lines", async () => {
    const lines = (count: number) => Array.from({ length: count }, (_, index) => `export const value${index} = ${index};`).join("\n") + "\n";
    expect(await ruleIds(lines(400), "lib/example/long.ts")).toEqual([]);
    expect(await ruleIds(lines(401), "lib/example/long.ts")).toContain("max-lines");
  });

  describe("import cycles", () => {
    // The resolver follows files on disk: the linted module and the one importing it back must exist.
    const folder = path.join(ROOT, "tests", "lint", `cycle-fixture-${process.pid}`);
    const cyclic = 'import { second } from "./second";\n\nexport const first = () => second;\n';
    beforeAll(async () => {
      await mkdir(folder, { recursive: true });
      await writeFile(path.join(folder, "first.ts"), cyclic);
      await writeFile(path.join(folder, "second.ts"), 'import { first } from "./first";\n\nexport const second = () => first;\n');
      await writeFile(path.join(folder, "third.ts"), "export const third = 3;\n");
    });
    afterAll(async () => {
      await rm(folder, { recursive: true, force: true });
    });

    it("refuses a module that imports a module importing it", async () => {
      const relative = path.relative(ROOT, path.join(folder, "first.ts"));
      expect(await ruleIds(cyclic, relative)).toContain("import-x/no-cycle");
      expect(await ruleIds('import { third } from "./third";\n\nexport const first = () => third;\n', relative)).toEqual([]);
    });
  });
});
