import { withErrors } from "@/lib/http/api-route";
import { json } from "@/lib/http/respond";
import { acceptCelcomInboundCallback } from "@/lib/inbound/accept-celcom-inbound";

// Same callback with the token as a path segment, for providers that can only be given a URL.
export const POST = withErrors<{ token: string }>(async (request, params) =>
  json(await acceptCelcomInboundCallback(request, { pathToken: params.token })),
);
