import { AppError } from "@/lib/http/errors";
import { apiRoute } from "@/lib/http/api-route";

// Unknown /v1 paths answer in the API's error shape (after authentication, like every /v1 route).
const unknownRoute = apiRoute<{ path: string[] }>(async ({ request }) => {
  throw new AppError("not_found", `No route for ${request.method} ${new URL(request.url).pathname}`);
});

export { unknownRoute as GET, unknownRoute as POST, unknownRoute as PUT, unknownRoute as PATCH, unknownRoute as DELETE };
