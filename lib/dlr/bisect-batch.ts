import { setTimeout as sleep } from "node:timers/promises";
import type { DbErrorKind } from "@/lib/db-errors";

export interface BisectOptions<T, R> {
  /** Applies a batch as one statement; all of it or nothing. */
  apply(items: T[]): Promise<R>;
  /** What a failure of `apply` means (see lib/db-errors.ts). */
  classify(error: unknown): DbErrorKind;
  /** Keeps an item the statement still refuses on its own, with the error; must not throw for bad items. */
  park(item: T, error: unknown): Promise<void>;
  /** Runs of `apply` after a `conflict` before giving up (default 3). */
  conflictRetries?: number;
  conflictDelayMs?: number;
}

export interface BisectOutcome<R> {
  /** One result per statement that committed; exactly one when nothing failed. */
  results: R[];
  parked: number;
}

/**
 * Applies `items` as one statement; when the statement refuses its input (`data`), splits the
 * batch in halves and applies each the same way, down to single items, and parks a single item
 * that still fails. So one bad item costs about 2·log2(n) extra statements and never takes its
 * neighbours with it. A `conflict` re-runs the same statement a few times. Anything else (the
 * database is unreachable, the server is shutting down) is thrown as it is: splitting would only
 * park good items, and the caller's retry will apply them later. Halves already committed before
 * such an error stay committed; the statement must therefore be safe to repeat.
 */
export async function applyBisecting<T, R>(items: readonly T[], options: BisectOptions<T, R>): Promise<BisectOutcome<R>> {
  const outcome: BisectOutcome<R> = { results: [], parked: 0 };
  const retries = options.conflictRetries ?? 3;
  const delayMs = options.conflictDelayMs ?? 50;

  async function attempt(part: T[]): Promise<void> {
    for (let conflicts = 0; ; conflicts++) {
      try {
        outcome.results.push(await options.apply(part));
        return;
      } catch (error) {
        const kind = options.classify(error);
        if (kind === "conflict" && conflicts < retries) {
          await sleep(delayMs * (conflicts + 1));
          continue;
        }
        if (kind !== "data") throw error;
        if (part.length === 1) {
          await options.park(part[0], error);
          outcome.parked += 1;
          return;
        }
        const middle = Math.ceil(part.length / 2);
        await attempt(part.slice(0, middle));
        await attempt(part.slice(middle));
        return;
      }
    }
  }

  if (items.length > 0) await attempt([...items]);
  return outcome;
}
