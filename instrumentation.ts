// Next.js calls register() once when a server instance starts, before it serves a request: the web app
// refuses to start here, like the worker does, when production mode lacks its secrets.
export async function register(): Promise<void> {
  // `next build` also loads the server to collect page data; secrets are a matter for the running server.
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { exitIfUnsafeToStart } = await import("@/lib/startup/check-startup-env");
  exitIfUnsafeToStart("web");
}
