import type { Metadata } from "next";
import { AuditLog, auditQueryFrom } from "@/components/audit/audit-log";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getAccountSummary } from "@/lib/accounts/get-account";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const query = auditQueryFrom(await searchParams);
  const [account, page] = await Promise.all([getAccountSummary(user.accountId), listAuditEvents(user.accountId, query)]);
  return (
    <>
      <PageHeader title="Audit log" description="Who changed what in this account: sign-ins, API keys, webhooks, sender IDs, top-ups and settings. Secrets are never recorded." />
      <Card>
        <AuditLog path="/audit" events={page.data} nextCursor={page.nextCursor} action={query.action?.[0]} timezone={account.timezone} />
      </Card>
    </>
  );
}
