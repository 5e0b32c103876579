import http from "node:http";
import { type AddressInfo } from "node:net";
import { logger as rootLogger, type Logger } from "@/lib/logger";
import { CELCOM_RESPONSE_CODES, CELCOM_SUCCESS_CODE } from "@/lib/providers/celcom/codes";
import {
  applySimulatorConfigPatch,
  defaultSimulatorConfig,
  type SimulatorConfig,
  type SimulatorConfigPatch,
  type SimulatorFault,
  type SimulatorRule,
} from "@/lib/providers/celcom/simulator/config";
import {
  type DlrCounters,
  DlrDispatcher,
  type DlrJob,
  formatCelcomTimestamp,
} from "@/lib/providers/celcom/simulator/dlr-dispatcher";
import { originateInbound } from "@/lib/providers/celcom/simulator/inbound-originator";
import { createRandom, pickWeighted, uniformInt } from "@/lib/providers/celcom/simulator/random";

const MAX_BODY_BYTES = 5 * 1024 * 1024;
/**
 * Minimum spacing between two reports for one message whose order matters (SentToNetwork before
 * the final one, or deliberately after it), so they fall in different dispatch ticks.
 */
const DLR_ORDER_GAP_MS = 60;

export interface CelcomSimulatorOptions extends SimulatorConfigPatch {
  /** Interface to listen on; default 127.0.0.1. */
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  logger?: Logger;
}

export interface SimulatorStats extends DlrCounters {
  requests: number;
  sendRequests: number;
  /** Messages (mobile numbers) in send requests that got past outage and injected HTTP faults. */
  sendsReceived: number;
  accepted: number;
  /** Celcom response codes other than 200, per code. */
  rejectedByCode: Record<string, number>;
  httpErrorsInjected: number;
  timeoutsInjected: number;
  connectionsReset: number;
  outageRejected: number;
  balanceRequests: number;
  dlrPullRequests: number;
  dlrsPending: number;
  creditMinor: number;
  lastMessageId: number | null;
}

export interface CelcomSimulator {
  readonly url: string;
  readonly port: number;
  /** Snapshot of the configuration in force. */
  readonly config: SimulatorConfig;
  /** Snapshot of the counters. */
  readonly stats: SimulatorStats;
  /** Applies a partial configuration; throws with the validation issues if it is invalid. */
  updateConfig(patch: SimulatorConfigPatch): SimulatorConfig;
  /** Restores the startup configuration and clears counters, rule counts, pending DLRs and credit. Message ids keep increasing. */
  reset(): void;
  /** Resolves when no DLR is waiting or in flight. */
  whenDlrsIdle(): Promise<void>;
  close(): Promise<void>;
}

type Params = Record<string, unknown>;
type ReplyItem = Record<string, unknown>;

interface SendItem {
  mobile: string;
  message: unknown;
  shortcode: unknown;
  apikey: unknown;
  partnerID: unknown;
  clientsmsid?: unknown;
}

interface TrackedMessage {
  acceptedAt: number;
  description: string | null;
  final: boolean;
  occurredAt: number;
}

interface RequestFault {
  fault: Exclude<SimulatorFault, { code: number }>;
}

class SimulatorError extends Error {
  constructor(readonly issues: string[]) {
    super(`invalid simulator configuration: ${issues.join("; ")}`);
  }
}

function codeReply(code: number): ReplyItem {
  return {
    "response-code": code,
    "response-description": code === CELCOM_SUCCESS_CODE ? "Success" : (CELCOM_RESPONSE_CODES[code]?.description ?? "Error"),
  };
}

function asString(value: unknown): string {
  if (typeof value === "string") return value.trim();
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return "";
}

/** Kenyan numbers must be full mobiles (2547…/2541… or 07…/01…); other countries need 8–15 digits. */
function normalizeMobile(raw: string): string | null {
  const digits = raw.replace(/^\+/, "");
  if (!/^\d+$/.test(digits)) return null;
  if (digits.startsWith("254") || digits.startsWith("0")) {
    return /^(?:254|0)[17]\d{8}$/.test(digits) ? `254${digits.slice(digits.startsWith("0") ? 1 : 3)}` : null;
  }
  return digits.length >= 8 && digits.length <= 15 ? digits : null;
}

