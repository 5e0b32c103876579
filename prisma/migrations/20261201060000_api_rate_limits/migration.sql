-- Per-account override of the /v1 rate limit (requests per second), null for the configured default.
ALTER TABLE "accounts" ADD COLUMN "api_rate_limit" INTEGER;
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_api_rate_limit_range" CHECK ("api_rate_limit" IS NULL OR "api_rate_limit" BETWEEN 1 AND 100000);
