import { acceptCelcomDlrCallback } from "@/lib/dlr/accept-dlr-callback";
import { withErrors } from "@/lib/http/api-route";
import { json } from "@/lib/http/respond";

// Celcom delivery reports: token in `x-callback-token` or `?token=`; usable reports are queued, unusable ones recorded as rejected.
export const POST = withErrors(async (request) => json(await acceptCelcomDlrCallback(request)));
