import { withErrors } from "@/lib/http/api-route";
import { json } from "@/lib/http/respond";
import { acceptCelcomInboundCallback } from "@/lib/inbound/accept-celcom-inbound";

// Celcom inbound (MO) messages: same authentication as the DLR callback; validated and queued, never written here.
export const POST = withErrors(async (request) => json(await acceptCelcomInboundCallback(request)));
