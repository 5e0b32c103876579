import openapiTS, { astToString, type OpenAPI3 } from "openapi-typescript";
import { openApiDocument } from "@/lib/openapi/document";

/** Where the generated client types live; docs/client/example.ts imports them. */
export const CLIENT_SCHEMA_FILE = "docs/client/schema.d.ts";

const HEADER = `// Generated from the OpenAPI document by \`npm run openapi:client\` (openapi-typescript). Do not edit:
// scripts/lib/generate-client-schema.test.ts fails when this file differs from a fresh generation.

`;

/** TypeScript types of every path, operation and schema in the document, for openapi-fetch. */
export async function generateClientSchema(): Promise<string> {
  const ast = await openapiTS(structuredClone(openApiDocument()) as unknown as OpenAPI3, { silent: true });
  return HEADER + astToString(ast);
}
