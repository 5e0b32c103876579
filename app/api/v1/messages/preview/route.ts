import { apiRoute } from "@/lib/http/api-route";
import { parseJsonBody } from "@/lib/http/parse";
import { json } from "@/lib/http/respond";
import { previewMessage } from "@/lib/messages/prepare-message";
import { previewMessageInput } from "@/lib/messages/schemas";

// Same checks and price as a send, without reserving or sending anything.
export const POST = apiRoute(async ({ request, auth }) =>
  json(await previewMessage(auth.accountId, await parseJsonBody(request, previewMessageInput))),
);
