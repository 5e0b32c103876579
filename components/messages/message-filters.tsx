import Link from "next/link";
import { Button, buttonClasses } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { MESSAGE_STATUS_LABELS } from "@/lib/messages/status";

export interface MessageFilterValues {
  q?: string;
  status?: string;
  campaignId?: string;
  from?: string;
  class?: string;
  network?: string;
  since?: string;
  until?: string;
}

export interface MessageFilterOptions {
  senders: string[];
  campaigns: { id: string; name: string }[];
  networks: string[];
}

const STATUS_OPTIONS = [{ value: "", label: "Any status" }, ...Object.entries(MESSAGE_STATUS_LABELS).map(([value, { label }]) => ({ value, label }))];
const CLASS_OPTIONS = [
  { value: "", label: "Any class" },
  { value: "transactional", label: "Transactional" },
  { value: "promotional", label: "Promotional" },
];

/** The messages page's filter form (GET, so the URL is the filter) with a CSV export of the same set. */
export function MessageFilters({ values, options, exportHref }: { values: MessageFilterValues; options: MessageFilterOptions; exportHref: string }) {
  const filtered = Object.values(values).some(Boolean);
  return (
    <form method="get" role="search" aria-label="Filter messages" className="grid grid-cols-1 gap-3 border-b border-slate-200 px-4 py-3 sm:grid-cols-2 sm:px-6 lg:grid-cols-4">
      <Field id="filter-q" label="Search" className="sm:col-span-2">
        <Input name="q" type="search" defaultValue={values.q ?? ""} placeholder="Text or number, e.g. 0712 345 678" />
      </Field>
      <Field id="filter-status" label="Status">
        <Select name="status" defaultValue={values.status ?? ""} options={STATUS_OPTIONS} />
      </Field>
      <Field id="filter-network" label="Network">
        <Select name="network" defaultValue={values.network ?? ""} options={[{ value: "", label: "Any network" }, ...options.networks.map((network) => ({ value: network, label: network }))]} />
      </Field>
      <Field id="filter-campaign" label="Campaign">
        <Select
          name="campaignId"
          defaultValue={values.campaignId ?? ""}
          options={[{ value: "", label: "Any campaign" }, ...options.campaigns.map((campaign) => ({ value: campaign.id, label: campaign.name }))]}
        />
      </Field>
      <Field id="filter-from" label="Sender">
        <Select name="from" defaultValue={values.from ?? ""} options={[{ value: "", label: "Any sender" }, ...options.senders.map((sender) => ({ value: sender, label: sender }))]} />
      </Field>
      <Field id="filter-class" label="Class">
        <Select name="class" defaultValue={values.class ?? ""} options={CLASS_OPTIONS} />
      </Field>
      <div className="grid grid-cols-2 gap-3">
        <Field id="filter-since" label="From">
          <Input type="date" name="since" defaultValue={values.since ?? ""} />
        </Field>
        <Field id="filter-until" label="To">
          <Input type="date" name="until" defaultValue={values.until ?? ""} />
        </Field>
      </div>
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2 lg:col-span-4">
        <Button type="submit" variant="secondary">
          Filter
        </Button>
        <a href={exportHref} download className={buttonClasses("secondary")}>
          Export CSV
        </a>
        {filtered ? (
          <Link href="/messages" className="text-sm text-slate-600 underline">
            Clear
          </Link>
        ) : null}
      </div>
    </form>
  );
}
