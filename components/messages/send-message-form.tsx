"use client";

import Link from "next/link";
import { startTransition, useActionState, useEffect, useState, type FormEvent } from "react";
import { PlaceholderWarning } from "@/components/campaigns/placeholder-warning";
import { Alert, FormMessage } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { formatMoney } from "@/lib/format";
import { idleFormState, type FormAction, type FormState } from "@/lib/form-state";
import { type MessageEvaluation } from "@/lib/messages/evaluate-message";

const PREVIEW_DELAY_MS = 250;

const CLASSES = [
  { value: "transactional", label: "Transactional (sent at any hour)" },
  { value: "promotional", label: "Promotional (held during quiet hours)" },
];

const PRIORITIES = [
  { value: "normal", label: "Normal" },
  { value: "high", label: "High (transactional: OTPs, alerts)" },
];

export interface MessageDraft {
  to: string;
  from: string;
  body: string;
}

type DraftField = keyof MessageDraft;

/**
 * One message: live preview (parts, price, recipient check) while typing. Submitted from state
 * (a form action would reset the selects' DOM); cleared after a send so it is not sent twice; a
 * server error on a field shows only while the field still holds the value it was about.
 */
export function SendMessageForm({
  senderIds,
  sendMessageAction,
  previewMessageAction,
}: {
  senderIds: string[];
  sendMessageAction: FormAction<{ messageId: string }>;
  previewMessageAction: (draft: MessageDraft) => Promise<FormState<MessageEvaluation>>;
}) {
  const [state, formAction, pending] = useActionState<FormState<{ messageId: string }>, FormData>(sendMessageAction, idleFormState);
  const [draft, setDraft] = useState<MessageDraft>({ to: "", from: senderIds[0] ?? "", body: "" });
  const [priority, setPriority] = useState("normal");
  const [messageClass, setMessageClass] = useState("transactional");
  const [preview, setPreview] = useState<MessageEvaluation | null>(null);
  const [answered, setAnswered] = useState(state);
  if (answered !== state) {
    setAnswered(state);
    if (state.status === "success") setDraft((current) => ({ ...current, to: "", body: "" }));
  }
  // An error answered for other input (the customer has since edited a field) no longer applies.
  const errorIsStale = state.status === "error" && (["to", "from", "body"] as const).some((field) => (state.values?.[field] ?? "") !== draft[field]);

  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(() => {
      previewMessageAction(draft)
        .then((result) => {
          if (!cancelled) setPreview(result.data ?? null);
        })
        .catch(() => {
          if (!cancelled) setPreview(null);
        });
    }, PREVIEW_DELAY_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [draft, previewMessageAction]);

  const issue = (field: DraftField) => {
    if (field === "to" && draft.to.trim() === "") return [];
    return preview?.issues.filter((item) => item.field === field).flatMap((item) => item.violations?.map((violation) => violation.message) ?? [item.message]) ?? [];
  };
  const errorsFor = (field: DraftField) => {
    const submitted = state.status === "error" && state.values?.[field] === draft[field] ? state.fieldErrors?.[field] : undefined;
    return submitted ?? (draft.body || draft.to ? issue(field) : []);
  };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => formAction(formData));
  }

  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <form onSubmit={submit} className="space-y-4 lg:col-span-2" noValidate>
        {errorIsStale ? null : <FormMessage state={state} />}
        {state.status === "success" && state.data ? (
          <p className="text-sm">
            <Link className="font-medium text-brand-700 underline" href={`/messages/${state.data.messageId}`}>
              Follow this message
            </Link>
          </p>
        ) : null}
        <Field id="send-to" label="To" hint="A mobile number, e.g. 0712 345 678 or +254712345678." errors={errorsFor("to")}>
          <Input name="to" inputMode="tel" autoComplete="off" value={draft.to} onChange={(event) => setDraft({ ...draft, to: event.target.value })} />
        </Field>
        <Field id="send-from" label="Sender ID" hint="Only approved sender IDs can send." errors={errorsFor("from")}>
          <Select name="from" value={draft.from} onChange={(event) => setDraft({ ...draft, from: event.target.value })} options={senderIds.map((value) => ({ value, label: value }))} />
        </Field>
        <Field id="send-body" label="Message" errors={errorsFor("body")}>
          <Textarea name="body" rows={6} maxLength={2000} value={draft.body} onChange={(event) => setDraft({ ...draft, body: event.target.value })} />
        </Field>
        <PlaceholderWarning text={draft.body} personalised={false} />
        <Field id="send-priority" label="Priority">
          <Select name="priority" value={priority} onChange={(event) => setPriority(event.target.value)} options={PRIORITIES} />
        </Field>
        <Field id="send-class" label="Class">
          <Select name="class" value={messageClass} onChange={(event) => setMessageClass(event.target.value)} options={CLASSES} />
        </Field>
        <Button type="submit" disabled={pending || senderIds.length === 0} aria-disabled={pending || senderIds.length === 0}>
          {pending ? "Sending…" : "Send message"}
        </Button>
      </form>
      <aside aria-label="Preview" aria-live="polite" className="space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-4 text-sm">
        <h2 className="font-semibold text-slate-900">Preview</h2>
        <dl className="grid grid-cols-2 gap-y-2">
          <dt className="text-slate-600">Encoding</dt>
          <dd data-testid="preview-encoding">{preview ? (preview.encoding === "gsm7" ? "GSM-7" : "UCS-2 (Unicode)") : "—"}</dd>
          <dt className="text-slate-600">Parts</dt>
          <dd data-testid="preview-segments">{preview?.segments ?? 0}</dd>
          <dt className="text-slate-600">Characters left</dt>
          <dd data-testid="preview-characters-left">{preview?.charactersLeft ?? "—"}</dd>
          <dt className="text-slate-600">Recipient</dt>
          <dd>{preview?.to ? `${preview.to} (${preview.operator})` : "—"}</dd>
          <dt className="text-slate-600">Cost</dt>
          <dd data-testid="preview-cost">{preview?.cost != null ? formatMoney(preview.cost, preview.currency) : "—"}</dd>
        </dl>
        {preview?.sufficientCredits === false ? <Alert tone="warning">Your balance does not cover this message. Top up on the Billing page.</Alert> : null}
      </aside>
    </div>
  );
}
