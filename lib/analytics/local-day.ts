import { localTimeToUtc } from "@/lib/campaigns/local-time";

/**
 * The instant a calendar day (yyyy-mm-dd) begins in `timeZone`; with `nextDay`, the instant the
 * following day begins (the exclusive end of an inclusive range). Undefined for text that is no date.
 */
export function localDayStart(day: string, timeZone: string, nextDay = false): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  const [year, month, date] = match.slice(1).map(Number);
  const shifted = new Date(Date.UTC(year, month - 1, date + (nextDay ? 1 : 0)));
  if (Number.isNaN(shifted.getTime()) || shifted.getUTCFullYear() > 9999) return undefined;
  return localTimeToUtc(`${shifted.toISOString().slice(0, 10)}T00:00`, timeZone) ?? undefined;
}

/** The first instant of a calendar month (yyyy-mm) in `timeZone` and the first of the next. */
export function localMonthBounds(month: string, timeZone: string): { start: Date; end: Date } | undefined {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match || Number(match[2]) < 1 || Number(match[2]) > 12) return undefined;
  const [year, monthNumber] = [Number(match[1]), Number(match[2])];
  const next = monthNumber === 12 ? `${year + 1}-01-01` : `${year}-${String(monthNumber + 1).padStart(2, "0")}-01`;
  const start = localDayStart(`${month}-01`, timeZone);
  const end = localDayStart(next, timeZone);
  return start && end ? { start, end } : undefined;
}
