-- Durable inboxes: a provider's delivery report (DLR) or mobile-originated message is written here
-- before the provider is answered, so an acknowledged report survives the loss of Redis.
-- The worker deletes a row once its job committed, and a reconciler re-queues rows left behind.
CREATE TABLE "dlr_inbox" (
    "id" UUID NOT NULL,
    "job" JSONB NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
    "requeued_at" TIMESTAMPTZ(3),
    CONSTRAINT "dlr_inbox_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "dlr_inbox_received_at_idx" ON "dlr_inbox"("received_at");

CREATE TABLE "inbound_inbox" (
    "id" UUID NOT NULL,
    "job" JSONB NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
    "requeued_at" TIMESTAMPTZ(3),
    CONSTRAINT "inbound_inbox_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "inbound_inbox_received_at_idx" ON "inbound_inbox"("received_at");
