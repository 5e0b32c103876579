import { z } from "zod";
import { pgText } from "@/lib/validation/pg-safe";

// Alphanumeric sender IDs are at most 11 characters (GSM 03.40); numeric ones up to 15 digits.
export const senderIdValue = z
  .string()
  .trim()
  .min(3, "Sender ID must be at least 3 characters")
  .max(15, "Sender ID is at most 15 characters")
  .regex(/^[A-Za-z0-9 ._-]+$/, "Sender ID may contain letters, digits, spaces, dots, dashes and underscores")
  .refine((value) => /^\d+$/.test(value) || value.length <= 11, "Alphanumeric sender IDs are at most 11 characters");

export const requestSenderIdInput = z.object({
  value: senderIdValue,
  purpose: pgText(z.string().trim().max(300)).optional(),
});
export type RequestSenderIdInput = z.infer<typeof requestSenderIdInput>;

export const REJECTION_REASON_REQUIRED = "Give the customer a reason for the rejection";

/** A rejection must say why (the customer sees the reason); an approval may. */
export function hasReasonIfRejected(input: { decision: "approved" | "rejected"; reason?: string }): boolean {
  return input.decision === "approved" || Boolean(input.reason?.trim());
}

export const decideSenderIdFields = z.object({
  decision: z.enum(["approved", "rejected"]),
  reason: pgText(z.string().trim().max(300)).optional(),
});

export const decideSenderIdInput = decideSenderIdFields.refine(hasReasonIfRejected, { path: ["reason"], message: REJECTION_REASON_REQUIRED });
