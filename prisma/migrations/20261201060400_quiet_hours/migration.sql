-- Quiet hours for promotional traffic, as local times (HH:MM) in the account's time zone, both set or both null.
ALTER TABLE "accounts" ADD COLUMN "quiet_hours_start" VARCHAR(5);
ALTER TABLE "accounts" ADD COLUMN "quiet_hours_end" VARCHAR(5);
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_quiet_hours_window" CHECK (
  ("quiet_hours_start" IS NULL AND "quiet_hours_end" IS NULL)
  OR ("quiet_hours_start" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' AND "quiet_hours_end" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' AND "quiet_hours_start" <> "quiet_hours_end")
);
