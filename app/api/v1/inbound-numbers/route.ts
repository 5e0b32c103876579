import { apiRoute } from "@/lib/http/api-route";
import { json } from "@/lib/http/respond";
import { listAccountNumbers } from "@/lib/inbound-numbers/manage-numbers";

export const GET = apiRoute(async ({ auth }) => json({ data: await listAccountNumbers(auth.accountId) }));
