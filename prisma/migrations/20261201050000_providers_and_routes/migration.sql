-- Upstream SMS providers and the routes that choose between them (lib/routing). Secrets (API keys,
-- SMPP passwords) are stored AES-256-GCM encrypted with PROVIDER_SECRETS_KEY, never in settings.

-- CreateTable
CREATE TABLE "providers" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "settings" JSONB NOT NULL DEFAULT '{}',
    "secrets" TEXT,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "max_per_second" INTEGER NOT NULL DEFAULT 100,
    "costs" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "providers_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "providers_kind_check" CHECK ("kind" IN ('celcom', 'smpp')),
    CONSTRAINT "providers_max_per_second_check" CHECK ("max_per_second" > 0)
);

-- CreateIndex
CREATE UNIQUE INDEX "providers_name_key" ON "providers"("name");

-- CreateTable
CREATE TABLE "routes" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "country" VARCHAR(2) NOT NULL,
    "mno" TEXT NOT NULL DEFAULT '',
    "strategy" TEXT NOT NULL DEFAULT 'priority',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "routes_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "routes_strategy_check" CHECK ("strategy" IN ('priority', 'score'))
);

-- CreateIndex
CREATE UNIQUE INDEX "routes_country_mno_key" ON "routes"("country", "mno");

-- CreateTable
CREATE TABLE "route_providers" (
    "route_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "provider_id" UUID NOT NULL,
    CONSTRAINT "route_providers_pkey" PRIMARY KEY ("route_id", "position")
);

-- CreateIndex
CREATE UNIQUE INDEX "route_providers_route_id_provider_id_key" ON "route_providers"("route_id", "provider_id");

-- AddForeignKey
ALTER TABLE "route_providers" ADD CONSTRAINT "route_providers_route_id_fkey" FOREIGN KEY ("route_id") REFERENCES "routes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "route_providers" ADD CONSTRAINT "route_providers_provider_id_fkey" FOREIGN KEY ("provider_id") REFERENCES "providers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Every provider submission of a message: which provider, what came back, how long it took. An
-- append-only journal like message_events (no foreign key), and the source the routing health
-- windows are rebuilt from when Redis loses them.

-- CreateTable
CREATE TABLE "send_attempts" (
    "id" BIGSERIAL NOT NULL,
    "message_id" UUID NOT NULL,
    "attempt" INTEGER NOT NULL,
    "provider" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "code" TEXT,
    "latency_ms" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "send_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "send_attempts_message_id_idx" ON "send_attempts"("message_id");

-- CreateIndex
CREATE INDEX "send_attempts_provider_created_at_idx" ON "send_attempts"("provider", "created_at");
