import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { ReviewedEstimateView } from "@/lib/campaigns/create-reviewed-campaign";
import { formatMoney } from "@/lib/format";

/** Pieces of the campaign wizard (campaign-wizard.tsx holds the state). */

export interface MessagePreview {
  phone: string;
  text: string;
  segments: number;
  encoding: string;
}

export function CampaignPreview({ previews }: { previews: MessagePreview[] }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-slate-50 p-3" aria-live="polite">
      <p className="mb-2 text-sm font-medium text-slate-700">Preview</p>
      <ul className="space-y-2">
        {previews.map((preview, index) => (
          <li key={index} className="text-sm break-words" data-testid="campaign-preview">
            {preview.phone ? <span className="mr-2 font-mono text-slate-500">{preview.phone}</span> : null}
            <span className="whitespace-pre-wrap text-slate-900">{preview.text || "…"}</span>
            <span className="ml-2 text-xs text-slate-500">
              {preview.segments} segment{preview.segments === 1 ? "" : "s"} · {preview.encoding === "ucs2" ? "Unicode" : "GSM-7"}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ScheduleFields({
  when,
  sendAtLocal,
  timezone,
  errors,
  onWhen,
  onSendAt,
}: {
  when: "now" | "later";
  sendAtLocal: string;
  timezone: string;
  errors?: string[];
  onWhen: (when: "now" | "later") => void;
  onSendAt: (local: string) => void;
}) {
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-slate-700">When</legend>
      <input type="hidden" name="when" value={when} />
      <label className="flex items-center gap-2 text-sm">
        <input type="radio" name="when-choice" value="now" checked={when === "now"} onChange={() => onWhen("now")} /> Send now
      </label>
      <label className="flex items-center gap-2 text-sm">
        <input type="radio" name="when-choice" value="later" checked={when === "later"} onChange={() => onWhen("later")} /> Schedule
      </label>
      {when === "later" ? (
        <Field id="campaign-send-at" label={`Send at (${timezone})`} errors={errors}>
          <Input type="datetime-local" name="sendAtLocal" value={sendAtLocal} onChange={(event) => onSendAt(event.target.value)} required />
        </Field>
      ) : null}
    </fieldset>
  );
}

export function TrafficFields({
  messageClass,
  maxMessages,
  sendRate,
  errors,
  onClass,
  onMaxMessages,
  onSendRate,
}: {
  messageClass: string;
  maxMessages: string;
  sendRate: string;
  errors: Partial<Record<string, string[]>>;
  onClass: (value: string) => void;
  onMaxMessages: (value: string) => void;
  onSendRate: (value: string) => void;
}) {
  return (
    <fieldset className="grid gap-4 sm:grid-cols-3">
      <legend className="mb-2 text-sm font-medium text-slate-900">Traffic</legend>
      <Field id="campaign-class" label="Class" hint="Promotional campaigns pause during quiet hours." errors={errors.class}>
        <Select name="class" value={messageClass} onChange={(event) => onClass(event.target.value)} options={[{ value: "promotional", label: "Promotional" }, { value: "transactional", label: "Transactional" }]} />
      </Field>
      <Field id="campaign-max-messages" label="Recipient cap" hint="At most this many, in list order. Empty: every eligible contact." errors={errors.maxMessages}>
        <Input name="maxMessages" inputMode="numeric" value={maxMessages} onChange={(event) => onMaxMessages(event.target.value)} />
      </Field>
      <Field id="campaign-rate" label="Sends per minute" hint="Spreads the campaign. Empty: as fast as possible." errors={errors.sendRatePerMinute}>
        <Input name="sendRatePerMinute" inputMode="numeric" value={sendRate} onChange={(event) => onSendRate(event.target.value)} />
      </Field>
    </fieldset>
  );
}

export function CampaignEstimateNotice({ estimate }: { estimate: ReviewedEstimateView }) {
  return (
    <Alert tone="info" title="Cost estimate">
      <span data-testid="campaign-estimate">
        {estimate.recipients.toLocaleString()} recipients × {estimate.segments} segment{estimate.segments === 1 ? "" : "s"} ≈ <strong>{formatMoney(estimate.cost)}</strong>, reserved
        from your balance now; unused credit is returned.
        {estimate.optedOut > 0 ? ` ${estimate.optedOut.toLocaleString()} opted-out number${estimate.optedOut === 1 ? " is" : "s are"} skipped.` : null}
      </span>
    </Alert>
  );
}
