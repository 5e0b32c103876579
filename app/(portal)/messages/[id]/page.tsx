import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LiveRefresh } from "@/components/messages/live-refresh";
import { MessageStatusBadge } from "@/components/messages/message-status";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getAccountSummary } from "@/lib/accounts/get-account";
import { requireUser } from "@/lib/auth/session";
import { formatDateTimeSeconds, formatMoney } from "@/lib/format";
import { isFinalStatus } from "@/lib/messages/status";
import { AppError } from "@/lib/http/errors";
import { uuidParam } from "@/lib/http/params";
import { getMessage } from "@/lib/messages/get-messages";
import { DeliveryReportsCard, WebhookDeliveriesCard } from "@/components/messages/message-deliveries";
import { listDeliveryReportsForMessage } from "@/lib/dlr/list-delivery-reports";
import { listWebhookDeliveriesForMessage } from "@/lib/webhooks/list-deliveries";

export const metadata: Metadata = { title: "Message" };

const SOURCE_LABELS: Record<string, string> = {
  api: "API",
  worker: "Sending worker",
  dlr: "Delivery report",
  sweeper: "Expiry sweep",
  reconciler: "Reconciler",
  operator: "Operator",
};

async function loadMessage(accountId: string, id: string) {
  try {
    return await getMessage(accountId, uuidParam(id, "Message"));
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

export default async function MessagePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const [account, message] = await Promise.all([getAccountSummary(user.accountId), loadMessage(user.accountId, id)]);
  const [reports, deliveries] = await Promise.all([
    listDeliveryReportsForMessage(user.accountId, message.id),
    listWebhookDeliveriesForMessage(user.accountId, message.id),
  ]);
  const at = (value: Date | null) => (value ? formatDateTimeSeconds(value, account.timezone) : "—");
  const facts: [string, React.ReactNode][] = [
    ["Status", <MessageStatusBadge key="status" status={message.status} />],
    ["Reason", message.reason ?? "—"],
    ["To", <span key="to" className="font-mono">{message.to}</span>],
    ["From", <span key="from" className="font-mono">{message.from}</span>],
    ["Network", `${message.operator} (${message.country})`],
    ["Priority", message.priority],
    ["Class", message.class],
    ["Parts", `${message.segments} × ${message.encoding === "gsm7" ? "GSM-7" : "UCS-2"}`],
    ["Cost", `${formatMoney(message.cost)} (${message.chargeState})`],
    ["Provider", message.provider ? `${message.provider}${message.providerMessageId ? ` · ${message.providerMessageId}` : ""}` : "—"],
    ["Attempts", message.attempts],
    ["Created", at(message.createdAt)],
    ["Sent", at(message.sentAt)],
    ["Completed", at(message.completedAt)],
  ];

  return (
    <>
      <LiveRefresh active={!isFinalStatus(message.status)} />
      <PageHeader title="Message" description={<span className="font-mono text-xs">{message.id}</span>} actions={<ButtonLink href="/messages">All messages</ButtonLink>} />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2" aria-labelledby="message-details-heading">
          <CardHeader id="message-details-heading" title="Details" />
          <CardBody>
            <dl className="grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-[10rem_1fr]">
              {facts.map(([label, value]) => (
                <div key={label} className="contents">
                  <dt className="text-slate-600">{label}</dt>
                  <dd className="text-slate-900">{value}</dd>
                </div>
              ))}
            </dl>
            <h3 className="mt-6 text-sm font-semibold text-slate-900">Message text</h3>
            <p className="mt-2 whitespace-pre-wrap rounded-md bg-slate-50 p-3 text-sm text-slate-800">{message.body}</p>
          </CardBody>
        </Card>
        <Card aria-labelledby="message-timeline-heading">
          <CardHeader id="message-timeline-heading" title="Timeline" description="Every status change, oldest first." />
          <CardBody>
            <ol className="space-y-4 border-l border-slate-200 pl-4" data-testid="message-timeline">
              {message.events.map((event, index) => (
                <li key={index} className="text-sm">
                  <div className="flex flex-wrap items-center gap-2">
                    <MessageStatusBadge status={event.status} />
                    <span className="text-xs text-slate-500">{SOURCE_LABELS[event.source] ?? event.source}</span>
                  </div>
                  <p className="mt-1 text-xs text-slate-500">{at(event.at)}</p>
                  {event.reason ? <p className="mt-1 text-slate-700">{event.reason}</p> : null}
                </li>
              ))}
            </ol>
          </CardBody>
        </Card>
        <div className="grid gap-6 lg:col-span-3 lg:grid-cols-2">
          <DeliveryReportsCard reports={reports} timeZone={account.timezone} />
          <WebhookDeliveriesCard deliveries={deliveries} timeZone={account.timezone} />
        </div>
      </div>
    </>
  );
}
