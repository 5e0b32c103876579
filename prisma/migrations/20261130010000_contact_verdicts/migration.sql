-- Validation results move out of the uploaded contact rows into narrow contact_verdicts rows
-- (one per validated contact, no row for a contact still pending). Validating a list then appends
-- rows instead of rewriting every uploaded row with its fields and three index entries.

-- CreateTable
CREATE TABLE "contact_verdicts" (
    "list_id" UUID NOT NULL,
    "contact_id" BIGINT NOT NULL,
    "status" "ContactStatus" NOT NULL,
    "phone" TEXT,
    "country" VARCHAR(2),
    "operator" TEXT,
    "reason" TEXT,
    "is_duplicate" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "contact_verdicts_pkey" PRIMARY KEY ("list_id","contact_id")
);

-- Existing verdicts carry over
INSERT INTO "contact_verdicts" ("list_id", "contact_id", "status", "phone", "country", "operator", "reason", "is_duplicate")
SELECT "list_id", "id", "status", "phone", "country", "operator", "reason", "is_duplicate"
FROM "contacts" WHERE "status" <> 'pending_validation';

-- DropIndex
DROP INDEX "contacts_list_id_status_id_idx";

-- DropIndex
DROP INDEX "contacts_list_id_phone_idx";

-- AlterTable
ALTER TABLE "contacts" DROP COLUMN "country",
DROP COLUMN "is_duplicate",
DROP COLUMN "operator",
DROP COLUMN "phone",
DROP COLUMN "reason",
DROP COLUMN "status";

-- CreateIndex
CREATE INDEX "contacts_list_id_id_idx" ON "contacts"("list_id", "id");

-- AlterTable
ALTER TABLE "contact_validation_runs" ADD COLUMN     "chunk_ends" BIGINT[] DEFAULT ARRAY[]::BIGINT[],
ADD COLUMN     "chunk_starts" BIGINT[] DEFAULT ARRAY[]::BIGINT[],
ADD COLUMN     "completed_chunks" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
ADD COLUMN     "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateIndex
CREATE INDEX "contact_validation_runs_status_updated_at_idx" ON "contact_validation_runs"("status", "updated_at");
