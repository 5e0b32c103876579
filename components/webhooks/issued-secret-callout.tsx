import type { IssuedSecret } from "@/app/(portal)/webhooks/actions";
import { CopyButton } from "@/components/ui/copy-button";

/** A signing secret, shown once right after it is issued. */
export function IssuedSecretCallout({ issued }: { issued: IssuedSecret }) {
  return (
    <div role="status" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-4 text-sm text-amber-950" data-testid="issued-secret">
      <p className="font-semibold">{issued.label}</p>
      <p className="mt-1">
        Copy this signing secret to your receiver now; <strong>it is not shown again</strong>. Verify the <code>webhook-signature</code> header with it.
        {issued.overlapHours ? ` The previous secret keeps signing alongside it for ${issued.overlapHours} hours.` : null}
      </p>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <code className="min-w-0 flex-1 break-all rounded border border-amber-300 bg-white px-3 py-2 font-mono text-xs text-slate-900" data-testid="issued-secret-value">
          {issued.secret}
        </code>
        <CopyButton value={issued.secret} label="Copy secret" />
      </div>
    </div>
  );
}
