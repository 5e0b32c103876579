import { sessionRoute } from "@/lib/auth/session-route";
import { createContactListFromRequest } from "@/lib/contacts/create-contact-list";
import { json } from "@/lib/http/respond";

/** The portal's upload: same streaming import as `POST /v1/contact-lists`, authenticated by the session. */
export const POST = sessionRoute(async ({ request, user }) => json(await createContactListFromRequest(user.accountId, request), 202), { role: "member" });
