import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AutoRefresh } from "@/components/contacts/auto-refresh";
import { FixContactForm } from "@/components/contacts/fix-contact-form";
import { ProgressBar } from "@/components/contacts/progress-bar";
import { ActionForm } from "@/components/ui/action-form";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader, StatCard } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/badge";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { deleteListAction, fixContactAction, removeInvalidAction, revalidateListAction } from "@/app/(portal)/contacts/actions";
import { requireUser } from "@/lib/auth/session";
import { getContactList } from "@/lib/contacts/get-contact-lists";
import { listContacts } from "@/lib/contacts/list-contacts";
import { AppError } from "@/lib/http/errors";

export const metadata: Metadata = { title: "Contact list" };

const UUID = /^[0-9a-f-]{36}$/i;

export default async function ContactListPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const list = await getContactList(user.accountId, id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  const validating = list.status === "validating" || list.status === "uploading";
  const invalid = validating ? { data: [] } : await listContacts(user.accountId, id, { status: "invalid", limit: 200 });
  return (
    <>
      <PageHeader
        title={list.name}
        description={`Uploaded ${list.createdAt.toLocaleString("en-GB")}${list.phoneColumn ? ` · phone column “${list.phoneColumn}”` : ""}${list.fields.length ? ` · fields ${list.fields.map((field) => `{{${field}}}`).join(", ")}` : ""}`}
        actions={list.status === "ready" && list.validCount > 0 ? <ButtonLink href={`/campaigns/new?list=${list.id}`} variant="primary">Send a campaign</ButtonLink> : null}
      />
      <AutoRefresh active={validating} />
      <div className="mb-6 grid gap-4 sm:grid-cols-4">
        <StatCard label="Status" value={<StatusBadge status={list.status} />} />
        <StatCard label="Valid" value={<span data-testid="valid-count">{list.validCount.toLocaleString()}</span>} />
        <StatCard label="Invalid" value={<span data-testid="invalid-count">{list.invalidCount.toLocaleString()}</span>} />
        <StatCard label="Duplicates" value={list.duplicateCount.toLocaleString()} hint="Repeats of a number earlier in the list; sent once." />
      </div>
      {validating ? (
        <Card className="mb-6">
          <CardBody>
            <ProgressBar value={list.progress} label={`Validating ${list.totalCount.toLocaleString()} numbers`} />
          </CardBody>
        </Card>
      ) : null}
      {!validating ? (
        <Card>
          <CardHeader
            title="Invalid numbers"
            description="Fix a number to re-check it at once, or remove the invalid ones and send to the valid numbers only."
            actions={
              list.invalidCount > 0 ? (
                <div className="flex flex-wrap gap-2">
                  <ButtonLink href={`/contacts/${list.id}/export?status=invalid`} size="sm" prefetch={false}>
                    Export CSV
                  </ButtonLink>
                  <ActionForm action={revalidateListAction} fields={{ listId: list.id }}>
                    <Button type="submit" size="sm" variant="secondary">Re-validate</Button>
                  </ActionForm>
                  <ActionForm action={removeInvalidAction} fields={{ listId: list.id }}>
                    <Button type="submit" size="sm" variant="danger">Remove invalid</Button>
                  </ActionForm>
                </div>
              ) : null
            }
          />
          {invalid.data.length === 0 ? (
            <EmptyState title="No invalid numbers" description="Every number in this list can be messaged." />
          ) : (
            <Table>
              <THead>
                <TR>
                  <TH>Row</TH>
                  <TH>Number</TH>
                  <TH>Problem</TH>
                  <TH>Fix</TH>
                </TR>
              </THead>
              <TBody>
                {invalid.data.map((contact) => (
                  <TR key={contact.id}>
                    <TD>{contact.rowNumber}</TD>
                    <TD className="font-mono">{contact.rawPhone || "(empty)"}</TD>
                    <TD>{contact.reasonMessage ?? contact.reason}</TD>
                    <TD>
                      <FixContactForm listId={list.id} contactId={contact.id} rawPhone={contact.rawPhone} action={fixContactAction} />
                    </TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          )}
        </Card>
      ) : null}
      <ActionForm action={deleteListAction} fields={{ listId: list.id }} className="mt-6">
        <Button type="submit" variant="ghost" size="sm">Delete this list</Button>
      </ActionForm>
    </>
  );
}
