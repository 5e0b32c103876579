-- The ledger and the message timeline are append-only journals written by set-based statements
-- (DLR batches, send batches, campaign expansion) that read the referenced account and message in
-- the same statement. Their per-row foreign key checks (one lookup and row lock per inserted row)
-- cost about a fifth of DLR batch throughput. Accounts and messages are never deleted, so the
-- cascades they carried never ran. (No semicolons in comments: the migration runner splits on them.)

-- DropForeignKey
ALTER TABLE "ledger_entries" DROP CONSTRAINT "ledger_entries_account_id_fkey";

-- DropForeignKey
ALTER TABLE "message_events" DROP CONSTRAINT "message_events_message_id_fkey";
