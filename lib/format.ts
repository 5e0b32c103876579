// Display formatting shared by portal pages. Money is integer minor units (KES cents).

const CURRENCY_DECIMALS = 2;
const MINOR_PER_MAJOR = 100n;

/** "KES 1,234.56" from minor units; negative amounts keep their sign. Exact for any bigint. */
export function formatMoney(minor: number | bigint, currency = "KES"): string {
  const value = BigInt(minor);
  const negative = value < 0n;
  const absolute = negative ? -value : value;
  const major = (absolute / MINOR_PER_MAJOR).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const cents = (absolute % MINOR_PER_MAJOR).toString().padStart(CURRENCY_DECIMALS, "0");
  return `${negative ? "-" : ""}${currency} ${major}.${cents}`;
}

/**
 * Minor units from a typed amount such as "1500", "1,500.5" or "12.05"; null when the text is not
 * a non-negative amount with at most two decimals.
 */
export function parseMoney(text: string): number | null {
  const cleaned = text.trim().replace(/,/g, "");
  const match = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match) return null;
  const cents = (match[2] ?? "").padEnd(CURRENCY_DECIMALS, "0");
  return Number(match[1]) * 100 + Number(cents);
}

type DateInput = Date | string | number;

function toDate(value: DateInput): Date {
  return value instanceof Date ? value : new Date(value);
}

/** "23 Nov 2026, 14:05" in the given IANA time zone. */
export function formatDateTime(value: DateInput, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone,
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(toDate(value));
}

/** "23 Nov 2026, 14:05:09" in the given IANA time zone: for delivery timelines, where seconds matter. */
export function formatDateTimeSeconds(value: DateInput, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone,
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  }).format(toDate(value));
}

/** "2026-11-23 14:05:09" in the given IANA time zone: sortable, for CSV files. */
export function formatIsoLocal(value: DateInput, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" })
      .formatToParts(toDate(value))
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

/** "23 Nov 2026" in the given IANA time zone. */
export function formatDate(value: DateInput, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone, day: "numeric", month: "short", year: "numeric" }).format(toDate(value));
}

/** "3 minutes ago" / "in 2 hours", relative to `now`. */
export function formatRelative(value: DateInput, now: DateInput = new Date()): string {
  const seconds = Math.round((toDate(value).getTime() - toDate(now).getTime()) / 1000);
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ["year", 365 * 24 * 3600],
    ["month", 30 * 24 * 3600],
    ["day", 24 * 3600],
    ["hour", 3600],
    ["minute", 60],
  ];
  const format = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
  }
  return format.format(seconds, "second");
}

/** Whole numbers with thousands separators: 12,345. */
export function formatCount(value: number | bigint): string {
  return new Intl.NumberFormat("en-GB").format(value);
}

/** A ratio as a percentage with one decimal: 0.9534 → "95.3%". */
export function formatPercent(ratio: number): string {
  return `${(Math.round(ratio * 1000) / 10).toFixed(1)}%`;
}
