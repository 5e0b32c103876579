import { notFound } from "@/lib/http/errors";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path id that is not a UUID cannot name any resource: 404, never a database error. */
export function uuidParam(value: string | undefined, resource: string): string {
  if (!value || !UUID.test(value)) throw notFound(resource);
  return value.toLowerCase();
}
