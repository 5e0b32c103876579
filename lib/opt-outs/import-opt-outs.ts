import Papa from "papaparse";
import { type CountryCode } from "libphonenumber-js/max";
import { normalisePhone } from "@/lib/phone/normalise";
import { recordConsent } from "@/lib/opt-outs/record-consent";
import type { ConsentRequester } from "@/lib/opt-outs/manage-opt-outs";

/** About 300,000 numbers: an opt-out list, not a contact list. */
export const MAX_OPT_OUT_IMPORT_BYTES = 5 * 1024 * 1024;
/** Rejected rows listed back to the user (the rest are only counted). */
const REPORTED_INVALID_ROWS = 20;

const PHONE_HEADER = /^(phone|phone[ _]?number|mobile|msisdn|number|tel|telephone|cell|recipient|to)$/i;

export interface OptOutImportResult {
  /** Distinct valid phones in the file, each recorded as an opt-out (source `import`). */
  imported: number;
  /** Of those, phones that were not opted out before. */
  newlyOptedOut: number;
  duplicates: number;
  invalidCount: number;
  invalid: { row: number; value: string; reason: string }[];
}

/**
 * Opts out every phone of a CSV: the column headed phone/mobile/msisdn/number (else the first
 * column, and then the first row is data unless it holds no digits). Invalid rows are reported,
 * never half-imported: every valid phone is recorded, in transactions of a thousand.
 */
export async function importOptOutsCsv(accountId: string, csv: string, defaultCountry: string, requester: ConsentRequester): Promise<OptOutImportResult> {
  const rows = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ""), { skipEmptyLines: "greedy" }).data;
  const header = rows[0] ?? [];
  let column = header.findIndex((cell) => PHONE_HEADER.test(cell.trim()));
  let first = column >= 0 ? 1 : 0;
  if (column < 0) {
    column = 0;
    if (header.length > 0 && !/\d/.test(header[0] ?? "")) first = 1;
  }
  const phones = new Set<string>();
  const result: OptOutImportResult = { imported: 0, newlyOptedOut: 0, duplicates: 0, invalidCount: 0, invalid: [] };
  for (let index = first; index < rows.length; index++) {
    const value = (rows[index][column] ?? "").trim();
    const phone = normalisePhone(value, defaultCountry as CountryCode);
    if (!phone.ok) {
      result.invalidCount += 1;
      if (result.invalid.length < REPORTED_INVALID_ROWS) result.invalid.push({ row: index + 1, value: value.slice(0, 64), reason: phone.reason });
    } else if (phones.has(phone.e164)) {
      result.duplicates += 1;
    } else {
      phones.add(phone.e164);
    }
  }
  const outcome = await recordConsent([...phones].map((phone) => ({ accountId, phone, action: "opt_out" as const, ...requester, source: "import" as const })));
  result.imported = phones.size;
  result.newlyOptedOut = outcome.optedOut;
  return result;
}
