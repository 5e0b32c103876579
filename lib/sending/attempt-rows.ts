import { isProviderFault } from "@/lib/routing/circuit-breaker";
import type { SendAttemptRow } from "@/lib/messages/transitions/record-send-attempts";
import type { OutboundSms, SendResult, SmsProvider } from "@/lib/providers/types";
import type { ClaimedMessage } from "@/lib/messages/transitions/mark-queued";

/** What the provider gets for a claimed message (country and MNO let the router choose). */
export function outboundOf(message: ClaimedMessage): OutboundSms {
  return { messageId: message.id, to: message.to, from: message.from, body: message.body, country: message.country, operator: message.operator };
}

/** The send_attempts rows of one attempt: the router's tries, or the one submission of a plain provider. */
export function attemptRows(message: ClaimedMessage, provider: SmsProvider, result: SendResult): SendAttemptRow[] {
  const tries = result.tries ?? [
    {
      provider: result.provider ?? provider.name,
      outcome: result.ok ? ("sent" as const) : isProviderFault(result) ? ("provider_failure" as const) : ("rejected" as const),
      code: result.ok ? null : result.code,
      latencyMs: 0,
    },
  ];
  return tries.map((entry) => ({ ...entry, messageId: message.id, attempt: message.attempts }));
}
