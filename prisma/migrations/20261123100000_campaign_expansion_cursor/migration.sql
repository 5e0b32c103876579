-- Resume point of a chunked campaign expansion: the last contact id whose message is committed.
-- NULL before expansion starts and after it finishes, set while chunks are being committed.
ALTER TABLE "campaigns" ADD COLUMN "expanded_through_contact_id" BIGINT;
