import { notFound } from "@/lib/http/errors";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path id or form field that is not a UUID cannot name any resource: 404, never a database error. */
export function uuidParam(value: unknown, resource: string): string {
  if (typeof value !== "string" || !UUID.test(value)) throw notFound(resource);
  return value.toLowerCase();
}
