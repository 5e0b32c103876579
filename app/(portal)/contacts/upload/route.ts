import { auth } from "@/lib/auth/next-auth";
import { createContactListFromRequest } from "@/lib/contacts/create-contact-list";
import { AppError } from "@/lib/http/errors";
import { errorResponse, json } from "@/lib/http/respond";

/** The portal's upload: same streaming import as `POST /v1/contact-lists`, authenticated by the session. */
export async function POST(request: Request): Promise<Response> {
  try {
    const session = await auth();
    const accountId = (session?.user as { accountId?: string } | undefined)?.accountId;
    if (!accountId) throw new AppError("unauthorized", "Sign in to upload contacts");
    const created = await createContactListFromRequest(accountId, request);
    return json(created, 202);
  } catch (error) {
    return errorResponse(error);
  }
}
