import { OneTimeSecret } from "@/components/ui/one-time-secret";
import type { IssuedKey } from "@/lib/api-keys/issued-key";

/** The full API key, shown once right after it is issued. */
export function IssuedKeyCallout({ issued, title }: { issued: IssuedKey; title: string }) {
  return (
    <OneTimeSecret title={title} value={issued.key} copyLabel="Copy key" testId="issued-key">
      Copy this key now and store it somewhere safe. <strong>It will not be shown again</strong>: we keep only a hash of it.
      {issued.graceHours !== undefined ? ` The key it replaces keeps working for ${issued.graceHours} hours.` : null}
    </OneTimeSecret>
  );
}
