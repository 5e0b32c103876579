-- Per-message callbacks may be batched like endpoints (JSON arrays of up to 1,000 events).
-- Constant defaults: both columns are added without rewriting the tables.
ALTER TABLE "messages" ADD COLUMN "callback_batch" BOOLEAN NOT NULL DEFAULT false;
-- Set on a callback delivery whose message asked for batching (endpoint deliveries follow their endpoint).
ALTER TABLE "webhook_deliveries" ADD COLUMN "batch" BOOLEAN NOT NULL DEFAULT false;
