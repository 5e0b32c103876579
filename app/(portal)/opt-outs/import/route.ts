import { getAccountSummary } from "@/lib/accounts/get-account";
import { auth } from "@/lib/auth/next-auth";
import { AppError } from "@/lib/http/errors";
import { errorResponse, json } from "@/lib/http/respond";
import { importOptOutsCsv, MAX_OPT_OUT_IMPORT_BYTES } from "@/lib/opt-outs/import-opt-outs";

/** The portal's opt-out import: a CSV file in a multipart form, authenticated by the session. */
export async function POST(request: Request): Promise<Response> {
  try {
    const session = await auth();
    const user = session?.user as { id?: string; accountId?: string } | undefined;
    if (!user?.accountId) throw new AppError("unauthorized", "Sign in to import opt-outs");
    if (Number(request.headers.get("content-length") ?? "0") > MAX_OPT_OUT_IMPORT_BYTES + 64 * 1024) {
      throw new AppError("payload_too_large", "The file is larger than 5 MB");
    }
    const form = await request.formData().catch(() => null);
    const file = form?.get("file");
    if (!(file instanceof File)) throw new AppError("bad_request", "Attach a CSV file as “file”");
    if (file.size > MAX_OPT_OUT_IMPORT_BYTES) throw new AppError("payload_too_large", "The file is larger than 5 MB");
    const account = await getAccountSummary(user.accountId);
    return json(await importOptOutsCsv(user.accountId, await file.text(), account.defaultCountry, { source: "import", userId: user.id ?? null }));
  } catch (error) {
    return errorResponse(error);
  }
}
