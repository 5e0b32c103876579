import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import { CLIENT_SCHEMA_FILE, generateClientSchema } from "./generate-client-schema";

test("the committed client schema matches the OpenAPI document (run `npm run openapi:client` after an API change)", async () => {
  const committed = readFileSync(path.resolve(import.meta.dirname, "../..", CLIENT_SCHEMA_FILE), "utf8");
  expect(committed === (await generateClientSchema()), `${CLIENT_SCHEMA_FILE} is stale: run npm run openapi:client`).toBe(true);
});
