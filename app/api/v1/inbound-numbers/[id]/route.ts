import { apiRoute } from "@/lib/http/api-route";
import { uuidParam } from "@/lib/http/params";
import { parseJsonBody } from "@/lib/http/parse";
import { json } from "@/lib/http/respond";
import { updateInboundNumber } from "@/lib/inbound-numbers/manage-numbers";
import { updateInboundNumberInput } from "@/lib/inbound-numbers/schemas";

// The account's own setting on a number an operator assigned: whether STOP/START get a confirmation reply.
export const PATCH = apiRoute<{ id: string }>(async ({ request, auth, params }) => {
  const id = uuidParam(params.id, "Inbound number");
  const input = await parseJsonBody(request, updateInboundNumberInput);
  return json(await updateInboundNumber(auth.accountId, id, input));
});
