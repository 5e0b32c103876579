import type { Metadata } from "next";
import { AuditLog, auditQueryFrom } from "@/components/audit/audit-log";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getAccountSummary } from "@/lib/accounts/get-account";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { requireOperator } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Audit log (all accounts)" };

export default async function OperatorAuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const operator = await requireOperator();
  const query = auditQueryFrom(await searchParams);
  const [account, page] = await Promise.all([getAccountSummary(operator.accountId), listAuditEvents(null, query)]);
  return (
    <>
      <PageHeader title="Audit log (all accounts)" description="Every account's events and the platform's own: operator decisions, top-ups, dead-letter replays and discards, failed sign-ins." />
      <Card>
        <AuditLog path="/operator/audit" events={page.data} nextCursor={page.nextCursor} action={query.action?.[0]} timezone={account.timezone} showAccount />
      </Card>
    </>
  );
}
