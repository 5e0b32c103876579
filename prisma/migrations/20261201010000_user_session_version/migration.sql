-- Server-side session revocation: a portal session token carries the session_version of its user
-- from sign-in, and sign-out or a password change bumps it, so every earlier token stops working.

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "session_version" INTEGER NOT NULL DEFAULT 0;
