-- Campaign expansion runs in parallel slices of the contact list, each with its own resume point
-- (expansion_cursors[i]) and last contact (expansion_ends[i]). A campaign caught mid-expansion
-- by this migration continues as one slice from where it stopped.

-- AlterTable
ALTER TABLE "campaigns" ADD COLUMN     "expansion_cursors" BIGINT[] DEFAULT ARRAY[]::BIGINT[],
ADD COLUMN     "expansion_ends" BIGINT[] DEFAULT ARRAY[]::BIGINT[];

UPDATE "campaigns" SET "expansion_cursors" = ARRAY["expanded_through_contact_id"], "expansion_ends" = ARRAY[9223372036854775807]::BIGINT[]
WHERE "expanded_through_contact_id" IS NOT NULL;

-- AlterTable
ALTER TABLE "campaigns" DROP COLUMN "expanded_through_contact_id";
