-- Spend counted against daily_spend_limit: what was reserved on spend_day (a calendar day in the
-- account's time zone). Kept on the account row so that the reservation's conditional UPDATE checks
-- and bumps it in the same statement, under the same row lock as the balance.
ALTER TABLE "accounts" ADD COLUMN "spend_day" DATE;
ALTER TABLE "accounts" ADD COLUMN "spent_today" BIGINT NOT NULL DEFAULT 0;
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_daily_spend_limit_range" CHECK ("daily_spend_limit" IS NULL OR "daily_spend_limit" >= 0);
