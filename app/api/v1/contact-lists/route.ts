import { apiRoute } from "@/lib/http/api-route";
import { parseQuery } from "@/lib/http/parse";
import { json } from "@/lib/http/respond";
import { createContactListFromRequest } from "@/lib/contacts/create-contact-list";
import { listContactLists } from "@/lib/contacts/get-contact-lists";
import { listContactListsQuery } from "@/lib/contacts/schemas";

export const GET = apiRoute(async ({ request, auth }) => {
  const query = parseQuery(request, listContactListsQuery);
  return json({ data: await listContactLists(auth.accountId, query) });
});

/** text/csv (options in the query: name, phoneColumn, header), multipart with a file, or JSON { name, numbers }. */
export const POST = apiRoute(async ({ request, auth }) => {
  const created = await createContactListFromRequest(auth.accountId, request);
  return json({ contactListId: created.contactListId, jobId: created.jobId, status: created.status, totalCount: created.totalCount }, 202);
});
