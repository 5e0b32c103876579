import { z } from "zod";
import { sessionRoute } from "@/lib/auth/session-route";
import { exportContactsCsv } from "@/lib/contacts/export-contacts";
import { contactStatusFilter } from "@/lib/contacts/schemas";
import { uuidParam } from "@/lib/http/params";
import { parseQuery } from "@/lib/http/parse";

const exportQuery = z.object({ status: contactStatusFilter.optional() });

/** CSV download of a list's contacts for the portal (`?status=invalid` for the invalid ones with reasons). */
export const GET = sessionRoute<{ id: string }>(async ({ request, user, params }) => {
  const listId = uuidParam(params.id, "Contact list");
  const { status } = parseQuery(request, exportQuery);
  const stream = await exportContactsCsv(user.accountId, listId, status);
  return new Response(stream, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="contacts-${status ?? "all"}.csv"` },
  });
}, { role: "member" });
