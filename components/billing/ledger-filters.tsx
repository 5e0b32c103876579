import Link from "next/link";
import { Button, buttonClasses } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { LEDGER_TYPE_LABELS } from "@/components/billing/ledger-type-badge";
import { LEDGER_TYPES } from "@/lib/credits/list-ledger";

export interface LedgerFilterValues {
  type?: string;
  since?: string;
  until?: string;
}

const TYPE_OPTIONS = [{ value: "", label: "All movements" }, ...LEDGER_TYPES.map((type) => ({ value: type, label: LEDGER_TYPE_LABELS[type] }))];

/** Type and date filters of the ledger (GET), with a CSV export of the same entries. */
export function LedgerFilters({ values, exportHref }: { values: LedgerFilterValues; exportHref: string }) {
  return (
    <form method="get" aria-label="Filter the ledger" className="flex flex-wrap items-end gap-3 border-b border-slate-200 px-4 py-3 sm:px-6">
      <Field id="ledger-type" label="Type">
        <Select name="type" defaultValue={values.type ?? ""} options={TYPE_OPTIONS} />
      </Field>
      <Field id="ledger-since" label="From">
        <Input type="date" name="since" defaultValue={values.since ?? ""} />
      </Field>
      <Field id="ledger-until" label="To">
        <Input type="date" name="until" defaultValue={values.until ?? ""} />
      </Field>
      <Button type="submit" variant="secondary">
        Filter
      </Button>
      <a href={exportHref} download className={buttonClasses("secondary")}>
        Export CSV
      </a>
      {values.type || values.since || values.until ? (
        <Link href="/billing" className="text-sm text-slate-600 underline">
          Clear
        </Link>
      ) : null}
    </form>
  );
}

/** Picks a month and downloads its statement (a GET to the statement route). */
export function StatementForm({ defaultMonth }: { defaultMonth: string }) {
  return (
    <form method="get" action="/billing/statement" className="flex flex-wrap items-end gap-3">
      <Field id="statement-month" label="Month">
        <Input type="month" name="month" defaultValue={defaultMonth} required />
      </Field>
      <Button type="submit" variant="secondary">
        Download statement (CSV)
      </Button>
    </form>
  );
}
