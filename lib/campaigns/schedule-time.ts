import { localTimeToUtc } from "@/lib/campaigns/local-time";

/** The customer-facing refusal of a schedule time, shared by the wizard's field and its server actions. */
export const SCHEDULE_IN_PAST_MESSAGE = "Choose a time in the future";
export const SCHEDULE_MISSING_MESSAGE = "Choose a date and time";

/**
 * What is wrong with a wall-clock schedule (`2026-03-01T09:30`) in the account's `timeZone`, or
 * null when it names an instant after `now`. Runs in the browser (the field) and on the server.
 */
export function scheduleProblem(local: string, timeZone: string, now: number): string | null {
  const instant = localTimeToUtc(local, timeZone);
  if (!instant) return SCHEDULE_MISSING_MESSAGE;
  return instant.getTime() <= now ? SCHEDULE_IN_PAST_MESSAGE : null;
}
