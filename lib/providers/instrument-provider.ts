import { metrics } from "@/lib/observability/metrics";
import { providerHealth, type ProviderHealthTracker, type RequestOutcome } from "@/lib/providers/provider-health";
import { type SendResult, type SmsProvider } from "@/lib/providers/types";

type Operation = "send" | "send_batch" | "balance" | "delivery_report";

function outcomeOf(result: { ok: boolean; retryable?: boolean }): RequestOutcome {
  if (result.ok) return "ok";
  return result.retryable ? "transient" : "permanent";
}

/** A batch is an answer when anything got through; an outage when every message failed transiently. */
function batchOutcome(results: readonly SendResult[]): RequestOutcome {
  if (results.some((result) => result.ok)) return "ok";
  return results.length > 0 && results.every((result) => !result.ok && result.retryable) ? "transient" : "permanent";
}

const OUTCOME_LABEL: Record<RequestOutcome, string> = { ok: "ok", transient: "retryable", permanent: "permanent" };

/**
 * The same provider, measured: every call is timed by operation and outcome
 * (sema_provider_request_duration_seconds), failures are counted by code, and sends feed the
 * provider's health (lib/providers/provider-health). A call that throws counts as a transient failure.
 */
export function instrumentProvider(provider: SmsProvider, health: ProviderHealthTracker = providerHealth): SmsProvider {
  const name = provider.name;

  async function measured<R>(operation: Operation, call: () => Promise<R>, outcome: (result: R) => RequestOutcome, failures: (result: R) => SendResult[]): Promise<R> {
    const stopTimer = metrics.providerRequests.startTimer({ provider: name, operation });
    let result: R;
    try {
      result = await call();
    } catch (error) {
      stopTimer({ outcome: OUTCOME_LABEL.transient });
      metrics.providerFailures.inc({ provider: name, code: "exception" });
      if (operation === "send" || operation === "send_batch") health.record(name, "transient");
      throw error;
    }
    const kind = outcome(result);
    stopTimer({ outcome: OUTCOME_LABEL[kind] });
    for (const failure of failures(result)) if (!failure.ok) metrics.providerFailures.inc({ provider: name, code: failure.code });
    if (operation === "send" || operation === "send_batch") health.record(name, kind);
    return result;
  }

  return {
    name,
    send: (message) => measured("send", () => provider.send(message), outcomeOf, (result) => [result]),
    sendBatch: provider.sendBatch
      ? (messages) => measured("send_batch", () => provider.sendBatch!(messages), batchOutcome, (results) => results)
      : undefined,
    getBalance: provider.getBalance ? () => measured("balance", () => provider.getBalance!(), outcomeOf, () => []) : undefined,
    getDeliveryReport: provider.getDeliveryReport
      ? (id) => measured("delivery_report", () => provider.getDeliveryReport!(id), outcomeOf, () => [])
      : undefined,
  };
}
