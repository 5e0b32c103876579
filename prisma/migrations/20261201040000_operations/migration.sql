-- Operations: the dead-letter queue for messages whose attempts ran out for a transient reason,
-- and the append-only audit log.

-- CreateEnum
CREATE TYPE "DeadLetterResolution" AS ENUM ('replayed', 'discarded', 'expired');

-- CreateEnum
CREATE TYPE "AuditActorType" AS ENUM ('user', 'api_key', 'operator', 'system');

-- A message parked here keeps its status (queued) and its reservation. It leaves by a replay (back
-- into the send queues), a discard or the retention expiry (both: failed and refunded). One open
-- row per message at most, and resolved rows are its history.
-- CreateTable
CREATE TABLE "message_dead_letters" (
    "id" BIGSERIAL NOT NULL,
    "message_id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "provider" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "detail" TEXT,
    "attempts" INTEGER NOT NULL,
    "parked_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolved_at" TIMESTAMPTZ(3),
    "resolution" "DeadLetterResolution",
    "resolved_by" TEXT,

    CONSTRAINT "message_dead_letters_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "message_dead_letters_message_id_idx" ON "message_dead_letters"("message_id");

-- Open rows only (not expressible in the Prisma schema): one open park per message, and the
-- oldest-first scans of replay, discard and expiry.
CREATE UNIQUE INDEX "message_dead_letters_open_message_key" ON "message_dead_letters"("message_id") WHERE "resolved_at" IS NULL;
CREATE INDEX "message_dead_letters_open_parked_at_idx" ON "message_dead_letters"("parked_at") WHERE "resolved_at" IS NULL;

-- CreateTable
CREATE TABLE "audit_events" (
    "id" BIGSERIAL NOT NULL,
    "account_id" UUID,
    "actor_type" "AuditActorType" NOT NULL,
    "actor_id" TEXT,
    "actor_label" TEXT,
    "action" TEXT NOT NULL,
    "target_type" TEXT,
    "target_id" TEXT,
    "before" JSONB,
    "after" JSONB,
    "ip" TEXT,
    "user_agent" TEXT,
    "request_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "audit_events_account_id_id_idx" ON "audit_events"("account_id", "id" DESC);

-- CreateIndex
CREATE INDEX "audit_events_action_id_idx" ON "audit_events"("action", "id" DESC);

-- Append-only: rows are never changed or removed by the application (retention, if ever, is a
-- TRUNCATE or partition drop by a database administrator). The migration runner splits scripts at
-- every semicolon, so the one inside the function body is written as the escape \073.
CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS
E'BEGIN RAISE EXCEPTION ''audit_events is append-only'' USING ERRCODE = ''insufficient_privilege''\073 END'
;

CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
