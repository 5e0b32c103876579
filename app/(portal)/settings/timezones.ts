// Zones offered in the settings select; any valid IANA zone already stored is offered too.
export const COMMON_TIMEZONES = [
  "Africa/Nairobi",
  "Africa/Kampala",
  "Africa/Dar_es_Salaam",
  "Africa/Kigali",
  "Africa/Addis_Ababa",
  "Africa/Mogadishu",
  "Africa/Juba",
  "Africa/Lagos",
  "Africa/Johannesburg",
  "Africa/Cairo",
  "Asia/Dubai",
  "Asia/Kolkata",
  "Europe/London",
  "Europe/Berlin",
  "America/New_York",
  "UTC",
] as const;

export function timezoneOptions(current: string): { value: string; label: string }[] {
  const zones: string[] = COMMON_TIMEZONES.includes(current as (typeof COMMON_TIMEZONES)[number]) ? [...COMMON_TIMEZONES] : [current, ...COMMON_TIMEZONES];
  return zones.map((zone) => ({ value: zone, label: zone.replace(/_/g, " ") }));
}
