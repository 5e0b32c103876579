import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AutoRefresh } from "@/components/contacts/auto-refresh";
import { ContactListTabs, DuplicatesTable, InvalidTable, NetworkSplit, PageLinks, ValidTable, type ContactListView } from "@/components/contacts/contact-list-views";
import { ProgressBar } from "@/components/contacts/progress-bar";
import { ActionForm } from "@/components/ui/action-form";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader, StatCard } from "@/components/ui/card";
import { ConfirmActionForm } from "@/components/ui/confirm-action-form";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/badge";
import { deleteListAction, fixContactAction, removeInvalidAction, revalidateListAction } from "@/app/(portal)/contacts/actions";
import { getAccountSummary } from "@/lib/accounts/get-account";
import { requireUser } from "@/lib/auth/session";
import { countContactNetworks } from "@/lib/contacts/count-networks";
import { getContactList } from "@/lib/contacts/get-contact-lists";
import { invalidDetail, INVALID_DETAIL_MESSAGES } from "@/lib/contacts/invalid-reason";
import { listContacts } from "@/lib/contacts/list-contacts";
import { listDuplicateContacts } from "@/lib/contacts/list-duplicates";
import { formatZonedDateTime } from "@/lib/format-zoned";
import { AppError } from "@/lib/http/errors";
import type { CountryCode } from "libphonenumber-js/max";

export const metadata: Metadata = { title: "Contact list" };

const UUID = /^[0-9a-f-]{36}$/i;
const PAGE_SIZE = 200;
const VIEWS: readonly ContactListView[] = ["invalid", "valid", "duplicates"];

function cursorOf(text: string | undefined): number | undefined {
  return text && /^\d{1,18}$/.test(text) ? Number(text) : undefined;
}

export default async function ContactListPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ view?: string; cursor?: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const search = await searchParams;
  const [list, account] = await Promise.all([
    getContactList(user.accountId, id).catch((error: unknown) => {
      if (error instanceof AppError && error.code === "not_found") notFound();
      throw error;
    }),
    getAccountSummary(user.accountId),
  ]);
  const view: ContactListView = VIEWS.find((candidate) => candidate === search.view) ?? "invalid";
  const cursor = cursorOf(search.cursor);
  const validating = list.status === "validating" || list.status === "uploading";
  const base = `/contacts/${list.id}?view=${view}`;
  return (
    <>
      <PageHeader
        title={list.name}
        description={`Uploaded ${formatZonedDateTime(list.createdAt, account.timezone)}${list.phoneColumn ? ` · phone column “${list.phoneColumn}”` : ""}${list.fields.length ? ` · fields ${list.fields.map((field) => `{{${field}}}`).join(", ")}` : ""}`}
        actions={list.status === "ready" && list.validCount > 0 ? <ButtonLink href={`/campaigns/new?list=${list.id}`} variant="primary">Send a campaign</ButtonLink> : null}
      />
      <AutoRefresh active={validating} />
      <div className="mb-6 grid grid-cols-2 gap-4 sm:grid-cols-4">
        <StatCard label="Status" value={<span data-testid="list-status"><StatusBadge status={list.status} /></span>} />
        <StatCard label="Valid" value={<span data-testid="valid-count">{list.validCount.toLocaleString()}</span>} />
        <StatCard label="Invalid" value={<span data-testid="invalid-count">{list.invalidCount.toLocaleString()}</span>} />
        <StatCard label="Duplicates" value={<span data-testid="duplicate-count">{list.duplicateCount.toLocaleString()}</span>} hint="Repeats of a number earlier in the list; sent once." />
      </div>
      {validating ? (
        <Card className="mb-6">
          <CardBody>
            <ProgressBar value={list.progress} label={`Validating ${list.totalCount.toLocaleString()} numbers`} />
          </CardBody>
        </Card>
      ) : (
        <Card>
          <CardHeader
            title="Contacts"
            description="Fix a number to re-check it at once, or remove the invalid ones and send to the valid numbers only."
            actions={
              <div className="flex flex-wrap items-start gap-2">
                {(["valid", "invalid", "all"] as const).map((status) => (
                  <ButtonLink key={status} href={`/contacts/${list.id}/export?status=${status}`} size="sm" variant="secondary" prefetch={false}>
                    Export {status}
                  </ButtonLink>
                ))}
                {list.invalidCount > 0 ? (
                  <>
                    <ActionForm action={revalidateListAction} fields={{ listId: list.id }}>
                      <Button type="submit" size="sm" variant="secondary">Re-validate</Button>
                    </ActionForm>
                    <ConfirmActionForm
                      action={removeInvalidAction}
                      fields={{ listId: list.id }}
                      label="Remove invalid"
                      confirmLabel="Remove them"
                      question={`Remove ${list.invalidCount.toLocaleString()} invalid number${list.invalidCount === 1 ? "" : "s"} from this list?`}
                    />
                  </>
                ) : null}
              </div>
            }
          />
          <ContactListTabs listId={list.id} view={view} counts={{ invalid: list.invalidCount, valid: list.validCount, duplicates: list.duplicateCount }} />
          <ContactViewBody accountId={user.accountId} listId={list.id} view={view} cursor={cursor} base={base} defaultCountry={account.defaultCountry as CountryCode} />
        </Card>
      )}
      <div className="mt-6">
        <ConfirmActionForm action={deleteListAction} fields={{ listId: list.id }} label="Delete this list" confirmLabel="Delete list" question="Delete this list and its contacts?" />
      </div>
      <p className="mt-4 text-sm">
        <Link href="/contacts" className="text-slate-600 hover:underline">← All contact lists</Link>
      </p>
    </>
  );
}

async function ContactViewBody({ accountId, listId, view, cursor, base, defaultCountry }: { accountId: string; listId: string; view: ContactListView; cursor?: number; base: string; defaultCountry: CountryCode }) {
  if (view === "duplicates") {
    const page = await listDuplicateContacts(accountId, listId, { cursor, limit: PAGE_SIZE });
    return (
      <>
        <DuplicatesTable contacts={page.data} />
        <PageLinks base={base} cursor={cursor} nextCursor={page.nextCursor} />
      </>
    );
  }
  if (view === "valid") {
    const [page, networks] = await Promise.all([listContacts(accountId, listId, { status: "valid", cursor, limit: PAGE_SIZE }), countContactNetworks(accountId, listId)]);
    return (
      <>
        <NetworkSplit networks={networks} />
        <ValidTable contacts={page.data} />
        <PageLinks base={base} cursor={cursor} nextCursor={page.nextCursor} />
      </>
    );
  }
  const page = await listContacts(accountId, listId, { status: "invalid", cursor, limit: PAGE_SIZE });
  const contacts = page.data.map((contact) => ({ ...contact, problem: INVALID_DETAIL_MESSAGES[invalidDetail(contact.rawPhone, contact.reason, defaultCountry)] }));
  return (
    <>
      <InvalidTable listId={listId} contacts={contacts} fixAction={fixContactAction} />
      <PageLinks base={base} cursor={cursor} nextCursor={page.nextCursor} />
    </>
  );
}