/** Celcom echoes mobiles as JSON numbers. */
function mobileForReply(raw: string): number | string {
  return /^\d{1,15}$/.test(raw) ? Number(raw) : raw;
}

function formatCredit(minor: number): string {
  const sign = minor < 0 ? "-" : "";
  const absolute = Math.abs(minor);
  return `${sign}${Math.floor(absolute / 100)}.${String(absolute % 100).padStart(2, "0")}`;
}

class SimulatorServer {
  readonly server: http.Server;
  private readonly initialConfig: SimulatorConfig;
  private current: SimulatorConfig;
  private random: () => number;
  private nextMessageId: number;
  private lastMessageId: number | null = null;
  private credit: number;
  private counters = SimulatorServer.emptyCounters();
  private readonly ruleUses = new Map<string, number>();
  private readonly tracked = new Map<number, TrackedMessage>();
  private readonly hanging = new Set<http.ServerResponse>();
  private readonly dispatcher: DlrDispatcher;

  constructor(config: SimulatorConfig, log: Logger) {
    this.initialConfig = config;
    this.current = config;
    this.random = createRandom(config.seed);
    this.nextMessageId = config.firstMessageId;
    this.credit = config.creditMinor;
    this.dispatcher = new DlrDispatcher(() => this.current, (job) => this.recordReport(job), log);
    this.server = http.createServer((req, res) => this.handle(req, res));
    // Longer than typical client pools keep idle sockets, so benchmark clients are not cut off.
    this.server.keepAliveTimeout = 65_000;
    this.server.headersTimeout = 66_000;
  }

  private static emptyCounters() {
    return {
      requests: 0,
      sendRequests: 0,
      sendsReceived: 0,
      accepted: 0,
      rejectedByCode: {} as Record<string, number>,
      httpErrorsInjected: 0,
      timeoutsInjected: 0,
      connectionsReset: 0,
      outageRejected: 0,
      balanceRequests: 0,
      dlrPullRequests: 0,
    };
  }

  get config(): SimulatorConfig {
    return structuredClone(this.current);
  }

  get stats(): SimulatorStats {
    return {
      ...this.counters,
      rejectedByCode: { ...this.counters.rejectedByCode },
      ...this.dispatcher.counters,
      dlrsPending: this.dispatcher.pending,
      creditMinor: this.credit,
      lastMessageId: this.lastMessageId,
    };
  }

  updateConfig(patch: unknown): SimulatorConfig {
    const update = applySimulatorConfigPatch(this.current, patch);
    if (!update.ok) throw new SimulatorError(update.issues);
    const previous = this.current;
    this.current = update.config;
    if (update.config.seed !== previous.seed) this.random = createRandom(update.config.seed);
    if (update.config.rules !== previous.rules) this.ruleUses.clear();
    if (update.config.creditMinor !== previous.creditMinor) this.credit = update.config.creditMinor;
    return this.config;
  }

  reset(): void {
    this.current = this.initialConfig;
    this.random = createRandom(this.initialConfig.seed);
    this.credit = this.initialConfig.creditMinor;
    this.counters = SimulatorServer.emptyCounters();
    this.ruleUses.clear();
    this.tracked.clear();
    this.dispatcher.reset();
  }

  whenDlrsIdle(): Promise<void> {
    return this.dispatcher.whenIdle();
  }

  close(): Promise<void> {
    this.dispatcher.close();
    for (const response of this.hanging) response.destroy();
    this.hanging.clear();
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const url = new URL(req.url ?? "/", "http://simulator.local");
    const path = url.pathname.replace(/\/+$/, "") || "/";
    if (path.startsWith("/admin/")) {
      void this.handleAdmin(req, res, path);
      return;
    }
    this.counters.requests += 1;
    const config = this.current;
    if (config.outage === "reset") {
      this.counters.connectionsReset += 1;
      req.socket.destroy();
      return;
    }
    if (config.outage === "503") {
      this.counters.outageRejected += 1;
      req.resume();
      this.sendText(res, 503, "Service Unavailable");
      return;
    }
    void this.handleApi(req, res, path, url.searchParams);
  }

