-- Two-way messaging: inbound numbers (short codes and long numbers, shared short codes split by
-- keyword), inbound (MO) messages, per-account keywords with auto-replies, and consent records.
-- consent_events is the append-only history of every opt-out and opt-in. opt_outs holds the current
-- state derived from it (one row per opted-out phone, pointing at the event that put it there),
-- written only together with the events, so sends check one indexed row.
-- (No semicolons in comments: the migration runner splits on them.)

-- CreateEnum
CREATE TYPE "InboundNumberKind" AS ENUM ('short_code', 'long_number');

-- CreateEnum
CREATE TYPE "KeywordAction" AS ENUM ('reply', 'opt_out', 'opt_in');

-- CreateEnum
CREATE TYPE "ConsentAction" AS ENUM ('opt_out', 'opt_in');

-- CreateEnum
CREATE TYPE "ConsentSource" AS ENUM ('inbound_keyword', 'api', 'portal', 'import');

-- CreateTable
CREATE TABLE "inbound_numbers" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "account_id" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "keyword" TEXT,
    "kind" "InboundNumberKind" NOT NULL,
    "zero_rated" BOOLEAN NOT NULL DEFAULT false,
    "send_confirmations" BOOLEAN NOT NULL DEFAULT true,
    "assigned_by" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "inbound_numbers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "keywords" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "account_id" UUID NOT NULL,
    "inbound_number_id" UUID,
    "keyword" TEXT NOT NULL,
    "action" "KeywordAction" NOT NULL,
    "reply" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "keywords_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "inbound_messages" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "account_id" UUID,
    "inbound_number_id" UUID,
    "provider" TEXT NOT NULL,
    "provider_message_id" TEXT,
    "from" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "keyword" TEXT,
    "action" TEXT,
    "reply_body" TEXT,
    "reply_error" TEXT,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "received_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "read_at" TIMESTAMPTZ(3),

    CONSTRAINT "inbound_messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "consent_events" (
    "id" BIGSERIAL NOT NULL,
    "account_id" UUID NOT NULL,
    "phone" TEXT NOT NULL,
    "action" "ConsentAction" NOT NULL,
    "source" "ConsentSource" NOT NULL,
    "inbound_message_id" UUID,
    "api_key_id" UUID,
    "user_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "consent_events_pkey" PRIMARY KEY ("id")
);

-- AlterTable
ALTER TABLE "opt_outs" ADD COLUMN "consent_event_id" BIGINT;

-- AlterTable
ALTER TABLE "messages" ADD COLUMN "in_reply_to_id" UUID;

-- AlterTable
ALTER TABLE "campaigns" ADD COLUMN "opted_out_count" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "inbound_numbers_account_id_idx" ON "inbound_numbers"("account_id");

-- CreateIndex
CREATE INDEX "keywords_account_id_keyword_idx" ON "keywords"("account_id", "keyword");

-- CreateIndex
CREATE INDEX "inbound_messages_account_id_created_at_idx" ON "inbound_messages"("account_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "inbound_messages_account_id_from_created_at_idx" ON "inbound_messages"("account_id", "from", "created_at" DESC);

-- CreateIndex
CREATE INDEX "consent_events_account_id_phone_id_idx" ON "consent_events"("account_id", "phone", "id");

-- CreateIndex
CREATE INDEX "opt_outs_account_id_created_at_id_idx" ON "opt_outs"("account_id", "created_at" DESC, "id" DESC);

-- AddForeignKey
ALTER TABLE "inbound_numbers" ADD CONSTRAINT "inbound_numbers_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "keywords" ADD CONSTRAINT "keywords_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "keywords" ADD CONSTRAINT "keywords_inbound_number_id_fkey" FOREIGN KEY ("inbound_number_id") REFERENCES "inbound_numbers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inbound_messages" ADD CONSTRAINT "inbound_messages_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inbound_messages" ADD CONSTRAINT "inbound_messages_inbound_number_id_fkey" FOREIGN KEY ("inbound_number_id") REFERENCES "inbound_numbers"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consent_events" ADD CONSTRAINT "consent_events_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A number (or a keyword on a shared short code) has one owner: NULL keyword = the whole number.
CREATE UNIQUE INDEX "inbound_numbers_number_keyword_key" ON "inbound_numbers" ("number", COALESCE("keyword", ''));

-- One keyword per account and scope (a number, or NULL = every number of the account).
CREATE UNIQUE INDEX "keywords_account_scope_keyword_key" ON "keywords" ("account_id", COALESCE("inbound_number_id"::text, ''), "keyword");

-- Provider retries of one inbound message are stored once.
CREATE UNIQUE INDEX "inbound_messages_provider_message_id_key" ON "inbound_messages" ("provider", "provider_message_id") WHERE "provider_message_id" IS NOT NULL;

-- Inbound messages no number matched, for operators.
CREATE INDEX "inbound_messages_unrouted_idx" ON "inbound_messages" ("created_at" DESC) WHERE "account_id" IS NULL;

-- Unread counts of the portal inbox.
CREATE INDEX "inbound_messages_unread_idx" ON "inbound_messages" ("account_id", "from") WHERE "read_at" IS NULL;

-- At most one automatic reply per inbound message (a retried job cannot send a second).
CREATE UNIQUE INDEX "messages_in_reply_to_id_key" ON "messages" ("in_reply_to_id") WHERE "in_reply_to_id" IS NOT NULL;

-- Opt-outs written before consent records existed become opt-out events, so the history explains every row.
INSERT INTO "consent_events" ("account_id", "phone", "action", "source", "created_at")
SELECT "account_id", "phone", 'opt_out', 'import', "created_at" FROM "opt_outs" ORDER BY "created_at";

UPDATE "opt_outs" o SET "consent_event_id" = e."id"
FROM "consent_events" e WHERE e."account_id" = o."account_id" AND e."phone" = o."phone";
