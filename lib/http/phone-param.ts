function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** A phone number from an API path segment: "+254…" may arrive as is or percent-encoded ("%2B254…"); local forms pass through. */
export function phoneParam(value: string | undefined): string {
  return decoded(value ?? "");
}

/** The portal puts E.164 numbers in paths as bare digits ("/inbox/254712345678"): this restores the "+". */
export function phoneFromPortalPath(segment: string): string {
  const value = decoded(segment);
  return /^\d+$/.test(value) ? `+${value}` : value;
}

/** The path segment for an E.164 number in portal URLs. */
export function portalPathSegment(phone: string): string {
  return encodeURIComponent(phone.replace(/^\+/, ""));
}
