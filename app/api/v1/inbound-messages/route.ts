import { apiRoute } from "@/lib/http/api-route";
import { parseQuery } from "@/lib/http/parse";
import { json } from "@/lib/http/respond";
import { listInboundMessages } from "@/lib/inbound/list-inbound-messages";
import { listInboundMessagesQuery } from "@/lib/inbound/schemas";

export const GET = apiRoute(async ({ request, auth }) =>
  json(await listInboundMessages(auth.accountId, auth.defaultCountry, parseQuery(request, listInboundMessagesQuery))),
);
