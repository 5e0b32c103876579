import * as smpp from "smpp";
import { logger as rootLogger, type Logger } from "@/lib/logger";
import { networkFailure, timeoutFailure } from "@/lib/providers/failures";
import { classifySmppStatus, SMPP_STATUS } from "@/lib/providers/smpp/codes";
import { buildSubmitPdus, ESM_CLASS_RECEIPT, mapReceiptStat, MESSAGE_STATE_STATS, parseReceipt, type SmppReceipt } from "@/lib/providers/smpp/pdu";
import type { DeliveryReportResult, OutboundSms, SendFailure, SendResult, SmsProvider } from "@/lib/providers/types";

export interface SmppAdapterConfig {
  name: string;
  host: string;
  port: number;
  systemId: string;
  password: string;
  systemType?: string;
  /** submit_sm in flight at once (the SMPP window). */
  windowSize?: number;
  enquireLinkMs?: number;
  timeoutMs?: number;
  reconnectMinMs?: number;
  reconnectMaxMs?: number;
}

export interface InboundSms {
  from: string;
  to: string;
  body: string;
}

export interface SmppHooks {
  /** Must make the receipt durable (enqueue it) before resolving: the SMSC gets its deliver_sm_resp after. */
  onReceipt?: (receipt: SmppReceipt) => Promise<void>;
  /** Mobile-originated messages; without a handler they are acknowledged and logged. */
  onInbound?: (message: InboundSms) => Promise<void>;
  logger?: Logger;
}

type Pending = { resolve: (result: SendFailure) => void; timer: NodeJS.Timeout };

/**
 * An SMPP 3.4 client over the `smpp` package: one transceiver bind, several submit_sm in flight
 * (the window), enquire_link keep-alive, reconnect with exponential backoff, and delivery receipts
 * and MO messages read from deliver_sm. A send while the session is down fails at once as a
 * retryable network failure, so the router moves the message to the next provider.
 */
export class SmppAdapter implements SmsProvider {
  readonly name: string;
  private session: smpp.Session | null = null;
  private bound = false;
  private connecting: Promise<void> | null = null;
  private closed = false;
  private reconnectDelay: number;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private inFlight = 0;
  private readonly windowWaiters: (() => void)[] = [];
  private readonly pending = new Set<Pending>();
  private reference = Math.floor(Math.random() * 256);
  private readonly log: Logger;

  constructor(
    private readonly config: SmppAdapterConfig,
    private readonly hooks: SmppHooks = {},
  ) {
    this.name = config.name;
    this.reconnectDelay = config.reconnectMinMs ?? 500;
    this.log = (hooks.logger ?? rootLogger).child({ component: "smpp", provider: config.name });
  }

  get isBound(): boolean {
    return this.bound;
  }

