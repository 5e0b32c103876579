import { z } from "zod";

/** One top-up is capped so a slip of the keyboard cannot mint millions (portal and CLI alike). */
export const MAX_TOP_UP_MINOR = 10_000_000 * 100;
export const TOP_UP_LIMIT_MESSAGE = "At most KES 10,000,000 per top-up";

/** A top-up amount in minor units (KES cents). */
export const topUpAmountMinor = z.number().int().positive("Amount must be more than zero").max(MAX_TOP_UP_MINOR, TOP_UP_LIMIT_MESSAGE);
