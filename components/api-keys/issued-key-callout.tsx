import { CopyButton } from "@/components/ui/copy-button";
import type { IssuedKey } from "@/app/(portal)/api-keys/actions";

/** The full secret, shown once right after it is issued. */
export function IssuedKeyCallout({ issued, title }: { issued: IssuedKey; title: string }) {
  return (
    <div role="status" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-4 text-sm text-amber-950" data-testid="issued-key">
      <p className="font-semibold">{title}</p>
      <p className="mt-1">
        Copy this key now and store it somewhere safe. <strong>It will not be shown again</strong>: we keep only a hash of it.
        {issued.graceHours !== undefined ? ` The key it replaces keeps working for ${issued.graceHours} hours.` : null}
      </p>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <code className="min-w-0 flex-1 break-all rounded border border-amber-300 bg-white px-3 py-2 font-mono text-xs text-slate-900" data-testid="issued-key-value">
          {issued.key}
        </code>
        <CopyButton value={issued.key} label="Copy key" />
      </div>
    </div>
  );
}
