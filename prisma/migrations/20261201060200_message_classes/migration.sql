-- Message classes: promotional traffic is subject to quiet hours, transactional traffic is not.
CREATE TYPE "MessageClass" AS ENUM ('transactional', 'promotional');
ALTER TABLE "messages" ADD COLUMN "message_class" "MessageClass" NOT NULL DEFAULT 'transactional';
ALTER TABLE "campaigns" ADD COLUMN "message_class" "MessageClass" NOT NULL DEFAULT 'promotional';
