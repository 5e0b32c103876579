"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleFormState, type FormAction } from "@/lib/form-state";

export interface RouteItem {
  country: string;
  mno: string | null;
  strategy: string;
  providers: string[];
  updated: string;
}

const STRATEGIES = [
  { value: "priority", label: "Priority (in order)" },
  { value: "score", label: "Score (health and cost)" },
];

/**
 * Edits one route (or, without `route`, adds one): a select per position lists the providers in
 * order; an empty position is left out, so a provider is removed by emptying its position.
 */
export function RouteEditor({ route, providerNames, action }: { route?: RouteItem; providerNames: string[]; action: FormAction }) {
  const [state, formAction] = useActionState(action, idleFormState);
  const options = [{ value: "", label: "—" }, ...providerNames.map((name) => ({ value: name, label: name }))];
  const slots = Math.min(10, Math.max(providerNames.length, (route?.providers.length ?? 0) + 1));
  const label = route ? `${route.country}${route.mno ? ` / ${route.mno}` : ""}` : "new route";
  return (
    <form action={formAction} className="space-y-3" aria-label={`Route ${label}`} data-testid={route ? `route-${route.country}${route.mno ? `-${route.mno}` : ""}` : "route-new"}>
      {route ? (
        <>
          <input type="hidden" name="country" value={route.country} />
          <input type="hidden" name="mno" value={route.mno ?? ""} />
        </>
      ) : (
        <div className="flex flex-wrap gap-3">
          <Field id="route-country" label="Country" hint="Two letters, e.g. KE">
            <Input name="country" maxLength={2} className="w-24" required />
          </Field>
          <Field id="route-mno" label="MNO" hint="Empty for every network">
            <Input name="mno" maxLength={40} className="w-40" />
          </Field>
        </div>
      )}
      <div className="flex flex-wrap items-end gap-2">
        {Array.from({ length: slots }, (_, position) => (
          <label key={position} className="text-xs text-slate-600">
            {position + 1}.
            <Select
              name={`provider${position}`}
              defaultValue={route?.providers[position] ?? ""}
              options={options}
              aria-label={`Provider ${position + 1} of ${label}`}
              className="ml-1 w-40"
            />
          </label>
        ))}
        <Select name="strategy" defaultValue={route?.strategy ?? "priority"} options={STRATEGIES} aria-label={`Strategy of ${label}`} className="w-56" />
        <SubmitButton size="sm" pendingLabel="Saving…">
          {route ? "Save route" : "Add route"}
        </SubmitButton>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
