import { z } from "zod";
import { MAX_BODY_CHARACTERS, sendMessageInput } from "@/lib/messages/schemas";
import { pgText } from "@/lib/validation/pg-safe";

/**
 * The portal's Send form: the API's send input, with messages that name what is missing (a form
 * shows them under its fields, not as `to: is required`) and an empty message refused.
 */
export const sendFormInput = sendMessageInput.extend({
  to: pgText(z.string().trim().min(1, "Enter the recipient's phone number").max(64, "A phone number has at most 64 characters")),
  from: pgText(z.string().trim().min(1, "Choose a sender ID").max(20)),
  body: pgText(z.string().max(MAX_BODY_CHARACTERS, `A message has at most ${MAX_BODY_CHARACTERS} characters`).refine((text) => text.trim().length > 0, "Write a message")),
});
