import { scalarBundle } from "@/lib/openapi/reference-page";

// Scalar's standalone bundle from node_modules, so /docs needs no CDN.
export async function GET(): Promise<Response> {
  return new Response(new Uint8Array(await scalarBundle()), {
    headers: { "content-type": "text/javascript; charset=utf-8", "cache-control": "public, max-age=3600" },
  });
}
