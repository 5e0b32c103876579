"use client";

import { useActionState, type ReactNode } from "react";
import { KEYWORD_ACTION_OPTIONS } from "@/components/keywords/create-keyword-form";
import { FormMessage } from "@/components/ui/alert";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import { Table, TableCaption, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { Textarea } from "@/components/ui/textarea";
import { idleFormState, type FormAction } from "@/lib/form-state";

export interface KeywordListItem {
  id: string;
  keyword: string;
  action: string;
  reply: string | null;
  number: string | null;
}

const ACTION_LABELS: Record<string, string> = { reply: "Reply", opt_out: "Opt out", opt_in: "Opt in" };

function EditKeyword({ keyword, updateAction }: { keyword: KeywordListItem; updateAction: FormAction }) {
  const [state, formAction] = useActionState(updateAction, idleFormState);
  return (
    <details className="text-sm">
      <summary className="cursor-pointer font-medium text-brand-700">Edit</summary>
      <form action={formAction} className="mt-2 w-72 space-y-3" noValidate>
        <FormMessage state={state} />
        <input type="hidden" name="id" value={keyword.id} />
        <Field id={`keyword-${keyword.id}-action`} label="What it does" errors={state.fieldErrors?.action}>
          <Select name="action" options={KEYWORD_ACTION_OPTIONS} defaultValue={keyword.action} />
        </Field>
        <Field id={`keyword-${keyword.id}-reply`} label="Reply" errors={state.fieldErrors?.reply}>
          <Textarea name="reply" rows={3} maxLength={918} defaultValue={keyword.reply ?? ""} />
        </Field>
        <SubmitButton size="sm" pendingLabel="Saving…">
          Save
        </SubmitButton>
      </form>
    </details>
  );
}

/** The account's keywords with edit and delete; `empty` shows when there are none. */
export function KeywordsTable({
  keywords,
  empty,
  updateAction,
  deleteAction,
}: {
  keywords: KeywordListItem[];
  empty: ReactNode;
  updateAction: FormAction;
  deleteAction: FormAction;
}) {
  const [state, remove] = useActionState(deleteAction, idleFormState);
  return (
    <div>
      <div className="empty:hidden [&>*]:mx-4 [&>*]:mt-4 sm:[&>*]:mx-6">
        <FormMessage state={state} />
      </div>
      {keywords.length === 0 ? empty : (
        <Table>
          <TableCaption>Your keywords</TableCaption>
          <THead>
            <TR>
              <TH>Keyword</TH>
              <TH>Does</TH>
              <TH>Reply</TH>
              <TH>Number</TH>
              <TH>
                <span className="sr-only">Actions</span>
              </TH>
            </TR>
          </THead>
          <TBody>
            {keywords.map((keyword) => (
              <TR key={keyword.id} data-testid="keyword-row">
                <TD className="font-mono font-medium">{keyword.keyword}</TD>
                <TD>{ACTION_LABELS[keyword.action] ?? keyword.action}</TD>
                <TD className="max-w-xs whitespace-pre-wrap text-slate-600">{keyword.reply ?? <span className="text-slate-400">Standard text</span>}</TD>
                <TD>{keyword.number ?? "All"}</TD>
                <TD>
                  <div className="flex flex-wrap items-start justify-end gap-3">
                    <EditKeyword keyword={keyword} updateAction={updateAction} />
                    <ConfirmAction action={remove} fields={{ id: keyword.id }} label="Delete" confirmLabel="Delete keyword" question={`Delete ${keyword.keyword}?`} />
                  </div>
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
    </div>
  );
}
