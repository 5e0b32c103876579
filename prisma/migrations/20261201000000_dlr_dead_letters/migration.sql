-- Delivery reports that could not be applied, kept for operators instead of being lost: reports
-- the callback refused (stage 'callback') and single reports a batch statement still failed on
-- after the batch was split down (stage 'batch'). Text columns hold JSON-escaped copies of the
-- input, which may contain NUL or unpaired surrogates that text/jsonb cannot store.
-- CreateEnum
CREATE TYPE "DlrDeadLetterStage" AS ENUM ('callback', 'batch');

-- CreateTable
CREATE TABLE "dlr_dead_letters" (
    "id" BIGSERIAL NOT NULL,
    "provider" TEXT NOT NULL,
    "stage" "DlrDeadLetterStage" NOT NULL,
    "reason" TEXT NOT NULL,
    "error" TEXT NOT NULL,
    "report" TEXT NOT NULL,
    "provider_message_id" TEXT,
    "received_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolved_at" TIMESTAMPTZ(3),

    CONSTRAINT "dlr_dead_letters_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "dlr_dead_letters_created_at_idx" ON "dlr_dead_letters"("created_at");

-- CreateIndex
CREATE INDEX "dlr_dead_letters_stage_reason_idx" ON "dlr_dead_letters"("stage", "reason");