  private async handleApi(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    path: string,
    query: URLSearchParams,
  ): Promise<void> {
    const params = await this.readParams(req, query);
    if (params === null) {
      this.reply(res, 400, codeReply(1010));
      return;
    }
    const isPost = req.method === "POST";
    switch (path) {
      case "/api/services/sendsms":
        if (!isPost && req.method !== "GET") return this.reply(res, 405, codeReply(1010));
        return this.handleSend(req, res, params, false);
      case "/api/services/sendbulk":
        if (!isPost) return this.reply(res, 405, codeReply(1010));
        return this.handleSend(req, res, params, true);
      case "/api/services/getbalance":
        return this.handleBalance(res, params);
      case "/api/services/getdlr":
        return this.handleDeliveryReportPull(res, params);
      default:
        this.sendText(res, 404, "Not Found");
    }
  }

  /** JSON body, form body, or query string (Celcom accepts GET with the same fields). */
  private async readParams(req: http.IncomingMessage, query: URLSearchParams): Promise<Params | null> {
    const text = await this.readBody(req);
    if (text === null) return null;
    const fromQuery = Object.fromEntries(query.entries());
    if (text.trim() === "") return fromQuery;
    const contentType = req.headers["content-type"] ?? "";
    if (contentType.includes("application/x-www-form-urlencoded")) {
      return { ...fromQuery, ...Object.fromEntries(new URLSearchParams(text).entries()) };
    }
    try {
      const decoded: unknown = JSON.parse(text);
      return typeof decoded === "object" && decoded !== null && !Array.isArray(decoded)
        ? { ...fromQuery, ...(decoded as Params) }
        : null;
    } catch {
      return null;
    }
  }

