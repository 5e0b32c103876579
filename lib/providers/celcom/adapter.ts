import { logger as rootLogger, type Logger } from "@/lib/logger";
import { fetchErrorFailure } from "@/lib/providers/failures";
import {
  interpretBalanceReply,
  interpretBulkReply,
  interpretDeliveryReportReply,
  interpretSendReply,
} from "@/lib/providers/celcom/replies";
import {
  type BalanceResult,
  type DeliveryReportResult,
  type OutboundSms,
  type SendFailure,
  type SendResult,
  type SmsProvider,
} from "@/lib/providers/types";

export const CELCOM_DEFAULT_TIMEOUT_MS = 10_000;
export const CELCOM_DEFAULT_BULK_BATCH_SIZE = 20;
const CELCOM_MAX_BULK_BATCH_SIZE = 1_000;

export interface CelcomAdapterConfig {
  /** e.g. "https://isms.celcomafrica.com" or the simulator's URL. */
  baseUrl: string;
  apiKey: string;
  partnerId: string;
  timeoutMs?: number;
  /** Messages per `sendbulk` request (Celcom resellers accept 20 to 1,000). */
  bulkBatchSize?: number;
  /** Provider name recorded on messages; defaults to "celcom". */
  name?: string;
}

/** Celcom expects international digits without "+": "+254712345678" → "254712345678". */
export function toCelcomMobile(e164: string): string {
  return e164.replace(/\D/g, "");
}

type HttpOutcome = { status: number; text: string } | { failure: SendFailure };

export class CelcomAdapter implements SmsProvider {
  readonly name: string;
  private readonly baseUrl: string;
  private readonly apiKey: string;
  private readonly partnerId: string;
  private readonly timeoutMs: number;
  private readonly bulkBatchSize: number;
  private readonly log: Logger;

  constructor(config: CelcomAdapterConfig, options: { logger?: Logger } = {}) {
    const timeoutMs = config.timeoutMs ?? CELCOM_DEFAULT_TIMEOUT_MS;
    const bulkBatchSize = config.bulkBatchSize ?? CELCOM_DEFAULT_BULK_BATCH_SIZE;
    if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) throw new Error("Celcom timeoutMs must be a positive integer");
    if (!Number.isInteger(bulkBatchSize) || bulkBatchSize < 1 || bulkBatchSize > CELCOM_MAX_BULK_BATCH_SIZE) {
      throw new Error(`Celcom bulkBatchSize must be an integer from 1 to ${CELCOM_MAX_BULK_BATCH_SIZE}`);
    }
    this.baseUrl = new URL(config.baseUrl).toString().replace(/\/+$/, "");
    this.apiKey = config.apiKey;
    this.partnerId = config.partnerId;
    this.timeoutMs = timeoutMs;
    this.bulkBatchSize = bulkBatchSize;
    this.name = config.name ?? "celcom";
    this.log = (options.logger ?? rootLogger).child({ component: "celcom-adapter", provider: this.name });
  }

  async send(message: OutboundSms): Promise<SendResult> {
    const outcome = await this.post("/api/services/sendsms/", {
      apikey: this.apiKey,
      partnerID: this.partnerId,
      message: message.body,
      shortcode: message.from,
      mobile: toCelcomMobile(message.to),
      pass_type: "plain",
    });
    const result = "failure" in outcome ? outcome.failure : interpretSendReply(outcome.status, outcome.text);
    this.noteUnexpected([result], [message.messageId]);
    return result;
  }

  async sendBatch(messages: OutboundSms[]): Promise<SendResult[]> {
    const chunks: OutboundSms[][] = [];
    for (let start = 0; start < messages.length; start += this.bulkBatchSize) {
      chunks.push(messages.slice(start, start + this.bulkBatchSize));
    }
    const results = await Promise.all(chunks.map((chunk) => this.sendBulkChunk(chunk)));
    return results.flat();
  }

  async getBalance(): Promise<BalanceResult> {
    const outcome = await this.post("/api/services/getbalance/", { apikey: this.apiKey, partnerID: this.partnerId });
    return "failure" in outcome ? outcome.failure : interpretBalanceReply(outcome.status, outcome.text);
  }

  async getDeliveryReport(providerMessageId: string): Promise<DeliveryReportResult> {
    const outcome = await this.post("/api/services/getdlr/", {
      apikey: this.apiKey,
      partnerID: this.partnerId,
      messageID: providerMessageId,
    });
    return "failure" in outcome
      ? outcome.failure
      : interpretDeliveryReportReply(outcome.status, outcome.text, providerMessageId);
  }

  private async sendBulkChunk(chunk: OutboundSms[]): Promise<SendResult[]> {
    // Positions, not our message ids, go out as clientsmsid: Celcom platforms differ on whether
    // the field may hold anything but digits, and the position maps back just as well.
    const clientSmsIds = chunk.map((_, index) => String(index + 1));
    const outcome = await this.post("/api/services/sendbulk/", {
      count: chunk.length,
      smslist: chunk.map((message, index) => ({
        partnerID: this.partnerId,
        apikey: this.apiKey,
        pass_type: "plain",
        clientsmsid: clientSmsIds[index],
        mobile: toCelcomMobile(message.to),
        message: message.body,
        shortcode: message.from,
      })),
    });
    const results = "failure" in outcome
      ? chunk.map(() => outcome.failure)
      : interpretBulkReply(outcome.status, outcome.text, clientSmsIds);
    this.noteUnexpected(results, chunk.map((message) => message.messageId));
    return results;
  }

  private async post(path: string, payload: unknown): Promise<HttpOutcome> {
    try {
      const response = await fetch(`${this.baseUrl}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify(payload),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      return { status: response.status, text: await response.text() };
    } catch (error) {
      return { failure: fetchErrorFailure(error, this.timeoutMs) };
    }
  }

  /** Replies we cannot read point at an API change or a proxy in the way: worth a warning. */
  private noteUnexpected(results: SendResult[], messageIds: string[]): void {
    const unreadable = results.flatMap((result, index) =>
      !result.ok && result.code === "provider_bad_reply" ? [{ messageId: messageIds[index], reason: result.reason }] : [],
    );
    if (unreadable.length > 0) {
      this.log.warn("unexpected Celcom reply", { count: unreadable.length, first: unreadable[0] });
    }
  }
}
