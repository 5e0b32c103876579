import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StatusBadge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableCaption, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { getAccountSummary } from "@/lib/accounts/get-account";
import { requireRole } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { AppError } from "@/lib/http/errors";
import { getWebhookDelivery } from "@/lib/webhooks/list-deliveries";
import { describeRound, numberAttempts } from "@/lib/webhooks/number-attempts";
import { AutoRefresh } from "@/components/contacts/auto-refresh";

export const metadata: Metadata = { title: "Webhook delivery" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function WebhookDeliveryPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole("webhooks");
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const account = await getAccountSummary(user.accountId);
  const delivery = await getWebhookDelivery(user.accountId, id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  return (
    <>
      <PageHeader
        title={`Delivery of ${delivery.event.type}`}
        description={<span className="break-all font-mono text-xs">{delivery.url}</span>}
        actions={
          <Link href="/webhooks" className="text-sm text-brand-700 hover:underline">
            Back to webhooks
          </Link>
        }
      />
      <AutoRefresh active={delivery.status === "pending"} intervalMs={2_000} />
      <div className="space-y-6">
        <Card aria-labelledby="delivery-summary">
          <CardHeader id="delivery-summary" title="Summary" actions={<StatusBadge status={delivery.status} />} />
          <CardBody className="grid gap-2 text-sm sm:grid-cols-2">
            <p>Event id: <code className="font-mono text-xs">{delivery.event.id}</code></p>
            <p>Attempts: {delivery.attempts}</p>
            <p>Created: {formatDateTime(delivery.createdAt, account.timezone)}</p>
            <p>Completed: {delivery.completedAt ? formatDateTime(delivery.completedAt, account.timezone) : "—"}</p>
            {delivery.event.messageId ? (
              <p>
                Message:{" "}
                <Link href={`/messages/${delivery.event.messageId}`} className="text-brand-700 hover:underline">
                  {delivery.event.messageId}
                </Link>
              </p>
            ) : null}
          </CardBody>
        </Card>
        <Card aria-labelledby="delivery-attempts">
          <CardHeader id="delivery-attempts" title="Attempts" />
          <Table>
            <TableCaption>Attempts, oldest first</TableCaption>
            <THead>
              <TR>
                <TH>#</TH>
                <TH>Round</TH>
                <TH>Time</TH>
                <TH>Status code</TH>
                <TH>Latency</TH>
                <TH>Error</TH>
              </TR>
            </THead>
            <TBody>
              {numberAttempts(delivery.attemptsLog).map(({ attempt, number, replay, roundAttempt }) => (
                <TR key={`${attempt.requestId}-${number}`} data-testid="webhook-attempt">
                  <TD>{number}</TD>
                  <TD className="whitespace-nowrap text-xs text-slate-600">
                    {describeRound(replay)}, try {roundAttempt}
                  </TD>
                  <TD className="whitespace-nowrap">{formatDateTime(attempt.createdAt, account.timezone)}</TD>
                  <TD>{attempt.statusCode ?? "—"}</TD>
                  <TD>{attempt.latencyMs === null ? "—" : `${attempt.latencyMs} ms`}</TD>
                  <TD className="max-w-md break-words text-xs text-red-700">{attempt.error}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
        </Card>
        <Card aria-labelledby="delivery-payload">
          <CardHeader id="delivery-payload" title="Payload" />
          <CardBody>
            <pre className="overflow-x-auto rounded bg-slate-50 p-4 text-xs text-slate-800">{JSON.stringify(delivery.event.payload, null, 2)}</pre>
          </CardBody>
        </Card>
      </div>
    </>
  );
}
