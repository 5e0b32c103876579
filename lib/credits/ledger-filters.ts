import { z } from "zod";
import { localDayStart } from "@/lib/analytics/local-day";
import { LEDGER_TYPES } from "@/lib/credits/list-ledger";

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const calendarDay = z.preprocess(blankToUndefined, z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date (yyyy-mm-dd)").optional());

/** The billing page's ledger filters from the query string: a type and calendar days (inclusive) of the account's time zone. */
export const ledgerFilterQuery = z.object({
  type: z.preprocess(blankToUndefined, z.enum(LEDGER_TYPES).optional()),
  since: calendarDay,
  until: calendarDay,
});
export type LedgerFilterQuery = z.output<typeof ledgerFilterQuery>;

/** The filters as instants: `until` covers its whole day. */
export function ledgerFilterInstants(query: LedgerFilterQuery, timeZone: string) {
  return {
    type: query.type,
    since: query.since ? localDayStart(query.since, timeZone) : undefined,
    until: query.until ? localDayStart(query.until, timeZone, true) : undefined,
  };
}
