import { apiRoute } from "@/lib/http/api-route";
import { uuidParam } from "@/lib/http/params";
import { json } from "@/lib/http/respond";
import { getSenderId } from "@/lib/sender-ids/get-sender-ids";

export const GET = apiRoute<{ id: string }>(async ({ auth, params }) =>
  json(await getSenderId(auth.accountId, uuidParam(params.id, "Sender ID"))),
);
