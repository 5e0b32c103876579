import { Alert } from "@/components/ui/alert";
import { singleBracePlaceholders } from "@/lib/campaigns/personalise";

/** Warns that `{name}` (single braces) goes out exactly as typed; `{{name}}` is the placeholder. */
export function PlaceholderWarning({ text, personalised }: { text: string; personalised: boolean }) {
  const names = singleBracePlaceholders(text);
  if (names.length === 0) return null;
  const written = names.map((name) => `{${name}}`).join(", ");
  return (
    <div data-testid="placeholder-warning">
      <Alert tone="warning" title="Sent exactly as typed">
        {written} has single braces, so recipients will see it literally.{" "}
        {personalised ? `To personalise, write ${names.map((name) => `{{${name}}}`).join(", ")}.` : "Single messages are not personalised: write the text itself."}
      </Alert>
    </div>
  );
}
