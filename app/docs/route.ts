import { referencePage } from "@/lib/openapi/reference-page";

// Public (lib/auth/config.ts PUBLIC_PATHS): the API reference, rendered by Scalar from /v1/openapi.json.
export const dynamic = "force-dynamic";

export function GET(request: Request): Response {
  return referencePage(request);
}
