import { apiRoute } from "@/lib/http/api-route";
import { uuidParam } from "@/lib/http/params";
import { parseQuery } from "@/lib/http/parse";
import { json } from "@/lib/http/respond";
import { exportContactsCsv } from "@/lib/contacts/export-contacts";
import { listContacts } from "@/lib/contacts/list-contacts";
import { removeInvalidContacts } from "@/lib/contacts/remove-invalid-contacts";
import { listContactsQuery, removeContactsQuery } from "@/lib/contacts/schemas";

/** `?status=invalid` filters; `?format=csv` streams the matching contacts as a CSV download. */
export const GET = apiRoute<{ id: string }>(async ({ request, auth, params }) => {
  const listId = uuidParam(params.id, "Contact list");
  const query = parseQuery(request, listContactsQuery);
  if (query.format === "csv") {
    const stream = await exportContactsCsv(auth.accountId, listId, query.status);
    const filename = `contacts-${query.status ?? "all"}-${listId.slice(0, 8)}.csv`;
    return new Response(stream, { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${filename}"` } });
  }
  return json(await listContacts(auth.accountId, listId, query));
});

/** `?status=invalid`: removes the invalid contacts, keeping the list's valid numbers. */
export const DELETE = apiRoute<{ id: string }>(async ({ request, auth, params }) => {
  parseQuery(request, removeContactsQuery);
  return json(await removeInvalidContacts(auth.accountId, uuidParam(params.id, "Contact list")));
});
