import { writeFileSync } from "node:fs";
import { openApiDocument } from "@/lib/openapi/document";

// Writes the OpenAPI document to the path given (for `redocly lint` and openapi-typescript).
const target = process.argv[2];
if (!target) throw new Error("usage: tsx scripts/write-openapi.ts <file.json>");
writeFileSync(target, `${JSON.stringify(openApiDocument(), null, 2)}\n`);
