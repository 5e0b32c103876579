import type { Metadata } from "next";
import { addOptOutAction, optBackInAction } from "@/app/(portal)/opt-outs/actions";
import { AddOptOutForm } from "@/components/opt-outs/add-opt-out-form";
import { ImportOptOutsForm } from "@/components/opt-outs/import-opt-outs-form";
import { OptOutsTable } from "@/components/opt-outs/opt-outs-table";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { getAccountSummary } from "@/lib/accounts/get-account";
import { requireUser } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { AppError } from "@/lib/http/errors";
import { listOptOuts } from "@/lib/opt-outs/manage-opt-outs";
import { optOutHistoryPath } from "@/lib/opt-outs/paths";
import { listOptOutsQuery } from "@/lib/opt-outs/schemas";

export const metadata: Metadata = { title: "Opt-outs" };

type SearchParams = Promise<{ phone?: string; cursor?: string }>;

function href(params: { phone?: string; cursor?: string }): string {
  const search = new URLSearchParams();
  if (params.phone) search.set("phone", params.phone);
  if (params.cursor) search.set("cursor", params.cursor);
  const query = search.toString();
  return query ? `/opt-outs?${query}` : "/opt-outs";
}

export default async function OptOutsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser();
  const params = await searchParams;
  const account = await getAccountSummary(user.accountId);
  const query = listOptOutsQuery.safeParse({ phone: params.phone || undefined, cursor: params.cursor || undefined, limit: 25 });
  let problem: string | null = query.success ? null : "Check the search.";
  let page: Awaited<ReturnType<typeof listOptOuts>> = { data: [], nextCursor: null };
  if (query.success) {
    try {
      page = await listOptOuts(user.accountId, account.defaultCountry, query.data);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      problem = error.message;
    }
  }
  const items = page.data.map((row) => ({ phone: row.phone, source: row.source, optedOutAt: formatDateTime(row.optedOutAt, account.timezone), historyHref: optOutHistoryPath(row.phone) }));
  return (
    <>
      <PageHeader
        title="Opt-outs"
        description="Numbers that asked not to get your messages (by replying STOP, or added here or by API). Sends to them are refused and campaigns skip them. Every change is kept as a consent record."
        actions={
          <a href="/opt-outs/export" className={buttonClasses("secondary")} download>
            Export CSV
          </a>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card aria-labelledby="opt-outs-heading" className="lg:col-span-2">
          <CardHeader id="opt-outs-heading" title="Opted-out numbers" />
          <CardBody className="border-b border-slate-200">
            <form role="search" action="/opt-outs" className="flex flex-wrap items-end gap-2">
              <div className="w-full sm:w-72">
                <Label htmlFor="opt-out-search">Find a number</Label>
                <Input id="opt-out-search" name="phone" type="search" inputMode="tel" defaultValue={params.phone ?? ""} className="mt-1" />
              </div>
              <Button type="submit" variant="secondary">
                Search
              </Button>
            </form>
            {problem ? (
              <Alert tone="error" className="mt-3">
                {problem}
              </Alert>
            ) : null}
          </CardBody>
          <OptOutsTable
            optBackInAction={optBackInAction}
            optOuts={items}
            empty={<EmptyState title={params.phone ? "That number is not opted out" : "No opt-outs"} description="Numbers appear here when someone replies STOP or you add them." />}
          />
          <Pagination
            label={params.cursor ? "More opt-outs" : "Latest opt-outs"}
            previousHref={params.cursor ? href({ phone: params.phone }) : undefined}
            nextHref={page.nextCursor ? href({ phone: params.phone, cursor: page.nextCursor }) : undefined}
          />
        </Card>
        <div className="space-y-6">
          <Card aria-labelledby="add-opt-out-heading">
            <CardHeader id="add-opt-out-heading" title="Add an opt-out" />
            <CardBody>
              <AddOptOutForm action={addOptOutAction} />
            </CardBody>
          </Card>
          <Card aria-labelledby="import-opt-outs-heading">
            <CardHeader id="import-opt-outs-heading" title="Import opt-outs" description="A CSV from another system: one number per row." />
            <CardBody>
              <ImportOptOutsForm />
            </CardBody>
          </Card>
        </div>
      </div>
    </>
  );
}
