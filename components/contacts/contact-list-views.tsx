import Link from "next/link";
import { FixContactForm } from "@/components/contacts/fix-contact-form";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { ContactView } from "@/lib/contacts/contact-sql";
import type { NetworkShare } from "@/lib/contacts/count-networks";
import type { DuplicateContact } from "@/lib/contacts/list-duplicates";
import type { FormAction } from "@/lib/form-state";

/** The views of a contact list's page: invalid (to fix), valid (by network) and duplicates. */
export type ContactListView = "invalid" | "valid" | "duplicates";

const VIEW_LABELS: Record<ContactListView, string> = { invalid: "Invalid", valid: "Valid", duplicates: "Duplicates" };

export function ContactListTabs({ listId, view, counts }: { listId: string; view: ContactListView; counts: Record<ContactListView, number> }) {
  return (
    <nav role="tablist" aria-label="Contacts by status" className="flex flex-wrap gap-1 border-b border-slate-200 px-4">
      {(Object.keys(VIEW_LABELS) as ContactListView[]).map((candidate) => (
        <Link
          key={candidate}
          role="tab"
          aria-selected={candidate === view}
          href={`/contacts/${listId}?view=${candidate}`}
          className={candidate === view ? "-mb-px border-b-2 border-brand-600 px-3 py-2 text-sm font-semibold text-slate-900" : "px-3 py-2 text-sm text-slate-600 hover:text-slate-900"}
        >
          {VIEW_LABELS[candidate]} <span className="text-slate-500">{counts[candidate].toLocaleString()}</span>
        </Link>
      ))}
    </nav>
  );
}

export function PageLinks({ base, cursor, nextCursor }: { base: string; cursor?: number; nextCursor: string | null }) {
  if (cursor === undefined && !nextCursor) return null;
  return (
    <div className="flex gap-4 p-4 text-sm">
      {cursor !== undefined ? <Link href={base} className="hover:underline">← First page</Link> : null}
      {nextCursor ? <Link href={`${base}&cursor=${nextCursor}`} className="hover:underline">Next page</Link> : null}
    </div>
  );
}

export function InvalidTable({ listId, contacts, fixAction }: { listId: string; contacts: (ContactView & { problem: string })[]; fixAction: FormAction }) {
  if (contacts.length === 0) return <EmptyState title="No invalid numbers" description="Every number in this list can be messaged." />;
  return (
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
        {contacts.map((contact) => (
          <TR key={contact.id}>
            <TD>{contact.rowNumber}</TD>
            <TD className="font-mono">{contact.rawPhone || "(empty)"}</TD>
            <TD>{contact.problem}</TD>
            <TD>
              <FixContactForm listId={listId} contactId={contact.id} rawPhone={contact.rawPhone} action={fixAction} />
            </TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}

export function NetworkSplit({ networks }: { networks: NetworkShare[] }) {
  const total = networks.reduce((sum, network) => sum + network.count, 0);
  if (total === 0) return null;
  return (
    <div className="space-y-2 p-4" data-testid="network-split">
      <p className="text-sm font-medium text-slate-700">By network</p>
      <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-4">
        {networks.map((network) => {
          const percent = Math.round((network.count / total) * 1000) / 10;
          return (
            <li key={`${network.country}-${network.operator}`} className="rounded-md border border-slate-200 p-3 text-sm">
              <p className="font-semibold text-slate-900">{network.operator} <span className="font-normal text-slate-500">{network.country}</span></p>
              <p className="text-slate-700">{network.count.toLocaleString()} · {percent}%</p>
              <div className="mt-1 h-1.5 rounded bg-slate-100" aria-hidden="true">
                <div className="h-1.5 rounded bg-brand-600" style={{ width: `${percent}%` }} />
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

export function ValidTable({ contacts }: { contacts: ContactView[] }) {
  if (contacts.length === 0) return <EmptyState title="No valid numbers" description="Fix the invalid numbers or upload another list." />;
  return (
    <Table>
      <THead>
        <TR>
          <TH>Row</TH>
          <TH>As uploaded</TH>
          <TH>Number</TH>
          <TH>Network</TH>
        </TR>
      </THead>
      <TBody>
        {contacts.map((contact) => (
          <TR key={contact.id}>
            <TD>{contact.rowNumber}</TD>
            <TD className="font-mono">{contact.rawPhone}</TD>
            <TD className="font-mono">{contact.phone}</TD>
            <TD>{contact.operator} ({contact.country})</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}

export function DuplicatesTable({ contacts }: { contacts: DuplicateContact[] }) {
  if (contacts.length === 0) return <EmptyState title="No duplicates" description="Every valid number appears once in this list." />;
  return (
    <Table>
      <THead>
        <TR>
          <TH>Row</TH>
          <TH>As uploaded</TH>
          <TH>Number</TH>
          <TH>Repeats row</TH>
        </TR>
      </THead>
      <TBody>
        {contacts.map((contact) => (
          <TR key={contact.id}>
            <TD>{contact.rowNumber}</TD>
            <TD className="font-mono">{contact.rawPhone}</TD>
            <TD className="font-mono">{contact.phone}</TD>
            <TD>{contact.firstRowNumber}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
