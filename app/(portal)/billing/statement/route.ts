import { z } from "zod";
import { getAccountSummary } from "@/lib/accounts/get-account";
import { monthlyStatementCsv } from "@/lib/analytics/monthly-statement";
import { sessionRoute } from "@/lib/auth/session-route";
import { parseQuery } from "@/lib/http/parse";

const statementQuery = z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "must be a calendar month (yyyy-mm)") });

/** A month's statement (credit movements, messages, delivery and cost per network and per day) as CSV. */
export const GET = sessionRoute(async ({ request, user }) => {
  const { month } = parseQuery(request, statementQuery);
  const account = await getAccountSummary(user.accountId);
  const csv = await monthlyStatementCsv({ id: account.id, name: account.name, timezone: account.timezone }, month);
  return new Response(csv, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="statement-${month}.csv"`, "cache-control": "no-store" },
  });
}, { role: "member" });
