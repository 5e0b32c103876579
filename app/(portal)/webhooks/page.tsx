import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Select } from "@/components/ui/select";
import { Button } from "@/components/ui/button";
import {
  createEndpointAction,
  deleteEndpointAction,
  replayDeliveryAction,
  replayFailedAction,
  rotateCallbackSecretAction,
  rotateEndpointSecretAction,
  sendTestEventAction,
  setEndpointStatusAction,
  updateEndpointEventsAction,
} from "@/app/(portal)/webhooks/actions";
import { CallbackSecret } from "@/components/webhooks/callback-secret";
import { CreateEndpointForm } from "@/components/webhooks/create-endpoint-form";
import { AutoRefresh } from "@/components/contacts/auto-refresh";
import { DeliveryLog, ReplayFailedForm, type DeliveryListItem } from "@/components/webhooks/delivery-log";
import { EndpointsList, type EndpointActions, type EndpointListItem } from "@/components/webhooks/endpoints-table";
import { getAccountSummary } from "@/lib/accounts/get-account";
import { requireRole } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { listWebhookDeliveries } from "@/lib/webhooks/list-deliveries";
import { getCallbackSecret } from "@/lib/webhooks/get-callback-secret";
import { listWebhookEndpoints } from "@/lib/webhooks/get-webhook-endpoints";
import { listDeliveriesQuery } from "@/lib/webhooks/schemas";

export const metadata: Metadata = { title: "Webhooks" };

const endpointActions: EndpointActions = {
  updateEvents: updateEndpointEventsAction,
  sendTest: sendTestEventAction,
  setStatus: setEndpointStatusAction,
  rotateSecret: rotateEndpointSecretAction,
  remove: deleteEndpointAction,
};

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const STATUS_OPTIONS = [
  { value: "", label: "Any status" },
  { value: "pending", label: "Pending" },
  { value: "succeeded", label: "Succeeded" },
  { value: "failed", label: "Failed" },
];

export default async function WebhooksPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireRole("webhooks");
  const params = await searchParams;
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;
  const filters = listDeliveriesQuery.safeParse({ status: first(params.status), endpointId: first(params.endpoint), before: first(params.before), limit: 25 });
  const query = filters.success ? filters.data : { limit: 25 };

  const [account, endpoints, deliveries, callbackSecret] = await Promise.all([
    getAccountSummary(user.accountId),
    listWebhookEndpoints(user.accountId),
    listWebhookDeliveries(user.accountId, query),
    getCallbackSecret(user.accountId),
  ]);
  const now = new Date();
  const endpointItems: EndpointListItem[] = endpoints.map((endpoint) => ({
    id: endpoint.id,
    url: endpoint.url,
    description: endpoint.description,
    events: endpoint.events,
    batch: endpoint.batch,
    status: endpoint.status,
    disabledReason: endpoint.disabledReason,
    created: formatDateTime(endpoint.createdAt, account.timezone),
    rotationEnds: endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now ? formatDateTime(endpoint.previousSecretExpiresAt, account.timezone) : null,
  }));
  const deliveryItems: DeliveryListItem[] = deliveries.data.map((delivery) => ({
    id: delivery.id,
    eventType: delivery.event.type,
    messageId: delivery.event.messageId,
    target: delivery.url,
    status: delivery.status,
    attempts: delivery.attempts,
    lastStatusCode: delivery.lastStatusCode,
    lastError: delivery.lastError,
    created: formatDateTime(delivery.createdAt, account.timezone),
    nextAttempt: delivery.status === "pending" && delivery.nextAttemptAt ? formatDateTime(delivery.nextAttemptAt, account.timezone) : null,
  }));
  const keep = (extra: Record<string, string | undefined>) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries({ status: query.status, endpoint: query.endpointId, ...extra })) if (value) search.set(key, value);
    const text = search.toString();
    return text ? `/webhooks?${text}` : "/webhooks";
  };

  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Sema Link POSTs signed JSON events to your endpoints when messages, campaigns and contact lists change. Receivers must answer 2xx within 4 seconds and deduplicate on eventId."
      />
      <div className="space-y-6">
        <Card aria-labelledby="add-endpoint-heading">
          <CardHeader id="add-endpoint-heading" title="Add an endpoint" description="Each endpoint gets its own signing secret." />
          <CardBody>
            <CreateEndpointForm action={createEndpointAction} />
          </CardBody>
        </Card>

        <Card aria-labelledby="endpoints-heading">
          <CardHeader id="endpoints-heading" title="Endpoints" />
          {endpointItems.length === 0 ? (
            <EmptyState title="No endpoints yet" description="Add one above, or pass callbackUrl when you send a message or create a campaign." />
          ) : (
            <EndpointsList endpoints={endpointItems} actions={endpointActions} />
          )}
        </Card>

        <Card aria-labelledby="callback-secret-heading">
          <CardHeader
            id="callback-secret-heading"
            title="Callback signing secret"
            description="Signs callbacks sent to the callbackUrl of a single message or a campaign."
          />
          <CardBody>
            <CallbackSecret secret={callbackSecret} rotateAction={rotateCallbackSecretAction} />
          </CardBody>
        </Card>

        <Card aria-labelledby="deliveries-heading">
          <CardHeader id="deliveries-heading" title="Delivery log" description="Every attempt is kept: open a delivery to see its attempts, payload and latency." />
          <CardBody className="space-y-4">
            <form method="get" action="/webhooks" className="flex flex-wrap items-end gap-3" aria-label="Filter deliveries">
              <div>
                <label htmlFor="filter-status" className="block text-sm font-medium text-slate-700">
                  Status
                </label>
                <Select id="filter-status" name="status" defaultValue={query.status ?? ""} options={STATUS_OPTIONS} className="mt-1 w-40" />
              </div>
              <div>
                <label htmlFor="filter-endpoint" className="block text-sm font-medium text-slate-700">
                  Target
                </label>
                <Select
                  id="filter-endpoint"
                  name="endpoint"
                  defaultValue={query.endpointId ?? ""}
                  className="mt-1 w-72"
                  options={[{ value: "", label: "All targets" }, ...endpoints.map((endpoint) => ({ value: endpoint.id, label: endpoint.url }))]}
                />
              </div>
              <Button type="submit" variant="secondary">
                Filter
              </Button>
              {query.status || query.endpointId ? (
                <Link href="/webhooks" className="text-sm text-brand-700 hover:underline">
                  Clear
                </Link>
              ) : null}
            </form>
            <ReplayFailedForm endpointId={query.endpointId} action={replayFailedAction} />
          </CardBody>
          {deliveryItems.length === 0 ? (
            <EmptyState title="No deliveries" description="Deliveries appear here as events are sent to your endpoints and callback URLs." />
          ) : (
            <>
              <DeliveryLog deliveries={deliveryItems} replayAction={replayDeliveryAction} />
              {/* Live updates: the log re-renders every 2 s while a delivery on this page is still pending. */}
              <AutoRefresh active={deliveryItems.some((delivery) => delivery.status === "pending")} intervalMs={2_000} />
              <Pagination
                label={query.before ? "Older deliveries" : "Newest deliveries"}
                previousHref={query.before ? keep({}) : undefined}
                nextHref={deliveries.nextCursor ? keep({ before: deliveries.nextCursor }) : undefined}
              />
            </>
          )}
        </Card>
      </div>
    </>
  );
}
