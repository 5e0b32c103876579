/**
 * A replay starts a delivery's attempts over (attempt 1 is sent at once, the retry schedule begins
 * again), so the stored per-round numbers repeat: 1, 2, 1. The log numbers attempts across the
 * delivery's whole life and says which round each belongs to: the original sending or replay n.
 */
export interface NumberedAttempt<T> {
  attempt: T;
  /** 1, 2, 3, … over the whole log, oldest first. */
  number: number;
  /** 0 for the original sending, n for the n-th replay. */
  replay: number;
  /** The attempt's number within its round (what the retry schedule counts). */
  roundAttempt: number;
}

export function numberAttempts<T extends { attempt: number }>(log: readonly T[]): NumberedAttempt<T>[] {
  let replay = 0;
  let previous = 0;
  return log.map((attempt, index) => {
    // A round restarts when the stored number does not go up (a replay resets the counter to 0).
    if (index > 0 && attempt.attempt <= previous) replay += 1;
    previous = attempt.attempt;
    return { attempt, number: index + 1, replay, roundAttempt: attempt.attempt };
  });
}

export function describeRound(replay: number): string {
  return replay === 0 ? "Original" : `Replay ${replay}`;
}
