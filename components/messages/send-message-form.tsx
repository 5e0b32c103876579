"use client";

import Link from "next/link";
import { useActionState, useEffect, useState } from "react";
import { Alert, FormMessage } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
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

export function SendMessageForm({
  senderIds,
  sendMessageAction,
  previewMessageAction,
}: {
  senderIds: string[];
  sendMessageAction: FormAction<{ messageId: string }>;
  previewMessageAction: (draft: MessageDraft) => Promise<FormState<MessageEvaluation>>;
}) {
  const [state, formAction] = useActionState<FormState<{ messageId: string }>, FormData>(sendMessageAction, idleFormState);
  const kept = state.status === "error" ? state.values : undefined;
  const [draft, setDraft] = useState({ to: kept?.to ?? "", from: kept?.from ?? senderIds[0] ?? "", body: kept?.body ?? "" });
  const [preview, setPreview] = useState<MessageEvaluation | null>(null);

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

  const issue = (field: "to" | "from" | "body") => {
    if (field === "to" && draft.to.trim() === "") return [];
    return preview?.issues.filter((item) => item.field === field).flatMap((item) => item.violations?.map((violation) => violation.message) ?? [item.message]) ?? [];
  };
  const errorsFor = (field: "to" | "from" | "body") => state.fieldErrors?.[field] ?? (draft.body || draft.to ? issue(field) : []);

  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <form action={formAction} className="space-y-4 lg:col-span-2" noValidate>
        <FormMessage state={state} />
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
        <Field id="send-priority" label="Priority">
          <Select name="priority" defaultValue={kept?.priority ?? "normal"} options={PRIORITIES} />
        </Field>
        <Field id="send-class" label="Class">
          <Select name="class" defaultValue={kept?.class ?? "transactional"} options={CLASSES} />
        </Field>
        <SubmitButton pendingLabel="Sending…" disabled={senderIds.length === 0}>
          Send message
        </SubmitButton>
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
