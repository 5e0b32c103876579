/** Offset (ms) of `timeZone` from UTC at the instant `date`. */
function offsetAt(date: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(date);
  const value = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const asUtc = Date.UTC(value("year"), value("month") - 1, value("day"), value("hour"), value("minute"), value("second"));
  return asUtc - Math.floor(date.getTime() / 1000) * 1000;
}

/**
 * The instant a wall-clock time (`2026-03-01T09:30`, as a datetime-local input gives it) names
 * in `timeZone`, e.g. the account's Africa/Nairobi; null when the text is not such a time.
 */
export function localTimeToUtc(local: string, timeZone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local.trim());
  if (!match) return null;
  const [, year, month, day, hour, minute, second] = match.map(Number);
  const wall = Date.UTC(year, month - 1, day, hour, minute, second || 0);
  // Two passes settle the offset even when the guess falls on the other side of a DST change.
  let instant = wall - offsetAt(new Date(wall), timeZone);
  instant = wall - offsetAt(new Date(instant), timeZone);
  return new Date(instant);
}

/** A UTC instant as the `YYYY-MM-DDTHH:mm` wall-clock text of `timeZone`. */
export function utcToLocalInput(date: Date, timeZone: string): string {
  const shifted = new Date(date.getTime() + offsetAt(date, timeZone));
  return shifted.toISOString().slice(0, 16);
}
