import { apiRoute } from "@/lib/http/api-route";
import { uuidParam } from "@/lib/http/params";
import { parseOptionalJsonBody } from "@/lib/http/parse";
import { json } from "@/lib/http/respond";
import { rotateWebhookEndpointSecret } from "@/lib/webhooks/rotate-webhook-endpoint-secret";
import { rotateSecretInput } from "@/lib/webhooks/schemas";

// Body optional: `{ "overlapHours": 24 }` is the default.
export const POST = apiRoute<{ id: string }>(async ({ request, auth, params }) => {
  const id = uuidParam(params.id, "Webhook endpoint");
  const input = await parseOptionalJsonBody(request, rotateSecretInput);
  return json(await rotateWebhookEndpointSecret(auth.accountId, id, input.overlapHours));
});