  /** Connects and binds (once; concurrent callers share the attempt). Rejects when the bind fails. */
  connect(): Promise<void> {
    if (this.bound) return Promise.resolve();
    this.connecting ??= this.open().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private open(): Promise<void> {
    return new Promise((resolve, reject) => {
      const session = smpp.connect({ host: this.config.host, port: this.config.port, auto_enquire_link_period: this.config.enquireLinkMs ?? 30_000 });
      this.session = session;
      let settled = false;
      const fail = (error: Error) => {
        if (settled) return;
        settled = true;
        reject(error);
      };
      const connectTimer = setTimeout(() => {
        fail(new Error("SMPP connect/bind timed out"));
        session.destroy();
      }, this.config.timeoutMs ?? 10_000);
      session.on("connect", () => {
        (session.bind_transceiver as (options: Record<string, unknown>, callback: (pdu: smpp.Pdu) => void) => void)(
          { system_id: this.config.systemId, password: this.config.password, system_type: this.config.systemType ?? "" },
          (pdu) => {
            clearTimeout(connectTimer);
            if (pdu.command_status !== SMPP_STATUS.ESME_ROK) {
              fail(new Error(`bind refused: command_status 0x${pdu.command_status.toString(16)}`));
              session.close();
              return;
            }
            this.bound = true;
            this.reconnectDelay = this.config.reconnectMinMs ?? 500;
            settled = true;
            this.log.info("SMPP bound", { host: this.config.host, port: this.config.port });
            resolve();
          },
        );
      });
      session.on("deliver_sm", (pdu: smpp.Pdu) => void this.onDeliverSm(session, pdu));
      session.on("enquire_link", (pdu: smpp.Pdu) => session.send(pdu.response()));
      session.on("unbind", (pdu: smpp.Pdu) => {
        session.send(pdu.response());
        session.close();
      });
      session.on("error", (error: Error) => {
        clearTimeout(connectTimer);
        fail(error);
        this.log.warn("SMPP session error", { err: error });
      });
      session.on("close", () => {
        clearTimeout(connectTimer);
        fail(new Error("SMPP connection closed"));
        this.onClosed(session);
      });
    });
  }

  private onClosed(session: smpp.Session): void {
    if (this.session !== session) return;
    const wasBound = this.bound;
    this.bound = false;
    this.session = null;
    for (const entry of this.pending) {
      clearTimeout(entry.timer);
      entry.resolve(networkFailure(new Error("SMPP connection closed before submit_sm_resp")));
    }
    this.pending.clear();
    if (this.closed) return;
    if (wasBound) this.log.warn("SMPP connection lost; reconnecting", { inMs: this.reconnectDelay });
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = setTimeout(() => {
      this.connect().catch((error: unknown) => this.log.warn("SMPP reconnect failed", { err: error, nextInMs: this.reconnectDelay }));
    }, this.reconnectDelay);
    this.reconnectTimer.unref();
    this.reconnectDelay = Math.min(this.reconnectDelay * 2, this.config.reconnectMaxMs ?? 30_000);
  }

  private async onDeliverSm(session: smpp.Session, pdu: smpp.Pdu): Promise<void> {
    const content = pdu.short_message as { message?: unknown } | string | undefined;
    const text = typeof content === "string" ? content : String(content?.message ?? "");
    try {
      if ((Number(pdu.esm_class) & 0x3c) === ESM_CLASS_RECEIPT) {
        const receipt = parseReceipt(text, typeof pdu.receipted_message_id === "string" ? pdu.receipted_message_id : undefined);
        if (receipt) await this.hooks.onReceipt?.(receipt);
        else this.log.warn("unreadable delivery receipt acknowledged");
      } else if (this.hooks.onInbound) {
        await this.hooks.onInbound({ from: `+${String(pdu.source_addr)}`, to: String(pdu.destination_addr), body: text });
      } else {
        this.log.info("inbound SMS acknowledged; no inbound handler configured");
      }
      session.send(pdu.response());
    } catch (error) {
      // Not durable yet: a temporary error makes the SMSC deliver it again later.
      this.log.warn("deliver_sm not stored; SMSC will retry", { err: error });
      session.send(pdu.response({ command_status: SMPP_STATUS.ESME_RX_T_APPN }));
    }
  }

  private async takeWindowSlot(): Promise<void> {
    const size = this.config.windowSize ?? 10;
    while (this.inFlight >= size) await new Promise<void>((resolve) => this.windowWaiters.push(resolve));
    this.inFlight++;
  }

  private releaseWindowSlot(): void {
    this.inFlight--;
    this.windowWaiters.shift()?.();
  }

  /** One request PDU answered by its response (submit_sm, query_sm): timeouts and a lost session become failures. */
  private request<R extends SendResult | DeliveryReportResult>(command: "submit_sm" | "query_sm", params: Record<string, unknown>, answer: (pdu: smpp.Pdu) => R): Promise<R | SendFailure> {
    const session = this.session;
    if (!session || !this.bound) return Promise.resolve(networkFailure(new Error("SMPP session not bound")));
    const timeoutMs = this.config.timeoutMs ?? 10_000;
    return new Promise<R | SendFailure>((resolve) => {
      const entry: Pending = {
        resolve,
        timer: setTimeout(() => {
          this.pending.delete(entry);
          resolve(timeoutFailure(timeoutMs));
        }, timeoutMs),
      };
      this.pending.add(entry);
      const written = (session[command] as (options: Record<string, unknown>, callback: (pdu: smpp.Pdu) => void) => boolean)(params, (pdu) => {
        if (!this.pending.delete(entry)) return;
        clearTimeout(entry.timer);
        if (pdu.command_status !== SMPP_STATUS.ESME_ROK) resolve(classifySmppStatus(pdu.command_status));
        else resolve(answer(pdu));
      });
      if (!written) {
        this.pending.delete(entry);
        clearTimeout(entry.timer);
        resolve(networkFailure(new Error("SMPP socket not writable")));
      }
    });
  }

  /**
   * Submits every part in order inside the window. The message's provider id is the first part's,
   * the only part that asks for a receipt.
   */
  async send(message: OutboundSms): Promise<SendResult> {
    if (!this.bound) {
      try {
        await this.connect();
      } catch (error) {
        return networkFailure(error);
      }
    }
    this.reference = (this.reference + 1) & 0xff;
    const parts = buildSubmitPdus(message, this.reference);
    let first: SendResult | null = null;
    for (const part of parts) {
      await this.takeWindowSlot();
      let result: SendResult;
      try {
        result = await this.request("submit_sm", part as unknown as Record<string, unknown>, (pdu) => ({ ok: true, providerMessageId: String(pdu.message_id) }));
      } finally {
        this.releaseWindowSlot();
      }
      if (!result.ok) return result;
      first ??= result;
    }
    return first ?? { ok: false, retryable: false, code: "smpp_empty_message", reason: "message has no text" };
  }

  /**
   * Asks the SMSC for a message's state (query_sm), for a receipt that never came: a final
   * `message_state` gives the outcome, ENROUTE/ACCEPTD/UNKNOWN give `outcome: null`.
   */
  async getDeliveryReport(providerMessageId: string): Promise<DeliveryReportResult> {
    if (!this.bound) {
      try {
        await this.connect();
      } catch (error) {
        return networkFailure(error);
      }
    }
    return this.request("query_sm", { message_id: providerMessageId, source_addr: "" }, (pdu): DeliveryReportResult => {
      const stat = MESSAGE_STATE_STATS[Number(pdu.message_state)] ?? "UNKNOWN";
      const outcome = mapReceiptStat(stat);
      const finalDate = pdu.final_date instanceof Date && !Number.isNaN(pdu.final_date.getTime()) ? pdu.final_date : null;
      return { ok: true, providerMessageId, description: stat, outcome, deliveredAt: outcome === "delivered" ? finalDate : null };
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnectTimer);
    const session = this.session;
    if (!session) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        session.destroy();
        resolve();
      }, 2_000);
      const done = () => {
        clearTimeout(timer);
        session.close(() => resolve());
      };
      if (this.bound) (session.unbind as (callback: () => void) => void)(done);
      else done();
    });
  }
}
