import { formatDateTime } from "@/lib/format";

type DateInput = Date | string | number;

// Names customers use for the zones we serve; elsewhere Intl's short name ("GMT+3", "UTC").
const ZONE_ABBREVIATIONS: Record<string, string> = {
  "Africa/Nairobi": "EAT",
  "Africa/Kampala": "EAT",
  "Africa/Dar_es_Salaam": "EAT",
  "Africa/Addis_Ababa": "EAT",
  "Africa/Mogadishu": "EAT",
  "Africa/Djibouti": "EAT",
  "Africa/Asmara": "EAT",
  "Africa/Kigali": "CAT",
  "Africa/Bujumbura": "CAT",
  "Africa/Juba": "CAT",
  "Africa/Lusaka": "CAT",
  "Africa/Harare": "CAT",
  "Africa/Maputo": "CAT",
  "Africa/Lubumbashi": "CAT",
  "Africa/Lagos": "WAT",
  "Africa/Kinshasa": "WAT",
  "Africa/Johannesburg": "SAST",
};

/** The zone's short label at `at`: "EAT" for Africa/Nairobi, Intl's name ("GMT+1", "UTC") otherwise. */
export function zoneLabel(timeZone: string, at: DateInput = new Date()): string {
  const known = ZONE_ABBREVIATIONS[timeZone];
  if (known) return known;
  const part = new Intl.DateTimeFormat("en-GB", { timeZone, timeZoneName: "short" }).formatToParts(new Date(at)).find((item) => item.type === "timeZoneName");
  return part?.value ?? timeZone;
}

/** "23 Nov 2026, 09:00 EAT": a date and time in the account's zone, labelled with the zone. */
export function formatZonedDateTime(value: DateInput, timeZone: string): string {
  return `${formatDateTime(value, timeZone)} ${zoneLabel(timeZone, value)}`;
}
