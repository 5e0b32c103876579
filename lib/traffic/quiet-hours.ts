/**
 * Quiet hours: a daily window of local time (in the account's time zone) during which promotional
 * messages are held. The window may cross midnight (21:00–08:00). Times are whole minutes.
 */
export interface QuietHours {
  start: string;
  end: string;
}

const MINUTES_PER_DAY = 24 * 60;

function minutesOf(hhmm: string): number {
  const [hours, minutes] = hhmm.split(":").map(Number);
  return hours * 60 + minutes;
}

/** Minutes since local midnight at `at` in `timeZone` (and the seconds into that minute, as ms). */
function localClock(at: Date, timeZone: string): { minutes: number; msIntoMinute: number } {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(at);
  const hour = Number(parts.find((part) => part.type === "hour")?.value ?? 0);
  const minute = Number(parts.find((part) => part.type === "minute")?.value ?? 0);
  return { minutes: hour * 60 + minute, msIntoMinute: at.getTime() % 60_000 };
}

/**
 * When `at` falls inside the quiet window: the instant the window ends and how long it has been
 * going (ms). Null outside the window or without one.
 */
export function quietWindowAt(window: QuietHours | null, timeZone: string, at: Date): { endsAt: Date; elapsedMs: number } | null {
  if (!window) return null;
  const start = minutesOf(window.start);
  const end = minutesOf(window.end);
  const { minutes, msIntoMinute } = localClock(at, timeZone);
  const inside = start < end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
  if (!inside) return null;
  const untilEnd = (end - minutes + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  const sinceStart = (minutes - start + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  return { endsAt: new Date(at.getTime() - msIntoMinute + untilEnd * 60_000), elapsedMs: sinceStart * 60_000 + msIntoMinute };
}

/** When a promotional message due at `at` may go out: `at`, or the end of the quiet window it falls in. */
export function promotionalSendTime(window: QuietHours | null, timeZone: string, at: Date): Date {
  return quietWindowAt(window, timeZone, at)?.endsAt ?? at;
}

/**
 * A campaign pauses at the window's start (or is paused from its own start, `startedAt`, when it
 * starts inside the window) and resumes at its end: a send planned inside the window moves to the
 * end plus how far past the pause it was planned, so a paced campaign keeps its spacing.
 */
export function resumedSendTime(window: QuietHours | null, timeZone: string, at: Date, startedAt: Date = at): Date {
  const quiet = quietWindowAt(window, timeZone, at);
  if (!quiet) return at;
  const pausedAt = Math.max(at.getTime() - quiet.elapsedMs, startedAt.getTime());
  return new Date(quiet.endsAt.getTime() + Math.max(0, at.getTime() - pausedAt));
}

export function quietHoursOf(start: string | null, end: string | null): QuietHours | null {
  return start && end ? { start, end } : null;
}
