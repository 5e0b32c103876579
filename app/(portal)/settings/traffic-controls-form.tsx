"use client";

import { useActionState } from "react";
import { updateTrafficControlsAction } from "./actions";
import { FormMessage } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleFormState } from "@/lib/form-state";

export interface TrafficControlsValues {
  /** KES, as typed (e.g. "500.00"); empty = no limit. */
  dailySpendLimit: string;
  /** HH:MM, both empty for no quiet hours. */
  quietHoursStart: string;
  quietHoursEnd: string;
  /** KES, as typed; empty = no alert. */
  lowBalanceThreshold: string;
}

/** Settings: the account's daily spend limit and quiet hours. */
export function TrafficControlsForm({ current, spentToday }: { current: TrafficControlsValues; spentToday: string }) {
  const [state, formAction] = useActionState(updateTrafficControlsAction, idleFormState);
  const shown = { ...current, ...state.values };
  return (
    <form action={formAction} className="max-w-lg space-y-4" aria-label="Traffic controls" noValidate>
      <FormMessage state={state} />
      <Field
        id="settings-daily-spend-limit"
        label="Daily spend limit (KES)"
        hint={`Sends and campaigns that would take today's spend past this are refused. Leave empty for no limit. Spent today: ${spentToday}.`}
        errors={state.fieldErrors?.dailySpendLimit}
      >
        <Input name="dailySpendLimit" inputMode="decimal" placeholder="No limit" defaultValue={shown.dailySpendLimit} key={`limit-${shown.dailySpendLimit}`} />
      </Field>
      <Field
        id="settings-low-balance"
        label="Low-balance alert (KES)"
        hint="A notification and an account.low_balance webhook event when the balance falls below this. Empty for none."
        errors={state.fieldErrors?.lowBalanceThreshold}
      >
        <Input name="lowBalanceThreshold" inputMode="decimal" placeholder="No alert" defaultValue={shown.lowBalanceThreshold} key={`low-${shown.lowBalanceThreshold}`} />
      </Field>
      <fieldset className="grid grid-cols-2 gap-4">
        <legend className="mb-1 text-sm font-medium text-slate-900">Quiet hours for promotional messages</legend>
        <Field id="settings-quiet-start" label="From (HH:MM)" hint="e.g. 21:00; empty for none" errors={state.fieldErrors?.quietHoursStart}>
          <Input name="quietHoursStart" placeholder="21:00" defaultValue={shown.quietHoursStart} key={`qs-${shown.quietHoursStart}`} />
        </Field>
        <Field id="settings-quiet-end" label="Until (HH:MM)" hint="e.g. 08:00" errors={state.fieldErrors?.quietHoursEnd}>
          <Input name="quietHoursEnd" placeholder="08:00" defaultValue={shown.quietHoursEnd} key={`qe-${shown.quietHoursEnd}`} />
        </Field>
      </fieldset>
      <SubmitButton pendingLabel="Saving…">Save traffic controls</SubmitButton>
    </form>
  );
}