  private readBody(req: http.IncomingMessage): Promise<string | null> {
    return new Promise((resolve) => {
      const chunks: Buffer[] = [];
      let size = 0;
      req.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY_BYTES) {
          resolve(null);
          req.destroy();
          return;
        }
        chunks.push(chunk);
      });
      req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
      req.on("error", () => resolve(null));
    });
  }

  private credentialFailure(apikey: unknown, partnerID: unknown): number | null {
    const key = asString(apikey);
    const partner = asString(partnerID);
    if (partner === "") return 4091;
    if (key === "") return 4092;
    return key === this.current.apiKey && partner === this.current.partnerId ? null : 1006;
  }

  private ruleFor(mobileDigits: string): SimulatorRule | undefined {
    return this.current.rules.find((rule) => mobileDigits.endsWith(rule.mobileSuffix));
  }

  /** Whether this send to `mobile` gets the rule's fault; counts it against `failTimes`. */
  private takeRuleFault(rule: SimulatorRule, mobile: string): boolean {
    if (!rule.fail) return false;
    if (rule.failTimes === undefined) return true;
    const key = `${this.current.rules.indexOf(rule)}:${mobile}`;
    const used = this.ruleUses.get(key) ?? 0;
    if (used >= rule.failTimes) return false;
    this.ruleUses.set(key, used + 1);
    return true;
  }

  private countRejection(code: number): void {
    this.counters.rejectedByCode[code] = (this.counters.rejectedByCode[code] ?? 0) + 1;
  }

  private handleSend(req: http.IncomingMessage, res: http.ServerResponse, params: Params, bulk: boolean): void {
    this.counters.sendRequests += 1;
    let items: SendItem[];
    if (bulk) {
      if (!Array.isArray(params.smslist)) return this.rejectWhole(res, 1010);
      items = params.smslist.map((entry: unknown) => {
        const fields = (typeof entry === "object" && entry !== null ? entry : {}) as Params;
        return {
          mobile: asString(fields.mobile),
          message: fields.message,
          shortcode: fields.shortcode,
          apikey: fields.apikey,
          partnerID: fields.partnerID,
          clientsmsid: fields.clientsmsid,
        };
      });
    } else {
      const credentialCode = this.credentialFailure(params.apikey, params.partnerID);
      if (credentialCode !== null) return this.rejectWhole(res, credentialCode);
      const mobiles = asString(params.mobile).split(",").map((mobile) => mobile.trim()).filter(Boolean);
      if (mobiles.length === 0) return this.rejectWhole(res, 1003);
      items = mobiles.map((mobile) => ({
        mobile,
        message: params.message,
        shortcode: params.shortcode,
        apikey: params.apikey,
        partnerID: params.partnerID,
      }));
    }

    const rules = items.map((item) => this.ruleFor(item.mobile.replace(/^\+/, "")));
    const requestFault = this.requestFault(items, rules);
    if (requestFault) return this.applyRequestFault(req, res, requestFault);

    this.counters.sendsReceived += items.length;
    const responses = items.map((item, index) => this.processItem(item, rules[index], bulk));
    this.reply(res, 200, { responses });
  }

  private rejectWhole(res: http.ServerResponse, code: number): void {
    this.countRejection(code);
    this.reply(res, 200, codeReply(code));
  }

  /** An HTTP-level fault for the whole request: from a matching rule, else from the random knobs. */
  private requestFault(items: SendItem[], rules: (SimulatorRule | undefined)[]): RequestFault | null {
    for (let index = 0; index < items.length; index += 1) {
      const rule = rules[index];
      if (rule?.fail && !("code" in rule.fail) && this.takeRuleFault(rule, items[index].mobile)) {
        return { fault: rule.fail };
      }
    }
    if (rules.some((rule) => rule !== undefined)) return null;
    const config = this.current;
    if (config.http500Probability > 0 && this.random() < config.http500Probability) return { fault: { http: 500 } };
    if (config.timeoutProbability > 0 && this.random() < config.timeoutProbability) return { fault: { timeout: true } };
    return null;
  }

  private applyRequestFault(req: http.IncomingMessage, res: http.ServerResponse, { fault }: RequestFault): void {
    if ("http" in fault) {
      this.counters.httpErrorsInjected += 1;
      this.sendText(res, fault.http, http.STATUS_CODES[fault.http] ?? "Error");
    } else if ("reset" in fault) {
      this.counters.connectionsReset += 1;
      req.socket.destroy();
    } else {
      this.counters.timeoutsInjected += 1;
      this.hang(res);
    }
  }

  /** Holds the request open until the client gives up (or `timeoutHangMs`, whichever first). */
  private hang(res: http.ServerResponse): void {
    this.hanging.add(res);
    const limit = setTimeout(() => res.destroy(), this.current.timeoutHangMs);
    res.on("close", () => {
      clearTimeout(limit);
      this.hanging.delete(res);
    });
  }

  private processItem(item: SendItem, rule: SimulatorRule | undefined, bulk: boolean): ReplyItem {
    const code = this.itemRejection(item, rule, bulk);
    const echo: ReplyItem = { mobile: mobileForReply(normalizeMobile(item.mobile) ?? item.mobile) };
    if (bulk) echo.clientsmsid = item.clientsmsid ?? null;
    if (code !== null) {
      this.countRejection(code);
      return { ...codeReply(code), ...echo };
    }
    const messageId = this.nextMessageId;
    this.nextMessageId += 1;
    this.lastMessageId = messageId;
    this.credit -= this.current.smsCostMinor;
    this.counters.accepted += 1;
    this.scheduleReports(messageId, rule);
    return { ...codeReply(CELCOM_SUCCESS_CODE), ...echo, messageid: messageId, networkid: "1" };
  }

  private itemRejection(item: SendItem, rule: SimulatorRule | undefined, bulk: boolean): number | null {
    const config = this.current;
    if (bulk) {
      const credentialCode = this.credentialFailure(item.apikey, item.partnerID);
      if (credentialCode !== null) return credentialCode;
    }
    if (normalizeMobile(item.mobile) === null) return 1003;
    const shortcode = asString(item.shortcode);
    if (shortcode === "" || (config.allowedShortcodes !== null && !config.allowedShortcodes.includes(shortcode))) {
      return 1001;
    }
    if (typeof item.message !== "string" || item.message === "") return 1010;
    if (rule) {
      if (rule.fail && "code" in rule.fail && this.takeRuleFault(rule, item.mobile)) return rule.fail.code;
    } else if (config.errorCodeProbability > 0 && this.random() < config.errorCodeProbability) {
      return config.errorCode;
    }
    if (this.credit < config.smsCostMinor) return 1004;
    return null;
  }

  private scheduleReports(messageId: number, rule: SimulatorRule | undefined): void {
    const config = this.current;
    const now = Date.now();
    this.track(messageId, now);
    const description = rule?.dlr ?? pickWeighted(config.outcomes, this.random);
    const latency = rule?.dlrLatencyMs ?? uniformInt(config.dlrLatencyMinMs, config.dlrLatencyMaxMs, this.random);
    const outOfOrder = rule ? rule.outOfOrder === true : config.outOfOrderProbability > 0 && this.random() < config.outOfOrderProbability;
    const duplicate = rule ? rule.duplicateDlr === true : config.duplicateDlrProbability > 0 && this.random() < config.duplicateDlrProbability;
    const intermediate = config.sentToNetwork || outOfOrder;
    const finalDue = now + (intermediate && !outOfOrder ? Math.max(latency, DLR_ORDER_GAP_MS) : latency);
    const job = (final: boolean, text: string): DlrJob => ({
      messageId,
      description: text,
      acceptedAt: now,
      final,
      occurredAt: now,
      attempts: 0,
    });
    if (intermediate) {
      this.dispatcher.schedule(job(false, "SentToNetwork"), outOfOrder ? finalDue + DLR_ORDER_GAP_MS : now);
    }
    this.dispatcher.schedule(job(true, description), finalDue);
    if (duplicate) {
      const spread = rule ? 0 : uniformInt(0, config.dlrLatencyMaxMs - config.dlrLatencyMinMs, this.random);
      this.dispatcher.schedule(job(true, description), finalDue + DLR_ORDER_GAP_MS + spread);
    }
  }

  private track(messageId: number, acceptedAt: number): void {
    if (this.tracked.size >= this.current.maxTrackedMessages) {
      const oldest = this.tracked.keys().next();
      if (!oldest.done) this.tracked.delete(oldest.value);
    }
    this.tracked.set(messageId, { acceptedAt, description: null, final: false, occurredAt: acceptedAt });
  }

  /** Keeps what `getdlr` reports in step with the pushed DLRs; a stale intermediate never overrides a final one. */
  private recordReport(job: DlrJob): void {
    const record = this.tracked.get(job.messageId);
    if (!record || (record.final && !job.final)) return;
    record.description = job.description;
    record.final = job.final;
    record.occurredAt = job.occurredAt;
  }

  private handleBalance(res: http.ServerResponse, params: Params): void {
    this.counters.balanceRequests += 1;
    const credentialCode = this.credentialFailure(params.apikey, params.partnerID);
    if (credentialCode !== null) return this.rejectWhole(res, credentialCode);
    this.reply(res, 200, { ...codeReply(CELCOM_SUCCESS_CODE), credit: formatCredit(this.credit), "partner-id": this.current.partnerId });
  }

  /** Unknown ids get 1009; known messages without any report yet get 1008. */
  private handleDeliveryReportPull(res: http.ServerResponse, params: Params): void {
    this.counters.dlrPullRequests += 1;
    const credentialCode = this.credentialFailure(params.apikey, params.partnerID);
    if (credentialCode !== null) return this.rejectWhole(res, credentialCode);
    const messageId = asString(params.messageID);
    const record = /^\d+$/.test(messageId) ? this.tracked.get(Number(messageId)) : undefined;
    if (!record) return this.rejectWhole(res, 1009);
    if (record.description === null) return this.rejectWhole(res, 1008);
    this.reply(res, 200, {
      ...codeReply(CELCOM_SUCCESS_CODE),
      "message-id": messageId,
      "delivery-status": record.final ? "final" : "pending",
      "delivery-description": record.description,
      "delivery-tat": `${Math.max(0, Math.round((record.occurredAt - record.acceptedAt) / 1000))}s`,
      "delivery-networkid": 1,
      "delivery-time": formatCelcomTimestamp(record.occurredAt),
    });
  }

  private async handleAdmin(req: http.IncomingMessage, res: http.ServerResponse, path: string): Promise<void> {
    const route = `${req.method} ${path}`;
    if (route === "GET /admin/config") return this.sendJson(res, 200, this.config);
    if (route === "GET /admin/stats") return this.sendJson(res, 200, this.stats);
    if (route === "POST /admin/reset") {
      req.resume();
      this.reset();
      return this.sendJson(res, 200, { ok: true });
    }
    if (route === "POST /admin/inbound") {
      const reply = await originateInbound(this.current, await this.readBody(req), () => this.nextMessageId++);
      return this.sendJson(res, reply.status, reply.body);
    }
    if (route === "POST /admin/config") {
      const text = await this.readBody(req);
      let patch: unknown;
      try {
        patch = JSON.parse(text ?? "");
      } catch {
        return this.sendJson(res, 400, { error: { code: "invalid_json", message: "body must be a JSON object", details: [] } });
      }
      try {
        return this.sendJson(res, 200, this.updateConfig(patch));
      } catch (error) {
        const issues = error instanceof SimulatorError ? error.issues : [String(error)];
        return this.sendJson(res, 400, { error: { code: "validation_failed", message: "invalid configuration", details: issues } });
      }
    }
    req.resume();
    this.sendJson(res, 404, { error: { code: "not_found", message: `no admin route ${route}`, details: [] } });
  }

  /** A Celcom API reply, delayed by `sendLatencyMs` when configured. */
  private reply(res: http.ServerResponse, status: number, body: unknown): void {
    const latency = this.current.sendLatencyMs;
    if (latency > 0) setTimeout(() => this.sendJson(res, status, body), latency);
    else this.sendJson(res, status, body);
  }

  private sendJson(res: http.ServerResponse, status: number, body: unknown): void {
    if (res.destroyed || res.writableEnded) return;
    const text = JSON.stringify(body);
    res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
    res.end(text);
  }

  private sendText(res: http.ServerResponse, status: number, text: string): void {
    if (res.destroyed || res.writableEnded) return;
    res.writeHead(status, { "content-type": "text/plain", "content-length": Buffer.byteLength(text) });
    res.end(text);
  }
}

