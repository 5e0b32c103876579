-- Low-balance alert: when a reservation takes the balance below the threshold, one notification and
-- one account.low_balance event, and low_balance_alerted stays set until a top-up lifts the balance again.
ALTER TABLE "accounts" ADD COLUMN "low_balance_threshold" BIGINT;
ALTER TABLE "accounts" ADD COLUMN "low_balance_alerted" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_low_balance_threshold_range" CHECK ("low_balance_threshold" IS NULL OR "low_balance_threshold" >= 0);
