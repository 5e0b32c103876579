import { getAccountSummary } from "@/lib/accounts/get-account";
import { sessionRoute } from "@/lib/auth/session-route";
import { exportLedgerCsv } from "@/lib/credits/export-ledger";
import { ledgerFilterInstants, ledgerFilterQuery } from "@/lib/credits/ledger-filters";
import { parseQuery } from "@/lib/http/parse";

/** CSV download of the ledger with the billing page's filters (type, dates), streamed. */
export const GET = sessionRoute(async ({ request, user }) => {
  const query = parseQuery(request, ledgerFilterQuery);
  const account = await getAccountSummary(user.accountId);
  const stream = exportLedgerCsv(user.accountId, account.timezone, ledgerFilterInstants(query, account.timezone));
  return new Response(stream, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="ledger.csv"', "cache-control": "no-store" },
  });
}, { role: "member" });
