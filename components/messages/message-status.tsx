import { StatusBadge } from "@/components/ui/badge";
import { MESSAGE_STATUS_LABELS, messageStatusLabel } from "@/lib/messages/status";

/** A message status badge with the customer-facing name and what it means as a tooltip. */
export function MessageStatusBadge({ status }: { status: string }) {
  const description = MESSAGE_STATUS_LABELS[status as keyof typeof MESSAGE_STATUS_LABELS]?.description;
  return (
    <span title={description} data-testid="message-status">
      <StatusBadge status={status} label={messageStatusLabel(status)} />
    </span>
  );
}
