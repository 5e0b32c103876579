import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/http/errors";
import { setRouteInput, type RouteStrategy, type SetRouteInput } from "@/lib/routing/schemas";
import { validate } from "@/lib/http/parse";

export interface RouteView {
  country: string;
  /** null = every MNO of the country. */
  mno: string | null;
  strategy: RouteStrategy;
  providers: string[];
  updatedAt: Date;
}

export async function listRoutes(): Promise<RouteView[]> {
  const rows = await db.route.findMany({
    include: { providers: { include: { provider: { select: { name: true } } }, orderBy: { position: "asc" } } },
    orderBy: [{ country: "asc" }, { mno: "asc" }],
  });
  return rows.map((row) => ({
    country: row.country,
    mno: row.mno === "" ? null : row.mno,
    strategy: row.strategy as RouteStrategy,
    providers: row.providers.map((entry) => entry.provider.name),
    updatedAt: row.updatedAt,
  }));
}

/** Creates or replaces the route for a country (and MNO) in one transaction; every provider must exist. */
export async function setRoute(raw: SetRouteInput): Promise<RouteView> {
  const input = validate(setRouteInput, raw);
  const providers = await db.provider.findMany({ where: { name: { in: input.providers } }, select: { id: true, name: true } });
  const missing = input.providers.filter((name) => !providers.some((provider) => provider.name === name));
  if (missing.length > 0) {
    throw new AppError("validation_failed", `Unknown provider: ${missing.join(", ")}`, [
      { field: "providers", message: `unknown provider ${missing.join(", ")}`, code: "unknown_provider" },
    ]);
  }
  const idOf = new Map(providers.map((provider) => [provider.name, provider.id]));
  const route = await db.$transaction(async (tx) => {
    const saved = await tx.route.upsert({
      where: { country_mno: { country: input.country, mno: input.mno } },
      create: { country: input.country, mno: input.mno, strategy: input.strategy },
      update: { strategy: input.strategy, updatedAt: new Date() },
    });
    await tx.routeProvider.deleteMany({ where: { routeId: saved.id } });
    await tx.routeProvider.createMany({
      data: input.providers.map((name, position) => ({ routeId: saved.id, position, providerId: idOf.get(name) as string })),
    });
    return saved;
  });
  const view: RouteView = { country: route.country, mno: route.mno === "" ? null : route.mno, strategy: route.strategy as RouteStrategy, providers: input.providers, updatedAt: route.updatedAt };
  await recordAudit({ action: "route.update", accountId: null, operator: true, target: { type: "route", id: `${view.country}${view.mno ? `/${view.mno}` : ""}` }, after: view });
  return view;
}
