import { getAccountSummary } from "@/lib/accounts/get-account";
import { sessionRoute } from "@/lib/auth/session-route";
import { parseQuery } from "@/lib/http/parse";
import { exportMessagesCsv } from "@/lib/messages/export-messages";
import { messageSearchFilters } from "@/lib/messages/search-messages";

/** CSV download of the messages matching the messages page's filters (streamed, any number of rows). */
export const GET = sessionRoute(async ({ request, user }) => {
  const filters = parseQuery(request, messageSearchFilters);
  const account = await getAccountSummary(user.accountId);
  const stream = exportMessagesCsv({ accountId: user.accountId, defaultCountry: account.defaultCountry, timeZone: account.timezone }, filters);
  return new Response(stream, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="messages.csv"', "cache-control": "no-store" },
  });
}, { role: "member" });
