import { OneTimeSecret } from "@/components/ui/one-time-secret";
import type { IssuedSecret } from "@/lib/webhooks/issued-secret";

/** A signing secret, shown once right after it is issued. */
export function IssuedSecretCallout({ issued }: { issued: IssuedSecret }) {
  return (
    <OneTimeSecret title={issued.label} value={issued.secret} copyLabel="Copy secret" testId="issued-secret">
      Copy this signing secret to your receiver now; <strong>it is not shown again</strong>. Verify the <code>webhook-signature</code> header with it.
      {issued.overlapHours ? ` The previous secret keeps signing alongside it for ${issued.overlapHours} hours.` : null}
    </OneTimeSecret>
  );
}
