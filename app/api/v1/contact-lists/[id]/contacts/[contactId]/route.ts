import { apiRoute } from "@/lib/http/api-route";
import { uuidParam } from "@/lib/http/params";
import { parseJsonBody } from "@/lib/http/parse";
import { json } from "@/lib/http/respond";
import { updateContact } from "@/lib/contacts/update-contact";
import { updateContactInput } from "@/lib/contacts/schemas";

/** Fixes a contact's number and re-validates it at once. */
export const PATCH = apiRoute<{ id: string; contactId: string }>(async ({ request, auth, params }) => {
  const listId = uuidParam(params.id, "Contact list");
  const input = await parseJsonBody(request, updateContactInput);
  return json(await updateContact(auth.accountId, listId, params.contactId, input));
});
