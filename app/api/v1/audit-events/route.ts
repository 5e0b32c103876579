import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { listAuditEventsQuery } from "@/lib/audit/schemas";
import { apiRoute } from "@/lib/http/api-route";
import { parseQuery } from "@/lib/http/parse";
import { json } from "@/lib/http/respond";

export const GET = apiRoute(async ({ request, auth }) => json(await listAuditEvents(auth.accountId, parseQuery(request, listAuditEventsQuery))));
