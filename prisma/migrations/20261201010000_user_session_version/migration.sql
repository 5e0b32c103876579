-- Server-side session revocation: a portal session token carries the user's session_version from
-- sign-in; sign-out and a password change bump it, so every earlier token stops working.

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "session_version" INTEGER NOT NULL DEFAULT 0;
