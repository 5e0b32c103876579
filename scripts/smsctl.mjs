#!/usr/bin/env node
// Launcher for the operator CLI: loads the TypeScript entry through tsx with the project's tsconfig,
// so `npx smsctl …` works from the project directory after `npm install`.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { register } from "tsx/esm/api";

const root = path.resolve(import.meta.dirname, "..");
// Results are JSON on stdout; log lines go to stderr so they never mix with them.
process.env.LOG_DESTINATION ??= "stderr";
register({ tsconfig: path.join(root, "tsconfig.json") });
await import(pathToFileURL(path.join(root, "scripts", "smsctl.ts")).href);
