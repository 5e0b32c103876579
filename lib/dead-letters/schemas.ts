import { z } from "zod";

const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** "90s", "10m", "6h", "2d" → milliseconds; null for anything else. */
export function parseDuration(text: string): number | null {
  const match = /^(\d{1,6})\s*([smhd])$/i.exec(text.trim());
  if (!match) return null;
  return Number(match[1]) * UNIT_MS[match[2].toLowerCase() as keyof typeof UNIT_MS];
}

const duration = z
  .string()
  .trim()
  .transform((text, context) => {
    const ms = parseDuration(text);
    if (ms === null) {
      context.addIssue({ code: "custom", message: "Use a number and a unit: 30s, 10m, 6h or 2d" });
      return z.NEVER;
    }
    return ms;
  });

const provider = z.string().trim().min(1).max(64).regex(/^[a-z0-9_.-]+$/i, "Provider names are letters, digits, '.', '_' and '-'");

/** Which dead letters a replay or discard takes: oldest first, at most `limit`. */
export const deadLetterActionInput = z.object({
  provider: provider.optional(),
  olderThan: duration.optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(500),
});
export type DeadLetterActionInput = z.infer<typeof deadLetterActionInput>;

export const deadLetterListInput = z.object({
  provider: provider.optional(),
  limit: z.coerce.number().int().min(1).max(1_000).default(100),
});
export type DeadLetterListInput = z.infer<typeof deadLetterListInput>;
