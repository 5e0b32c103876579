import Link from "next/link";
import { StatusBadge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { formatDateTimeSeconds } from "@/lib/format";
import type { listDeliveryReportsForMessage } from "@/lib/dlr/list-delivery-reports";
import type { listWebhookDeliveriesForMessage } from "@/lib/webhooks/list-deliveries";

type DeliveryReports = Awaited<ReturnType<typeof listDeliveryReportsForMessage>>;
type WebhookDeliveries = Awaited<ReturnType<typeof listWebhookDeliveriesForMessage>>;

/** The raw delivery reports the provider sent for one message, as received (kept for audit). */
export function DeliveryReportsCard({ reports, timeZone }: { reports: DeliveryReports; timeZone: string }) {
  return (
    <Card aria-labelledby="message-dlrs-heading">
      <CardHeader id="message-dlrs-heading" title="Delivery reports" description="What the provider reported, oldest first." />
      <CardBody>
        {reports.length === 0 ? (
          <EmptyState title="No delivery reports yet" description="They arrive once the network reports on the message." />
        ) : (
          <Table data-testid="message-dlrs">
            <THead>
              <TR>
                <TH>Received</TH>
                <TH>Provider status</TH>
                <TH>Applied as</TH>
              </TR>
            </THead>
            <TBody>
              {reports.map((report) => (
                <TR key={report.id}>
                  <TD>{formatDateTimeSeconds(report.receivedAt, timeZone)}</TD>
                  <TD className="font-mono text-xs">{report.rawStatus}</TD>
                  <TD>{report.mappedStatus ? <StatusBadge status={report.mappedStatus} /> : <span className="text-slate-500">not final</span>}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
        )}
      </CardBody>
    </Card>
  );
}

/** The customer webhooks sent about one message, with links to each delivery's attempt log. */
export function WebhookDeliveriesCard({ deliveries, timeZone }: { deliveries: WebhookDeliveries; timeZone: string }) {
  return (
    <Card aria-labelledby="message-webhooks-heading">
      <CardHeader id="message-webhooks-heading" title="Webhook deliveries" description="Events sent to your endpoints and callback URL." />
      <CardBody>
        {deliveries.length === 0 ? (
          <EmptyState title="No webhook deliveries" description="Register an endpoint or pass a callbackUrl to be told about this message." />
        ) : (
          <Table data-testid="message-webhook-deliveries">
            <THead>
              <TR>
                <TH>Event</TH>
                <TH>Destination</TH>
                <TH>Status</TH>
                <TH>Attempts</TH>
                <TH>Created</TH>
              </TR>
            </THead>
            <TBody>
              {deliveries.map((delivery) => (
                <TR key={delivery.id}>
                  <TD className="font-mono text-xs">
                    <Link className="text-brand-700 underline" href={`/webhooks/deliveries/${delivery.id}`}>
                      {delivery.event.type}
                    </Link>
                  </TD>
                  <TD className="max-w-xs truncate text-xs" title={delivery.url}>
                    {delivery.url}
                  </TD>
                  <TD>
                    <StatusBadge status={delivery.status} />
                  </TD>
                  <TD>{delivery.attempts}</TD>
                  <TD>{formatDateTimeSeconds(delivery.createdAt, timeZone)}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
        )}
      </CardBody>
    </Card>
  );
}
