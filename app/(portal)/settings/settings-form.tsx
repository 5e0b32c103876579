"use client";

import { useActionState } from "react";
import { updateSettingsAction } from "./actions";
import { FormMessage } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select, type SelectOption } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleFormState } from "@/lib/form-state";

export interface SettingsValues {
  name: string;
  defaultCountry: string;
  timezone: string;
}

export function SettingsForm({ current, countries, timezones }: { current: SettingsValues; countries: SelectOption[]; timezones: SelectOption[] }) {
  const [state, formAction] = useActionState(updateSettingsAction, idleFormState);
  const shown = { ...current, ...state.values };
  return (
    <form action={formAction} className="max-w-lg space-y-4" noValidate>
      <FormMessage state={state} />
      <Field id="settings-name" label="Account name" errors={state.fieldErrors?.name}>
        <Input name="name" required maxLength={100} defaultValue={shown.name} key={`name-${shown.name}`} />
      </Field>
      <Field
        id="settings-country"
        label="Default country"
        hint="Numbers written without a country code (e.g. 0712 345678) are read as this country's."
        errors={state.fieldErrors?.defaultCountry}
      >
        <Select name="defaultCountry" options={countries} defaultValue={shown.defaultCountry} key={`country-${shown.defaultCountry}`} />
      </Field>
      <Field id="settings-timezone" label="Time zone" hint="Dates in the portal and scheduled sends use this zone." errors={state.fieldErrors?.timezone}>
        <Select name="timezone" options={timezones} defaultValue={shown.timezone} key={`timezone-${shown.timezone}`} />
      </Field>
      <SubmitButton pendingLabel="Saving…">Save settings</SubmitButton>
    </form>
  );
}
