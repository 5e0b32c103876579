"use client";

import { useActionState, useState } from "react";
import { EventCheckboxes } from "@/components/webhooks/event-checkboxes";
import { IssuedSecretCallout } from "@/components/webhooks/issued-secret-callout";
import { FormMessage } from "@/components/ui/alert";
import { StatusBadge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleFormState, type FormAction } from "@/lib/form-state";
import type { IssuedSecret } from "@/lib/webhooks/issued-secret";

export interface EndpointListItem {
  id: string;
  url: string;
  description: string | null;
  events: string[];
  batch: boolean;
  status: "active" | "disabled";
  disabledReason: string | null;
  created: string;
  rotationEnds: string | null;
}

/** The server actions an endpoint row offers, handed down by the page. */
export interface EndpointActions {
  updateEvents: FormAction;
  sendTest: FormAction;
  setStatus: FormAction;
  rotateSecret: FormAction<IssuedSecret>;
  remove: FormAction;
}

function EditEvents({ endpoint, action, onDone }: { endpoint: EndpointListItem; action: FormAction; onDone: () => void }) {
  const [state, formAction] = useActionState(action, idleFormState);
  return (
    <form action={formAction} className="mt-3 space-y-3 rounded-md border border-slate-200 p-4" aria-label={`Events for ${endpoint.url}`}>
      <input type="hidden" name="id" value={endpoint.id} />
      <FormMessage state={state} />
      <EventCheckboxes idPrefix={`edit-${endpoint.id}`} selected={endpoint.events} />
      <label htmlFor={`batch-${endpoint.id}`} className="flex items-center gap-2 text-sm text-slate-700">
        <input id={`batch-${endpoint.id}`} type="checkbox" name="batch" defaultChecked={endpoint.batch} className="h-4 w-4 rounded border-slate-300" />
        Batch delivery
      </label>
      <div className="flex gap-2">
        <SubmitButton size="sm" pendingLabel="Saving…">
          Save events
        </SubmitButton>
        <Button size="sm" variant="ghost" onClick={onDone}>
          Close
        </Button>
      </div>
    </form>
  );
}

function EndpointRow({ endpoint, actions }: { endpoint: EndpointListItem; actions: EndpointActions }) {
  const [editing, setEditing] = useState(false);
  const [test, sendTest] = useActionState(actions.sendTest, idleFormState);
  const [status, setStatus] = useActionState(actions.setStatus, idleFormState);
  const [rotation, rotate] = useActionState(actions.rotateSecret, idleFormState);
  const [removal, remove] = useActionState(actions.remove, idleFormState);
  return (
    <li className="px-4 py-4 sm:px-6" data-testid="webhook-endpoint">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="break-all font-mono text-sm text-slate-900">{endpoint.url}</p>
          {endpoint.description ? <p className="text-sm text-slate-600">{endpoint.description}</p> : null}
          <p className="mt-1 text-xs text-slate-500">
            {endpoint.events.join(", ")} · {endpoint.batch ? "batched" : "one event per request"} · added {endpoint.created}
            {endpoint.rotationEnds ? ` · previous secret signs until ${endpoint.rotationEnds}` : ""}
          </p>
          {endpoint.disabledReason && endpoint.status === "disabled" ? <p className="text-xs text-red-700">{endpoint.disabledReason}</p> : null}
        </div>
        <StatusBadge status={endpoint.status} />
      </div>
      <div className="mt-3 flex flex-wrap gap-2">
        <form action={sendTest}>
          <input type="hidden" name="id" value={endpoint.id} />
          <SubmitButton size="sm" variant="secondary" pendingLabel="Sending…" disabled={endpoint.status !== "active"}>
            Send test event
          </SubmitButton>
        </form>
        <Button size="sm" variant="secondary" onClick={() => setEditing((open) => !open)} aria-expanded={editing}>
          Edit events
        </Button>
        <ConfirmAction action={rotate} fields={{ id: endpoint.id }} label="Rotate secret" confirmLabel="Rotate" variant="primary" question="Issue a new secret? The old one keeps signing for 24 hours." />
        <form action={setStatus}>
          <input type="hidden" name="id" value={endpoint.id} />
          <input type="hidden" name="status" value={endpoint.status === "active" ? "disabled" : "active"} />
          <SubmitButton size="sm" variant="secondary" pendingLabel="Saving…">
            {endpoint.status === "active" ? "Disable" : "Enable"}
          </SubmitButton>
        </form>
        <ConfirmAction action={remove} fields={{ id: endpoint.id }} label="Delete" confirmLabel="Delete endpoint" question="Delete this endpoint and its delivery log?" />
      </div>
      <div className="mt-3 space-y-2 empty:hidden">
        <FormMessage state={test} />
        <FormMessage state={status} />
        <FormMessage state={removal} />
        {rotation.status === "success" && rotation.data ? <IssuedSecretCallout issued={rotation.data} /> : <FormMessage state={rotation} />}
      </div>
      {editing ? <EditEvents endpoint={endpoint} action={actions.updateEvents} onDone={() => setEditing(false)} /> : null}
    </li>
  );
}

export function EndpointsList({ endpoints, actions }: { endpoints: EndpointListItem[]; actions: EndpointActions }) {
  return (
    <ul className="divide-y divide-slate-200" aria-label="Webhook endpoints">
      {endpoints.map((endpoint) => (
        <EndpointRow key={endpoint.id} endpoint={endpoint} actions={actions} />
      ))}
    </ul>
  );
}
