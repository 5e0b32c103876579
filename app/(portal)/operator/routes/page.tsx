import type { Metadata } from "next";
import Link from "next/link";
import { setRouteAction } from "@/app/(portal)/operator/routes/actions";
import { RouteEditor } from "@/components/routes/route-editor";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getAccountSummary } from "@/lib/accounts/get-account";
import { requireOperator } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { listProviders } from "@/lib/routing/manage-providers";
import { listRoutes } from "@/lib/routing/manage-routes";

export const metadata: Metadata = { title: "Routes" };

export default async function OperatorRoutesPage() {
  const operator = await requireOperator();
  const [own, routes, providers] = await Promise.all([getAccountSummary(operator.accountId), listRoutes(), listProviders()]);
  const names = providers.map((provider) => provider.name);
  return (
    <>
      <PageHeader
        title="Routes"
        description={
          <>
            Which providers send to a country (or one of its networks), in order. Priority tries them in order; score ranks them by health and cost. Provider health is on the{" "}
            <Link href="/operator/providers" className="text-brand-700 hover:underline">
              Providers
            </Link>{" "}
            page.
          </>
        }
      />
      <div className="space-y-6">
        {routes.length === 0 ? <EmptyState title="No routes" description="Add one below or with smsctl route set." /> : null}
        {routes.map((route) => {
          const key = `${route.country}${route.mno ? `/${route.mno}` : ""}`;
          return (
            <Card key={key} aria-label={`Route ${key}`}>
              <CardHeader title={`${route.country}${route.mno ? ` · ${route.mno}` : " · every network"}`} description={`${route.providers.join(" → ")} · ${route.strategy} · updated ${formatDateTime(route.updatedAt, own.timezone)}`} />
              <CardBody>
                <RouteEditor route={{ ...route, updated: formatDateTime(route.updatedAt, own.timezone) }} providerNames={names} action={setRouteAction} />
              </CardBody>
            </Card>
          );
        })}
        <Card aria-labelledby="new-route-heading">
          <CardHeader id="new-route-heading" title="Add a route" />
          <CardBody>
            <RouteEditor providerNames={names} action={setRouteAction} />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
