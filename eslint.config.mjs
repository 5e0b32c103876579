import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import importX from "eslint-plugin-import-x";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";

// Layering (docs/architecture.md): lib/ is product code that app/, components/ and workers/ build
// on; simulators/, bench/, scripts/ and tests/ are tools around it. Each zone lists the folders its
// target may not import from.
const SOURCE_FILES = ["**/*.{ts,tsx,mjs}"];
const TEST_FILES = ["**/*.test.ts", "**/*.spec.ts", "tests/**"];
const TOOLS = ["simulators", "bench", "scripts", "tests"];
const layering = [
  { target: "lib", from: ["app", "workers", "components"], message: "lib/ is below app/, components/ and workers/: move the shared code into lib/ (tests that cross layers go in tests/integration/)." },
  { target: "components", from: ["app", "workers"], message: "components/ import from lib/: pass server actions in as props and keep shared types in lib/." },
  { target: "workers", from: ["app", "components"], message: "The worker process loads no app/ or components/ code." },
  { target: "app", from: ["workers"], message: "app/ enqueues work through lib/; it never loads the worker." },
];
// Product code ships without the tools; their tests may use them.
const productUsesNoTools = ["lib", "app", "components", "workers"].map((target) => ({
  target,
  from: TOOLS,
  message: "Product code does not import simulators/, bench/, scripts/ or tests/.",
}));

export default tseslint.config(
  { ignores: ["node_modules/", ".next/", "lib/generated/", "docs/client/schema.d.ts", "next-env.d.ts", "test-results/", "playwright-report/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "no-console": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },
  {
    files: SOURCE_FILES,
    plugins: { "import-x": importX },
    settings: {
      "import-x/resolver-next": [createTypeScriptImportResolver({ project: `${import.meta.dirname}/tsconfig.json` })],
      "import-x/extensions": [".ts", ".tsx", ".mjs", ".js"],
    },
    rules: {
      "import-x/no-restricted-paths": ["error", { basePath: import.meta.dirname, zones: [...layering, ...productUsesNoTools] }],
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      "max-lines": ["error", { max: 400, skipBlankLines: false, skipComments: false }],
    },
  },
  {
    files: TEST_FILES,
    rules: { "import-x/no-restricted-paths": ["error", { basePath: import.meta.dirname, zones: layering }] },
  },
  {
    files: ["scripts/**/*.{mjs,ts}", "bench/**/*.{mjs,ts}", "lib/logger.ts"],
    rules: { "no-console": "off" },
  },
  {
    files: ["**/*.mjs"],
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly", setTimeout: "readonly", clearTimeout: "readonly", fetch: "readonly" } },
  },
);
