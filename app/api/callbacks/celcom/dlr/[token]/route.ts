import { acceptCelcomDlrCallback } from "@/lib/dlr/accept-dlr-callback";
import { withErrors } from "@/lib/http/api-route";
import { json } from "@/lib/http/respond";

// Same callback with the token as a path segment, for providers that can only be given a URL.
export const POST = withErrors<{ token: string }>(async (request, params) =>
  json(await acceptCelcomDlrCallback(request, { pathToken: params.token })),
);
