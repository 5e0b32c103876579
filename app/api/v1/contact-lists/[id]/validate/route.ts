import { z } from "zod";
import { apiRoute } from "@/lib/http/api-route";
import { uuidParam } from "@/lib/http/params";
import { parseQuery } from "@/lib/http/parse";
import { json } from "@/lib/http/respond";
import { revalidateContactList } from "@/lib/contacts/revalidate-contact-list";

const validateQuery = z.object({ scope: z.enum(["invalid", "all"]).default("invalid") });

/** Re-validates the list's invalid contacts (`?scope=all`: every contact). */
export const POST = apiRoute<{ id: string }>(async ({ request, auth, params }) => {
  const { scope } = parseQuery(request, validateQuery);
  return json(await revalidateContactList(auth.accountId, uuidParam(params.id, "Contact list"), scope), 202);
});
