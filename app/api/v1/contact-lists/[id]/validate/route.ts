import { revalidateContactListQuery } from "@/lib/contacts/schemas";
import { apiRoute } from "@/lib/http/api-route";
import { uuidParam } from "@/lib/http/params";
import { parseQuery } from "@/lib/http/parse";
import { json } from "@/lib/http/respond";
import { revalidateContactList } from "@/lib/contacts/revalidate-contact-list";

/** Re-validates the list's invalid contacts (`?scope=all`: every contact). */
export const POST = apiRoute<{ id: string }>(async ({ request, auth, params }) => {
  const { scope } = parseQuery(request, revalidateContactListQuery);
  return json(await revalidateContactList(auth.accountId, uuidParam(params.id, "Contact list"), scope), 202);
});
