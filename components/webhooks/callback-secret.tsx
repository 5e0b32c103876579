"use client";

import { useActionState, useState } from "react";
import { IssuedSecretCallout } from "@/components/webhooks/issued-secret-callout";
import { Button } from "@/components/ui/button";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { CopyButton } from "@/components/ui/copy-button";
import { idleFormState, type FormAction } from "@/lib/form-state";
import type { IssuedSecret } from "@/lib/webhooks/issued-secret";

/** The account secret that signs per-message and per-campaign callbacks: hidden until revealed. */
export function CallbackSecret({ secret, rotateAction }: { secret: string; rotateAction: FormAction<IssuedSecret> }) {
  const [revealed, setRevealed] = useState(false);
  const [rotation, rotate] = useActionState(rotateAction, idleFormState);
  return (
    <div className="space-y-3">
      {rotation.status === "success" && rotation.data ? <IssuedSecretCallout issued={rotation.data} /> : null}
      <div className="flex flex-wrap items-center gap-2">
        <code className="min-w-0 flex-1 break-all rounded border border-slate-200 bg-slate-50 px-3 py-2 font-mono text-xs text-slate-900" data-testid="callback-secret">
          {revealed ? secret : `whsec_${"•".repeat(24)}`}
        </code>
        <Button size="sm" variant="secondary" onClick={() => setRevealed((shown) => !shown)}>
          {revealed ? "Hide" : "Reveal"}
        </Button>
        <CopyButton value={secret} label="Copy" />
        <ConfirmAction action={rotate} label="Rotate" confirmLabel="Rotate secret" question="Callbacks are signed with the new secret at once." />
      </div>
    </div>
  );
}
