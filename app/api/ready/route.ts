import { json } from "@/lib/http/respond";
import { checkReadiness } from "@/lib/observability/readiness";

export const dynamic = "force-dynamic";

/** Readiness for load balancers: Postgres, Redis and a usable provider; 503 names the failing checks. */
export async function GET(): Promise<Response> {
  const readiness = await checkReadiness();
  return json(readiness, readiness.ready ? 200 : 503, { "cache-control": "no-store" });
}
