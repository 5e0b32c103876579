import { ACCOUNT_EVENT_TYPES, INBOUND_EVENT_TYPES, MESSAGE_EVENT_TYPES } from "@/lib/webhooks/event-types";

const GROUPS = [
  { title: "Messages", wildcard: "message.*", types: [...MESSAGE_EVENT_TYPES, ...INBOUND_EVENT_TYPES] },
  { title: "Campaigns and contact lists", wildcard: null, types: ["campaign.*", "contact_list.*", ...ACCOUNT_EVENT_TYPES] },
] as const;

/** Event subscription checkboxes (name="events"); "message.*" covers every message event, inbound ones included. */
export function EventCheckboxes({ selected, idPrefix }: { selected: readonly string[]; idPrefix: string }) {
  return (
    <fieldset className="grid gap-4 sm:grid-cols-2">
      <legend className="sr-only">Events</legend>
      {GROUPS.map((group) => (
        <div key={group.title}>
          <p className="text-sm font-medium text-slate-800">{group.title}</p>
          <div className="mt-2 space-y-1">
            {[...(group.wildcard ? [group.wildcard] : []), ...group.types].map((type) => (
              <label key={type} htmlFor={`${idPrefix}-${type}`} className="flex items-center gap-2 text-sm text-slate-700">
                <input id={`${idPrefix}-${type}`} type="checkbox" name="events" value={type} defaultChecked={selected.includes(type)} className="h-4 w-4 rounded border-slate-300" />
                <code className="font-mono text-xs">{type}</code>
                {type.endsWith(".*") ? <span className="text-xs text-slate-500">(all)</span> : null}
              </label>
            ))}
          </div>
        </div>
      ))}
    </fieldset>
  );
}
