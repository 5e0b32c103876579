-- Campaign caps and pacing. max_messages: at most that many eligible recipients, in list order
-- (recipients_through is the contact id of the last one, fixed when the campaign is priced).
-- send_rate_per_minute: the campaign's messages are spread at that rate (messages.not_before).
ALTER TABLE "campaigns" ADD COLUMN "max_messages" INTEGER;
ALTER TABLE "campaigns" ADD COLUMN "send_rate_per_minute" INTEGER;
ALTER TABLE "campaigns" ADD COLUMN "recipients_through" BIGINT;
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_max_messages_positive" CHECK ("max_messages" IS NULL OR "max_messages" > 0);
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_send_rate_positive" CHECK ("send_rate_per_minute" IS NULL OR "send_rate_per_minute" > 0);
-- A message is not sent before this time (a paced campaign), and the send reconciler leaves it alone until then.
ALTER TABLE "messages" ADD COLUMN "not_before" TIMESTAMPTZ(3);
