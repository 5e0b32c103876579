/**
 * Validation for content-check settings that come from outside code (admin forms, per-account
 * settings stored as JSON), shared by the API and the portal.
 */

import { z } from "zod";
import type { SpamRuleOverrides } from "@/lib/content/rules";
import { pgText } from "@/lib/validation/pg-safe";

/** Concatenated SMS carry the part count in one byte, so no body can exceed 255 parts. */
export const MAX_CONFIGURABLE_SEGMENTS = 255;

export const blockedWordSchema = pgText(z.string().trim().min(1).max(100));

export const blockedWordsSchema = z.array(blockedWordSchema).max(5000);

export const maxSegmentsSchema = z.int().min(1).max(MAX_CONFIGURABLE_SEGMENTS);

export const spamRuleOverridesSchema = z
  .strictObject({
    urlShorteners: z
      .strictObject({
        enabled: z.boolean(),
        domains: z.array(pgText(z.string().trim().toLowerCase().min(3).max(253))).max(1000),
      })
      .partial(),
    excessiveCapitals: z
      .strictObject({
        enabled: z.boolean(),
        minLetters: z.int().min(1).max(10_000),
        uppercaseRatio: z.number().gt(0).max(1),
      })
      .partial(),
    repeatedPunctuation: z
      .strictObject({
        enabled: z.boolean(),
        minRun: z.int().min(2).max(100),
        characters: pgText(z.string().min(1).max(32)),
      })
      .partial(),
    phishingPhrases: z
      .strictObject({
        enabled: z.boolean(),
        phrases: z.array(pgText(z.string().trim().min(1).max(200))).max(1000),
      })
      .partial(),
  })
  .partial() satisfies z.ZodType<SpamRuleOverrides>;
