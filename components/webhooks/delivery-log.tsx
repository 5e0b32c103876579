"use client";

import Link from "next/link";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/alert";
import { StatusBadge } from "@/components/ui/badge";
import { Select } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import { Table, TableCaption, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { idleFormState, type FormAction } from "@/lib/form-state";

export interface DeliveryListItem {
  id: string;
  eventType: string;
  messageId: string | null;
  target: string;
  status: string;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  created: string;
  nextAttempt: string | null;
}

function ReplayButton({ id, action }: { id: string; action: FormAction }) {
  const [state, replay] = useActionState(action, idleFormState);
  return (
    <form action={replay} className="flex flex-col items-end gap-1">
      <input type="hidden" name="id" value={id} />
      <SubmitButton size="sm" variant="secondary" pendingLabel="Replaying…">
        Replay
      </SubmitButton>
      {state.status === "error" ? <span className="text-xs text-red-700">{state.message}</span> : null}
      {state.status === "success" ? <span className="text-xs text-green-700">Replayed</span> : null}
    </form>
  );
}

export function ReplayFailedForm({ endpointId, action }: { endpointId?: string; action: FormAction }) {
  const [state, replay] = useActionState(action, idleFormState);
  return (
    <form action={replay} className="flex flex-wrap items-center gap-2">
      {endpointId ? <input type="hidden" name="endpointId" value={endpointId} /> : null}
      <label htmlFor="replay-hours" className="text-sm text-slate-700">
        Replay every failed delivery from the last
      </label>
      <Select
        id="replay-hours"
        name="hours"
        defaultValue="24"
        className="w-36"
        options={[
          { value: "1", label: "hour" },
          { value: "24", label: "24 hours" },
          { value: "168", label: "7 days" },
          { value: "720", label: "30 days" },
        ]}
      />
      <SubmitButton size="sm" variant="secondary" pendingLabel="Replaying…">
        Replay failed
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

export function DeliveryLog({ deliveries, replayAction }: { deliveries: DeliveryListItem[]; replayAction: FormAction }) {
  return (
    <Table>
      <TableCaption>Webhook deliveries, newest first</TableCaption>
      <THead>
        <TR>
          <TH>Created</TH>
          <TH>Event</TH>
          <TH>Target</TH>
          <TH>Status</TH>
          <TH>Attempts</TH>
          <TH>Last response</TH>
          <TH>
            <span className="sr-only">Actions</span>
          </TH>
        </TR>
      </THead>
      <TBody>
        {deliveries.map((delivery) => (
          <TR key={delivery.id} data-testid="webhook-delivery">
            <TD className="whitespace-nowrap">
              <Link href={`/webhooks/deliveries/${delivery.id}`} className="text-brand-700 hover:underline">
                {delivery.created}
              </Link>
            </TD>
            <TD>
              <code className="font-mono text-xs">{delivery.eventType}</code>
              {delivery.messageId ? (
                <Link href={`/messages/${delivery.messageId}`} className="block text-xs text-slate-500 hover:underline">
                  message {delivery.messageId.slice(0, 8)}…
                </Link>
              ) : null}
            </TD>
            <TD className="max-w-xs break-all text-xs">{delivery.target}</TD>
            <TD>
              <StatusBadge status={delivery.status} />
              {delivery.nextAttempt ? <span className="block text-xs text-slate-500">next {delivery.nextAttempt}</span> : null}
            </TD>
            <TD>{delivery.attempts}</TD>
            <TD className="max-w-xs text-xs">
              {delivery.lastStatusCode ? <span className="font-mono">HTTP {delivery.lastStatusCode}</span> : null}
              {delivery.lastError ? <span className="block break-words text-red-700">{delivery.lastError}</span> : null}
            </TD>
            <TD>{delivery.status === "pending" ? null : <ReplayButton id={delivery.id} action={replayAction} />}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
