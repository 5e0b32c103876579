/** A phone number from a path segment: "+254…" may arrive as is or percent-encoded ("%2B254…"). */
export function phoneParam(value: string | undefined): string {
  const raw = value ?? "";
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
