import { readFile } from "node:fs/promises";
import path from "node:path";
import { ApiReference } from "@scalar/nextjs-api-reference";

/** Where /docs loads Scalar's standalone bundle from: our own origin, never a CDN. */
export const SCALAR_BUNDLE_PATH = "/docs/scalar.js";

// The single-file (UMD) build: it loads no chunks and reads the page's nonce from
// `meta[property=csp-nonce]` for the stylesheet it injects, so it runs under the page CSP.
const BUNDLE_FILE = path.join(process.cwd(), "node_modules/@scalar/api-reference/dist/browser/standalone.js");

let bundle: Promise<Buffer> | undefined;

/** Scalar's bundle, read once per process. */
export function scalarBundle(): Promise<Buffer> {
  bundle ??= readFile(BUNDLE_FILE);
  return bundle;
}

/** The nonce proxy.ts put in the request's CSP header, which the page's scripts and styles must carry. */
export function nonceFrom(request: Request): string | undefined {
  return request.headers.get("content-security-policy")?.match(/'nonce-([^']+)'/)?.[1];
}

/**
 * The interactive API reference for one request: Scalar reading /v1/openapi.json, with its script,
 * inline initialiser and styles under the request's nonce. No fonts or anything else from outside
 * (the CSP would refuse them, and the machine may be offline).
 */
export function referencePage(request: Request): Response {
  const render = ApiReference({
    url: "/v1/openapi.json",
    pageTitle: "Sema Link API reference",
    cdn: SCALAR_BUNDLE_PATH,
    nonce: nonceFrom(request),
    withDefaultFonts: false,
    telemetry: false,
  });
  return render();
}
