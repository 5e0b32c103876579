import { z } from "zod";
import { pgText } from "@/lib/validation/pg-safe";

export const createApiKeyInput = z.object({
  name: pgText(z.string().trim().min(1, "Name is required").max(80, "Name is at most 80 characters")),
});
export type CreateApiKeyInput = z.infer<typeof createApiKeyInput>;

export const rotateApiKeyInput = z.object({
  // How long the old key keeps working after rotation.
  graceHours: z.number().int().min(0).max(24 * 30).default(24),
});
