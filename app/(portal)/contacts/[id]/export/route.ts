import { auth } from "@/lib/auth/next-auth";
import { exportContactsCsv } from "@/lib/contacts/export-contacts";
import { contactStatusFilter } from "@/lib/contacts/schemas";
import { AppError } from "@/lib/http/errors";
import { uuidParam } from "@/lib/http/params";
import { errorResponse } from "@/lib/http/respond";

/** CSV download of a list's contacts for the portal (`?status=invalid` for the invalid ones with reasons). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const session = await auth();
    const accountId = (session?.user as { accountId?: string } | undefined)?.accountId;
    if (!accountId) throw new AppError("unauthorized", "Sign in to export contacts");
    const listId = uuidParam((await params).id, "Contact list");
    const status = contactStatusFilter.optional().parse(new URL(request.url).searchParams.get("status") ?? undefined);
    const stream = await exportContactsCsv(accountId, listId, status);
    return new Response(stream, {
      headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="contacts-${status ?? "all"}.csv"` },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
