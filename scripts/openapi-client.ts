import { writeFileSync } from "node:fs";
import { CLIENT_SCHEMA_FILE, generateClientSchema } from "./lib/generate-client-schema";

// `npm run openapi:client`: regenerates the typed client's schema after an API change.
writeFileSync(CLIENT_SCHEMA_FILE, await generateClientSchema());
