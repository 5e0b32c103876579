import type { Metadata } from "next";
import { setProviderEnabledAction, setProviderRateAction } from "@/app/(portal)/operator/providers/actions";
import { AutoRefresh } from "@/components/contacts/auto-refresh";
import { ProviderStatusTable, type ProviderStatusItem } from "@/components/providers/provider-status-table";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireOperator } from "@/lib/auth/session";
import { formatMoney } from "@/lib/format";
import { getProviderStatus } from "@/lib/routing/get-provider-status";

export const metadata: Metadata = { title: "Providers" };

const ms = (value: number | null) => (value === null ? "—" : `${Math.round(value)} ms`);

export default async function OperatorProvidersPage() {
  await requireOperator();
  const statuses = await getProviderStatus();
  const providers: ProviderStatusItem[] = statuses.map((status) => ({
    name: status.name,
    kind: status.kind,
    state: status.state,
    enabled: status.state !== "disabled",
    successRatio: status.successRatio === null ? "—" : `${(status.successRatio * 100).toFixed(1)}%`,
    p50: ms(status.p50LatencyMs),
    p95: ms(status.p95LatencyMs),
    attempts5m: status.attempts5m,
    perSecond: status.messagesPerSecond.toFixed(1),
    queueDepth: status.queueDepth,
    balance: status.balance ? formatMoney(status.balance.minor) : "—",
    maxPerSecond: status.maxPerSecond,
    workersReporting: status.workersReporting,
  }));
  return (
    <>
      <PageHeader
        title="Providers"
        description="The same figures as smsctl provider status: circuit breaker state (the worst any worker reports), success ratio and latency over the last 5 minutes, current rate, queue and balance. Refreshes every 5 seconds."
      />
      <AutoRefresh active intervalMs={5_000} />
      <Card aria-labelledby="providers-heading">
        <CardHeader id="providers-heading" title="Providers" description="Add providers or change their connection and secrets with smsctl provider add|update." />
        {providers.length === 0 ? <EmptyState title="No providers" description="Add one with smsctl provider add." /> : <ProviderStatusTable providers={providers} enableAction={setProviderEnabledAction} rateAction={setProviderRateAction} />}
      </Card>
    </>
  );
}
