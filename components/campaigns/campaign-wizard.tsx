"use client";

import { useActionState, useEffect, useMemo, useState } from "react";
import { formatMoney } from "@/components/campaigns/format";
import { Alert, FormMessage } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import { Textarea } from "@/components/ui/textarea";
import { countSegments } from "@/lib/content/encoding";
import type { CampaignEstimateView } from "@/lib/campaigns/estimate-campaign-cost";
import { renderTemplate } from "@/lib/campaigns/personalise";
import { idleFormState, type FormAction, type FormState } from "@/lib/form-state";

export interface WizardList {
  id: string;
  name: string;
  validCount: number;
  fields: string[];
}

export interface Sample {
  phone: string;
  fields: Record<string, string>;
}

/** The wizard's server actions, handed down by the page. */
export interface CampaignWizardActions {
  estimate: FormAction<CampaignEstimateView>;
  create: FormAction<CampaignEstimateView>;
  sampleContacts: (listId: string) => Promise<FormState<Sample[]>>;
}

/**
 * Campaign wizard: ready list, sender ID, message with `{{field}}` personalisation previewed on
 * real rows, now or a time in the account's timezone, then the cost estimate before confirming.
 */
export function CampaignWizard({ lists, senderIds, timezone, initialListId, defaultSendAt, actions }: { lists: WizardList[]; senderIds: string[]; timezone: string; initialListId?: string; defaultSendAt: string; actions: CampaignWizardActions }) {
  const [listId, setListId] = useState(initialListId ?? lists[0]?.id ?? "");
  // Controlled fields: React resets uncontrolled inputs after each action (the estimate step).
  const [name, setName] = useState("");
  const [from, setFrom] = useState(senderIds[0] ?? "");
  const [sendAtLocal, setSendAtLocal] = useState(defaultSendAt);
  const [body, setBody] = useState("");
  const [when, setWhen] = useState<"now" | "later">("now");
  const [maxMessages, setMaxMessages] = useState("");
  const [sendRate, setSendRate] = useState("");
  const [messageClass, setMessageClass] = useState("promotional");
  const [samples, setSamples] = useState<Sample[]>([]);
  const [estimateState, estimateAction] = useActionState<FormState<CampaignEstimateView>, FormData>(actions.estimate, idleFormState);
  const [createState, createAction] = useActionState<FormState<CampaignEstimateView>, FormData>(actions.create, idleFormState);
  const { sampleContacts } = actions;
  const list = lists.find((candidate) => candidate.id === listId);
  const reviewed = estimateState.status === "success" && estimateState.values?.body === body && estimateState.values?.contactListId === listId && (estimateState.values?.maxMessages ?? "") === maxMessages;

  useEffect(() => {
    if (!listId) return;
    let current = true;
    void sampleContacts(listId).then((result) => current && setSamples(result.data ?? []));
    return () => {
      current = false;
    };
  }, [listId, sampleContacts]);

  const previews = useMemo(
    () => (samples.length > 0 ? samples : [{ phone: "", fields: {} }]).map((sample) => {
      const text = renderTemplate(body, sample.fields);
      return { phone: sample.phone, text, ...countSegments(text) };
    }),
    [samples, body],
  );

  if (lists.length === 0 || senderIds.length === 0) {
    return (
      <Alert tone="warning" title="Not ready to send a campaign">
        {lists.length === 0 ? "Upload a contact list and wait for it to be validated. " : null}
        {senderIds.length === 0 ? "Request a sender ID and wait for its approval." : null}
      </Alert>
    );
  }

  return (
    <form action={reviewed ? createAction : estimateAction} className="space-y-5">
      <FormMessage state={createState.status === "error" ? createState : estimateState.status === "error" ? estimateState : idleFormState} />
      <Field id="campaign-name" label="Campaign name" errors={createState.fieldErrors?.name}>
        <Input name="name" required maxLength={120} value={name} onChange={(event) => setName(event.target.value)} />
      </Field>
      <Field id="campaign-list" label="Contact list" errors={createState.fieldErrors?.contactListId}>
        <Select
          name="contactListId"
          value={listId}
          onChange={(event) => setListId(event.target.value)}
          options={lists.map((candidate) => ({ value: candidate.id, label: `${candidate.name} (${candidate.validCount.toLocaleString()} valid)` }))}
        />
      </Field>
      <Field id="campaign-from" label="Sender ID" errors={createState.fieldErrors?.from}>
        <Select name="from" value={from} onChange={(event) => setFrom(event.target.value)} options={senderIds.map((value) => ({ value, label: value }))} />
      </Field>
      <Field
        id="campaign-body"
        label="Message"
        hint={list && list.fields.length > 0 ? `Personalise with ${list.fields.map((field) => `{{${field}}}`).join(", ")}` : "This list has no extra columns to personalise with."}
        errors={createState.fieldErrors?.body}
      >
        <Textarea name="body" rows={5} required value={body} onChange={(event) => setBody(event.target.value)} />
      </Field>
      <div className="rounded-lg border border-slate-200 bg-slate-50 p-3" aria-live="polite">
        <p className="mb-2 text-sm font-medium text-slate-700">Preview</p>
        <ul className="space-y-2">
          {previews.map((preview, index) => (
            <li key={index} className="text-sm" data-testid="campaign-preview">
              {preview.phone ? <span className="mr-2 font-mono text-slate-500">{preview.phone}</span> : null}
              <span className="whitespace-pre-wrap text-slate-900">{preview.text || "…"}</span>
              <span className="ml-2 text-xs text-slate-500">
                {preview.segments} segment{preview.segments === 1 ? "" : "s"} · {preview.encoding === "ucs2" ? "Unicode" : "GSM-7"}
              </span>
            </li>
          ))}
        </ul>
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700">When</legend>
        {/* React resets the form after the estimate action, which unchecks controlled radios in the
            DOM; the choice is submitted from state through this hidden field instead. */}
        <input type="hidden" name="when" value={when} />
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name="when-choice" value="now" checked={when === "now"} onChange={() => setWhen("now")} /> Send now
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name="when-choice" value="later" checked={when === "later"} onChange={() => setWhen("later")} /> Schedule
        </label>
        {when === "later" ? (
          <Field id="campaign-send-at" label={`Send at (${timezone})`} errors={createState.fieldErrors?.sendAtLocal ?? createState.fieldErrors?.sendAt}>
            <Input type="datetime-local" name="sendAtLocal" value={sendAtLocal} onChange={(event) => setSendAtLocal(event.target.value)} required />
          </Field>
        ) : null}
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="mb-2 text-sm font-medium text-slate-900">Traffic</legend>
        <Field id="campaign-class" label="Class" hint="Promotional campaigns pause during quiet hours." errors={createState.fieldErrors?.class}>
          <Select name="class" value={messageClass} onChange={(event) => setMessageClass(event.target.value)} options={[{ value: "promotional", label: "Promotional" }, { value: "transactional", label: "Transactional" }]} />
        </Field>
        <Field id="campaign-max-messages" label="Recipient cap" hint="At most this many, in list order. Empty: every eligible contact." errors={estimateState.fieldErrors?.maxMessages ?? createState.fieldErrors?.maxMessages}>
          <Input name="maxMessages" inputMode="numeric" value={maxMessages} onChange={(event) => setMaxMessages(event.target.value)} />
        </Field>
        <Field id="campaign-rate" label="Sends per minute" hint="Spreads the campaign. Empty: as fast as possible." errors={createState.fieldErrors?.sendRatePerMinute}>
          <Input name="sendRatePerMinute" inputMode="numeric" value={sendRate} onChange={(event) => setSendRate(event.target.value)} />
        </Field>
      </fieldset>
      {reviewed && estimateState.data ? (
        <Alert tone="info" title="Cost estimate">
          <span data-testid="campaign-estimate">
            {estimateState.data.recipients.toLocaleString()} recipients × {estimateState.data.segments} segment{estimateState.data.segments === 1 ? "" : "s"} ≈{" "}
            <strong>{formatMoney(estimateState.data.cost)}</strong>, reserved from your balance now; unused credit is returned.
            {estimateState.data.optedOut > 0 ? ` ${estimateState.data.optedOut.toLocaleString()} opted-out number${estimateState.data.optedOut === 1 ? " is" : "s are"} skipped.` : null}
          </span>
        </Alert>
      ) : null}
      <SubmitButton pendingLabel={reviewed ? "Creating…" : "Estimating…"}>{reviewed ? "Confirm and create campaign" : "Review cost"}</SubmitButton>
    </form>
  );
}
