import { apiRoute } from "@/lib/http/api-route";
import { parseJsonBody } from "@/lib/http/parse";
import { json } from "@/lib/http/respond";
import { createWebhookEndpoint } from "@/lib/webhooks/create-webhook-endpoint";
import { listWebhookEndpoints } from "@/lib/webhooks/get-webhook-endpoints";
import { createWebhookEndpointInput } from "@/lib/webhooks/schemas";

export const GET = apiRoute(async ({ auth }) => json({ data: await listWebhookEndpoints(auth.accountId) }));

export const POST = apiRoute(async ({ request, auth }) => {
  const input = await parseJsonBody(request, createWebhookEndpointInput);
  return json(await createWebhookEndpoint(auth.accountId, input), 201);
});
