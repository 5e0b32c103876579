import { apiRoute } from "@/lib/http/api-route";
import { uuidParam } from "@/lib/http/params";
import { json } from "@/lib/http/respond";
import { deleteContactList } from "@/lib/contacts/delete-contact-list";
import { getContactList } from "@/lib/contacts/get-contact-lists";

export const GET = apiRoute<{ id: string }>(async ({ auth, params }) =>
  json(await getContactList(auth.accountId, uuidParam(params.id, "Contact list"))),
);

export const DELETE = apiRoute<{ id: string }>(async ({ auth, params }) => {
  await deleteContactList(auth.accountId, uuidParam(params.id, "Contact list"));
  return new Response(null, { status: 204 });
});
