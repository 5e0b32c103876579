import { json } from "@/lib/http/respond";

export const dynamic = "force-dynamic";

/** Liveness for load balancers and the benchmark's baseline route: no database, no auth. */
export function GET(): Response {
  return json({ status: "ok" });
}
