import type { RouteStrategy } from "@/lib/routing/schemas";

/** What the router knows about a provider when it orders a route's candidates. */
export interface CandidateHealth {
  name: string;
  /** Cost per segment for the message's MNO (minor units); undefined when the provider has no price. */
  cost?: number;
  /** Submissions in the window, and how many were accepted. */
  attempts: number;
  successes: number;
  /** Median submit latency in the window; undefined without samples. */
  p50LatencyMs?: number;
}

export const SCORE_WEIGHTS = { success: 0.6, cost: 0.2, latency: 0.2 } as const;

/**
 * Success ratio with one success and one failure assumed (Laplace): a provider without traffic
 * scores 0.5-ish instead of a perfect 1, and one failure does not sink a provider with ten successes.
 */
export function smoothedSuccess(candidate: Pick<CandidateHealth, "attempts" | "successes">): number {
  return (candidate.successes + 1) / (candidate.attempts + 2);
}

/**
 * Score in [0, 1]: 60 % success ratio, 20 % price and 20 % latency, price and latency relative to
 * the best candidate of the route (the cheapest scores 1, one twice as dear 0.5). Unknown price or
 * latency counts as the worst known one's.
 */
export function scoreCandidates(candidates: readonly CandidateHealth[]): Map<string, number> {
  const costs = candidates.map((c) => c.cost).filter((v): v is number => v !== undefined);
  const latencies = candidates.map((c) => c.p50LatencyMs).filter((v): v is number => v !== undefined);
  const relative = (value: number | undefined, known: number[]): number => {
    if (known.length === 0) return 1;
    const best = Math.max(1, Math.min(...known));
    const taken = value ?? Math.max(...known);
    return best / Math.max(best, taken);
  };
  return new Map(
    candidates.map((candidate) => [
      candidate.name,
      SCORE_WEIGHTS.success * smoothedSuccess(candidate) +
        SCORE_WEIGHTS.cost * relative(candidate.cost, costs) +
        SCORE_WEIGHTS.latency * relative(candidate.p50LatencyMs, latencies),
    ]),
  );
}

/** The order to try a route's providers in: the operator's order, or best score first (ties keep the operator's order). */
export function orderCandidates(strategy: RouteStrategy, candidates: readonly CandidateHealth[]): string[] {
  if (strategy === "priority") return candidates.map((candidate) => candidate.name);
  const scores = scoreCandidates(candidates);
  return candidates
    .map((candidate, index) => ({ name: candidate.name, index, score: scores.get(candidate.name) ?? 0 }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((entry) => entry.name);
}
