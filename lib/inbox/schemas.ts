import { z } from "zod";
import { pgText } from "@/lib/validation/pg-safe";
import { portalPathSegment } from "@/lib/http/phone-param";

export const conversationReplyInput = z.object({
  phone: pgText(z.string().trim().min(1).max(64)),
  body: pgText(z.string().trim().min(1, "Write a reply").max(2_000, "must be at most 2,000 characters")),
});
export type ConversationReplyInput = z.output<typeof conversationReplyInput>;

/** A conversation's page: "+254712345678" → "/inbox/254712345678". */
export function conversationPath(phone: string): string {
  return `/inbox/${portalPathSegment(phone)}`;
}
