import { auth } from "@/lib/auth/next-auth";
import { AppError } from "@/lib/http/errors";
import { errorResponse } from "@/lib/http/respond";
import { exportOptOutsCsv } from "@/lib/opt-outs/manage-opt-outs";

/** CSV download of the account's opted-out numbers. */
export async function GET(): Promise<Response> {
  try {
    const session = await auth();
    const accountId = (session?.user as { accountId?: string } | undefined)?.accountId;
    if (!accountId) throw new AppError("unauthorized", "Sign in to export opt-outs");
    return new Response(exportOptOutsCsv(accountId), {
      headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="opt-outs.csv"' },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
