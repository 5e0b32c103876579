import { apiRoute } from "@/lib/http/api-route";
import { parseQuery } from "@/lib/http/parse";
import { json } from "@/lib/http/respond";
import { listWebhookDeliveries } from "@/lib/webhooks/list-deliveries";
import { listDeliveriesQuery } from "@/lib/webhooks/schemas";

// Every delivery of the account (endpoints and per-message callbacks), filterable.
export const GET = apiRoute(async ({ request, auth }) => json(await listWebhookDeliveries(auth.accountId, parseQuery(request, listDeliveriesQuery))));
