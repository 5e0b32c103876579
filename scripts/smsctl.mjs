#!/usr/bin/env node
// Launcher for the operator CLI: loads the TypeScript entry through tsx with the project's tsconfig,
// so `npx smsctl …` works from the project directory after `npm install`.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { register } from "tsx/esm/api";

const root = path.resolve(import.meta.dirname, "..");
register({ tsconfig: path.join(root, "tsconfig.json") });
await import(pathToFileURL(path.join(root, "scripts", "smsctl.ts")).href);
