import { portalPathSegment } from "@/lib/http/phone-param";

/** A phone's consent history page: "+254712345678" → "/opt-outs/254712345678". */
export function optOutHistoryPath(phone: string): string {
  return `/opt-outs/${portalPathSegment(phone)}`;
}
