import type { ReactNode } from "react";
import { CopyButton } from "@/components/ui/copy-button";

/** A credential shown once, right after it is issued, with why it matters and a copy button. */
export function OneTimeSecret({ title, value, copyLabel, testId, children }: { title: ReactNode; value: string; copyLabel: string; testId: string; children: ReactNode }) {
  return (
    <div role="status" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-4 text-sm text-amber-950" data-testid={testId}>
      <p className="font-semibold">{title}</p>
      <p className="mt-1">{children}</p>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <code className="min-w-0 flex-1 break-all rounded border border-amber-300 bg-white px-3 py-2 font-mono text-xs text-slate-900" data-testid={`${testId}-value`}>
          {value}
        </code>
        <CopyButton value={value} label={copyLabel} />
      </div>
    </div>
  );
}