/**
 * Starts a Celcom-compatible HTTP server (see docs/providers.md). Options are the configuration
 * knobs plus `host`/`port`; port 0 picks a free one, which is what tests use.
 */
export async function createCelcomSimulator(options: CelcomSimulatorOptions = {}): Promise<CelcomSimulator> {
  const { host = "127.0.0.1", port = 0, logger, ...patch } = options;
  const initial = applySimulatorConfigPatch(defaultSimulatorConfig(), patch);
  if (!initial.ok) throw new SimulatorError(initial.issues);
  const simulator = new SimulatorServer(initial.config, (logger ?? rootLogger).child({ component: "celcom-simulator" }));
  await new Promise<void>((resolve, reject) => {
    simulator.server.once("error", reject);
    simulator.server.listen(port, host, () => {
      simulator.server.off("error", reject);
      resolve();
    });
  });
  const address = simulator.server.address() as AddressInfo;
  const wildcard = address.address === "0.0.0.0" || address.address === "::";
  const urlHost = wildcard ? "127.0.0.1" : address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    url: `http://${urlHost}:${address.port}`,
    port: address.port,
    get config() {
      return simulator.config;
    },
    get stats() {
      return simulator.stats;
    },
    updateConfig: (update) => simulator.updateConfig(update),
    reset: () => simulator.reset(),
    whenDlrsIdle: () => simulator.whenDlrsIdle(),
    close: () => simulator.close(),
  };
}
