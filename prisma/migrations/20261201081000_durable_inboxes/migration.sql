-- Durable inboxes: a provider's delivery report (DLR) or mobile-originated message is written here
-- before the provider is answered, so an acknowledged report survives the loss of Redis.
-- The worker deletes a row once its job committed, and a reconciler re-queues rows left behind.
-- No index but the key: rows live milliseconds, and every index would cost each insert and delete.
CREATE TABLE "dlr_inbox" (
    "id" UUID NOT NULL,
    "job" JSONB NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
    "requeued_at" TIMESTAMPTZ(3),
    CONSTRAINT "dlr_inbox_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "inbound_inbox" (
    "id" UUID NOT NULL,
    "job" JSONB NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
    "requeued_at" TIMESTAMPTZ(3),
    CONSTRAINT "inbound_inbox_pkey" PRIMARY KEY ("id")
);
