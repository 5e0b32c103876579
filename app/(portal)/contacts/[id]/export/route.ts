import { z } from "zod";
import { sessionRoute } from "@/lib/auth/session-route";
import { exportContactsCsv } from "@/lib/contacts/export-contacts";
import { contactStatusFilter } from "@/lib/contacts/schemas";
import { uuidParam } from "@/lib/http/params";
import { parseQuery } from "@/lib/http/parse";

// `all` (or nothing): every contact; otherwise one status.
const exportQuery = z.object({ status: z.union([contactStatusFilter, z.literal("all")]).optional() });

/** CSV download of a list's contacts for the portal (`?status=valid|invalid|duplicate|all`), streamed, with the precise problem of each invalid number. */
export const GET = sessionRoute<{ id: string }>(async ({ request, user, params }) => {
  const listId = uuidParam(params.id, "Contact list");
  const { status } = parseQuery(request, exportQuery);
  const stream = await exportContactsCsv(user.accountId, listId, status === "all" ? undefined : status, { problems: true });
  return new Response(stream, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="contacts-${status ?? "all"}.csv"` },
  });
}, { role: "member" });
