"use client";

import { startTransition, useActionState, useEffect, useMemo, useState, type FormEvent } from "react";
import { CampaignEstimateNotice, CampaignPreview, ScheduleFields, TrafficFields } from "@/components/campaigns/wizard-parts";
import { PlaceholderWarning } from "@/components/campaigns/placeholder-warning";
import { Alert, FormMessage } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { countSegments } from "@/lib/content/encoding";
import type { ReviewedEstimateView } from "@/lib/campaigns/create-reviewed-campaign";
import { renderTemplate } from "@/lib/campaigns/personalise";
import { scheduleProblem } from "@/lib/campaigns/schedule-time";
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

/** A campaign to start from (Duplicate): every field the wizard shows. */
export interface CampaignDraft {
  name: string;
  contactListId: string;
  from: string;
  body: string;
  class: string;
  maxMessages: string;
  sendRatePerMinute: string;
}

/** The wizard's server actions, handed down by the page. */
export interface CampaignWizardActions {
  estimate: FormAction<ReviewedEstimateView>;
  create: FormAction<ReviewedEstimateView>;
  sampleContacts: (listId: string) => Promise<FormState<Sample[]>>;
}

export interface CampaignWizardProps {
  lists: WizardList[];
  senderIds: string[];
  timezone: string;
  initialListId?: string;
  defaultSendAt: string;
  draft?: CampaignDraft;
  actions: CampaignWizardActions;
}

/**
 * Campaign wizard: ready list, sender ID, message with `{{field}}` personalisation previewed on
 * real rows, now or a time in the account's timezone, then the cost estimate before confirming.
 * The form is submitted from state (not through `<form action>`, which resets the DOM of controlled
 * selects and radios), and the confirmation carries the estimate it confirms: the server prices the
 * campaign again and refuses it when the list or the price changed.
 */
export function CampaignWizard({ lists, senderIds, timezone, initialListId, defaultSendAt, draft, actions }: CampaignWizardProps) {
  const [listId, setListId] = useState(initialListId ?? draft?.contactListId ?? lists[0]?.id ?? "");
  const [name, setName] = useState(draft?.name ?? "");
  const [from, setFrom] = useState(draft && senderIds.includes(draft.from) ? draft.from : (senderIds[0] ?? ""));
  const [sendAtLocal, setSendAtLocal] = useState(defaultSendAt);
  const [sendAtError, setSendAtError] = useState<string | null>(null);
  const [body, setBody] = useState(draft?.body ?? "");
  const [when, setWhen] = useState<"now" | "later">("now");
  const [maxMessages, setMaxMessages] = useState(draft?.maxMessages ?? "");
  const [sendRate, setSendRate] = useState(draft?.sendRatePerMinute ?? "");
  const [messageClass, setMessageClass] = useState(draft?.class ?? "promotional");
  const [samples, setSamples] = useState<Sample[]>([]);
  const [estimateState, estimateAction, estimating] = useActionState<FormState<ReviewedEstimateView>, FormData>(actions.estimate, idleFormState);
  const [createState, createAction, creating] = useActionState<FormState<ReviewedEstimateView>, FormData>(actions.create, idleFormState);
  const { sampleContacts } = actions;
  const list = lists.find((candidate) => candidate.id === listId);
  const estimate = estimateState.status === "success" ? estimateState.data : undefined;
  // A confirmation the server refused because the estimate no longer held: review again.
  const estimateRefused = createState.status === "error" && createState.fieldErrors?.estimate !== undefined && createState.values?.reviewId === estimate?.reviewId;
  const reviewed =
    estimate !== undefined && !estimateRefused && estimate.contactListId === listId && estimate.body === body && estimate.maxMessages === maxMessages;

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

  const checkSchedule = (nextWhen: "now" | "later", local: string) => setSendAtError(nextWhen === "later" ? scheduleProblem(local, timezone, Date.now()) : null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problem = when === "later" ? scheduleProblem(sendAtLocal, timezone, Date.now()) : null;
    setSendAtError(problem);
    if (problem) return;
    const formData = new FormData(event.currentTarget);
    startTransition(() => (reviewed ? createAction : estimateAction)(formData));
  }

  const shown = createState.status === "error" ? createState : estimateState.status === "error" ? estimateState : idleFormState;
  const fieldErrors = { ...estimateState.fieldErrors, ...createState.fieldErrors };
  const pending = estimating || creating;
  return (
    <form onSubmit={submit} className="space-y-5" noValidate>
      <FormMessage state={shown} />
      <Field id="campaign-name" label="Campaign name" errors={createState.fieldErrors?.name}>
        <Input name="name" required maxLength={120} value={name} onChange={(event) => setName(event.target.value)} />
      </Field>
      <Field id="campaign-list" label="Contact list" errors={fieldErrors.contactListId}>
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
        errors={fieldErrors.body}
      >
        <Textarea name="body" rows={5} required value={body} onChange={(event) => setBody(event.target.value)} />
      </Field>
      <PlaceholderWarning text={body} personalised />
      <CampaignPreview previews={previews} />
      <ScheduleFields
        when={when}
        sendAtLocal={sendAtLocal}
        timezone={timezone}
        errors={sendAtError ? [sendAtError] : (fieldErrors.sendAtLocal ?? fieldErrors.sendAt)}
        onWhen={(next) => {
          setWhen(next);
          checkSchedule(next, sendAtLocal);
        }}
        onSendAt={(next) => {
          setSendAtLocal(next);
          checkSchedule(when, next);
        }}
      />
      <TrafficFields
        messageClass={messageClass}
        maxMessages={maxMessages}
        sendRate={sendRate}
        errors={fieldErrors}
        onClass={setMessageClass}
        onMaxMessages={setMaxMessages}
        onSendRate={setSendRate}
      />
      {reviewed && estimate ? (
        <>
          <input type="hidden" name="reviewId" value={estimate.reviewId} />
          <input type="hidden" name="reviewedRecipients" value={estimate.recipients} />
          <input type="hidden" name="reviewedCost" value={estimate.cost} />
          <CampaignEstimateNotice estimate={estimate} />
        </>
      ) : null}
      <Button type="submit" disabled={pending || sendAtError !== null} aria-disabled={pending || sendAtError !== null}>
        {pending ? (reviewed ? "Creating…" : "Estimating…") : reviewed ? "Confirm and create campaign" : "Review cost"}
      </Button>
    </form>
  );
}
