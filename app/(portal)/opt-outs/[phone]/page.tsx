import type { Metadata } from "next";
import Link from "next/link";
import { Badge, StatusBadge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableCaption, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { getAccountSummary } from "@/lib/accounts/get-account";
import { requireUser } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { notFound } from "next/navigation";
import { AppError } from "@/lib/http/errors";
import { phoneFromPortalPath } from "@/lib/http/phone-param";
import { consentHistory, type ConsentEventView } from "@/lib/opt-outs/manage-opt-outs";

export const metadata: Metadata = { title: "Consent history" };

const SOURCE_LABELS: Record<string, string> = { inbound_keyword: "Keyword reply", api: "API", portal: "Portal", import: "Import" };

function evidence(event: ConsentEventView) {
  if (event.inboundMessageId) return <span>Inbound message <code className="font-mono text-xs">{event.inboundMessageId}</code></span>;
  if (event.apiKeyId) return <span>API key <code className="font-mono text-xs">{event.apiKeyId}</code></span>;
  if (event.userId) return <span>Portal user <code className="font-mono text-xs">{event.userId}</code></span>;
  return <span className="text-slate-500">—</span>;
}

export default async function ConsentHistoryPage({ params }: { params: Promise<{ phone: string }> }) {
  const user = await requireUser();
  const account = await getAccountSummary(user.accountId);
  const history = await consentHistory(user.accountId, phoneFromPortalPath((await params).phone), account.defaultCountry).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "invalid_phone_number") notFound();
    throw error;
  });
  return (
    <>
      <PageHeader
        title={<span className="font-mono">{history.phone}</span>}
        description="Every opt-out and opt-in recorded for this number, oldest first."
        actions={
          <>
            {history.optedOut ? <Badge tone="danger">Opted out</Badge> : <Badge tone="success">Receives your messages</Badge>}
            <Link href="/opt-outs" className="text-sm font-medium text-brand-700 underline">
              All opt-outs
            </Link>
          </>
        }
      />
      <Card>
        {history.events.length === 0 ? (
          <EmptyState title="No consent records" description="This number never opted out or in." />
        ) : (
          <Table>
            <TableCaption>Consent history</TableCaption>
            <THead>
              <TR>
                <TH>When</TH>
                <TH>Change</TH>
                <TH>How</TH>
                <TH>Evidence</TH>
              </TR>
            </THead>
            <TBody>
              {history.events.map((event) => (
                <TR key={event.id} data-testid="consent-event-row">
                  <TD className="whitespace-nowrap">{formatDateTime(event.at, account.timezone)}</TD>
                  <TD>
                    <StatusBadge status={event.action === "opt_out" ? "rejected" : "active"} label={event.action === "opt_out" ? "Opted out" : "Opted in"} />
                  </TD>
                  <TD>{SOURCE_LABELS[event.source] ?? event.source}</TD>
                  <TD>{evidence(event)}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
        )}
      </Card>
    </>
  );
}
