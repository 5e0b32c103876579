import { apiRoute } from "@/lib/http/api-route";
import { uuidParam } from "@/lib/http/params";
import { parseJsonBody } from "@/lib/http/parse";
import { json } from "@/lib/http/respond";
import { deleteWebhookEndpoint } from "@/lib/webhooks/delete-webhook-endpoint";
import { getWebhookEndpoint } from "@/lib/webhooks/get-webhook-endpoints";
import { updateWebhookEndpoint } from "@/lib/webhooks/update-webhook-endpoint";
import { updateWebhookEndpointInput } from "@/lib/webhooks/schemas";

export const GET = apiRoute<{ id: string }>(async ({ auth, params }) =>
  json(await getWebhookEndpoint(auth.accountId, uuidParam(params.id, "Webhook endpoint"))),
);

export const PATCH = apiRoute<{ id: string }>(async ({ request, auth, params }) => {
  const id = uuidParam(params.id, "Webhook endpoint");
  const input = await parseJsonBody(request, updateWebhookEndpointInput);
  return json(await updateWebhookEndpoint(auth.accountId, id, input));
});

export const DELETE = apiRoute<{ id: string }>(async ({ auth, params }) => {
  await deleteWebhookEndpoint(auth.accountId, uuidParam(params.id, "Webhook endpoint"));
  return new Response(null, { status: 204 });
});
