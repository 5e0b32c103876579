/** One message handed to a provider. `to` is E.164 ("+2547…"); adapters convert to their own format. */
export interface OutboundSms {
  /** Our message id, used to correlate batch results and logs; never shown to the recipient. */
  messageId: string;
  to: string;
  /** Sender id (shortcode or alphanumeric sender name) registered with the provider. */
  from: string;
  body: string;
  /** ISO country and MNO of the recipient, for routing (lib/routing); adapters ignore them. */
  country?: string;
  operator?: string;
}

/** One submission of a message to one provider, as the router reports it (recorded in send_attempts). */
export interface ProviderTry {
  provider: string;
  /** `sent`; `rejected`: the provider refused the message itself; `provider_failure`: the provider failed. */
  outcome: "sent" | "rejected" | "provider_failure";
  code: string | null;
  latencyMs: number;
}

/** Set by the router: which provider the result is from, and every provider tried for it. */
interface RoutedFields {
  provider?: string;
  tries?: ProviderTry[];
}

export interface SendAccepted extends RoutedFields {
  ok: true;
  providerMessageId: string;
}

export interface SendFailure extends RoutedFields {
  ok: false;
  /** True when the same message may succeed if submitted again later. */
  retryable: boolean;
  /**
   * The provider refused this message itself for good (its recipient or sender), rather than
   * failing to send it: the message ends `rejected`, not `failed`. Never set with `retryable`.
   */
  rejected?: boolean;
  /** Stable machine-readable reason, e.g. `celcom_1003_invalid_mobile` or `provider_timeout`. */
  code: string;
  /** Human-readable detail for logs and the message timeline; phone numbers are never included. */
  reason: string;
  /** The provider asked us to wait at least this long before retrying (e.g. Celcom 4090: 5 min). */
  retryAfterMs?: number;
  /** The provider's own numeric code, when it sent one. */
  providerCode?: number;
  /** HTTP status of the provider's reply, when there was one. */
  httpStatus?: number;
}

export type SendResult = SendAccepted | SendFailure;

/** Failure of a non-send operation (balance, delivery-report pull); same classification as sends. */
export type ProviderFailure = SendFailure;

export type BalanceResult = { ok: true; creditMinor: number; creditText: string } | ProviderFailure;

/** Final statuses a delivery report can move a message to; `null` means "not final yet". */
export type DeliveryOutcome = "delivered" | "failed" | "expired" | "undeliverable";

export type DeliveryReportResult =
  | {
      ok: true;
      providerMessageId: string;
      /** The provider's description verbatim, e.g. "DeliveredToTerminal". */
      description: string;
      outcome: DeliveryOutcome | null;
      deliveredAt: Date | null;
    }
  | ProviderFailure;

export interface SmsProvider {
  /** Stored on each message as `provider`; also used in metrics and logs. */
  readonly name: string;
  send(message: OutboundSms): Promise<SendResult>;
  /** Sends several messages in as few requests as the provider allows; results align with the input order. */
  sendBatch?(messages: OutboundSms[]): Promise<SendResult[]>;
  getBalance?(): Promise<BalanceResult>;
  getDeliveryReport?(providerMessageId: string): Promise<DeliveryReportResult>;
}
