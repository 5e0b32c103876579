import { apiRoute } from "@/lib/http/api-route";
import { uuidParam } from "@/lib/http/params";
import { json } from "@/lib/http/respond";
import { deleteContactList, getContactList } from "@/lib/contacts/manage-contact-lists";

export const GET = apiRoute<{ id: string }>(async ({ auth, params }) =>
  json(await getContactList(auth.accountId, uuidParam(params.id, "Contact list"))),
);

export const DELETE = apiRoute<{ id: string }>(async ({ auth, params }) => {
  await deleteContactList(auth.accountId, uuidParam(params.id, "Contact list"));
  return new Response(null, { status: 204 });
});
