import { openApiDocument } from "@/lib/openapi/document";
import { withErrors } from "@/lib/http/api-route";

// Public: the document describes the API, it reveals nothing of any account.
export const GET = withErrors(async () =>
  Response.json(openApiDocument(), { headers: { "cache-control": "public, max-age=300" } }),
);
