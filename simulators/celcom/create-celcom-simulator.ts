import http from "node:http";
import { type AddressInfo } from "node:net";
import { logger as rootLogger, type Logger } from "@/lib/logger";
import { CELCOM_SUCCESS_CODE } from "@/lib/providers/celcom/codes";
import {
  applySimulatorConfigPatch,
  defaultSimulatorConfig,
  type SimulatorConfig,
  type SimulatorConfigPatch,
} from "@/simulators/celcom/config";
import { formatCelcomTimestamp } from "@/simulators/celcom/dlr-dispatcher";
import {
  type RequestFault,
  type SendItem,
  SimulatorError,
  SimulatorState,
  type SimulatorStats,
} from "@/simulators/celcom/simulator-state";
import { originateInbound } from "@/simulators/celcom/inbound-originator";
import { asString, codeReply, formatCredit, type Params, readBody, readParams, sendJson, sendText } from "@/simulators/celcom/wire";

export type { SimulatorStats } from "@/simulators/celcom/simulator-state";

export interface CelcomSimulatorOptions extends SimulatorConfigPatch {
  /** Interface to listen on; default 127.0.0.1. */
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  logger?: Logger;
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

/** The HTTP side: Celcom's API routes, injected faults and outages, and the /admin routes. */
class SimulatorServer {
  readonly server: http.Server;
  readonly state: SimulatorState;
  private readonly hanging = new Set<http.ServerResponse>();

  constructor(config: SimulatorConfig, log: Logger) {
    this.state = new SimulatorState(config, log);
    this.server = http.createServer((req, res) => this.handle(req, res));
    // Longer than typical client pools keep idle sockets, so benchmark clients are not cut off.
    this.server.keepAliveTimeout = 65_000;
    this.server.headersTimeout = 66_000;
  }

  close(): Promise<void> {
    this.state.close();
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
    const { counters, current } = this.state;
    counters.requests += 1;
    if (current.outage === "reset") {
      counters.connectionsReset += 1;
      req.socket.destroy();
      return;
    }
    if (current.outage === "503") {
      counters.outageRejected += 1;
      req.resume();
      sendText(res, 503, "Service Unavailable");
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
    const params = await readParams(req, query);
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
        sendText(res, 404, "Not Found");
    }
  }

  private handleSend(req: http.IncomingMessage, res: http.ServerResponse, params: Params, bulk: boolean): void {
    this.state.counters.sendRequests += 1;
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
      const credentialCode = this.state.credentialFailure(params.apikey, params.partnerID);
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

    const rules = items.map((item) => this.state.ruleFor(item.mobile.replace(/^\+/, "")));
    const requestFault = this.state.requestFault(items, rules);
    if (requestFault) return this.applyRequestFault(req, res, requestFault);

    this.state.counters.sendsReceived += items.length;
    const responses = items.map((item, index) => this.state.processItem(item, rules[index], bulk));
    this.reply(res, 200, { responses });
  }

  private rejectWhole(res: http.ServerResponse, code: number): void {
    this.state.countRejection(code);
    this.reply(res, 200, codeReply(code));
  }

  private applyRequestFault(req: http.IncomingMessage, res: http.ServerResponse, { fault }: RequestFault): void {
    const { counters } = this.state;
    if ("http" in fault) {
      counters.httpErrorsInjected += 1;
      sendText(res, fault.http, http.STATUS_CODES[fault.http] ?? "Error");
    } else if ("reset" in fault) {
      counters.connectionsReset += 1;
      req.socket.destroy();
    } else {
      counters.timeoutsInjected += 1;
      this.hang(res);
    }
  }

  /** Holds the request open until the client gives up (or `timeoutHangMs`, whichever first). */
  private hang(res: http.ServerResponse): void {
    this.hanging.add(res);
    const limit = setTimeout(() => res.destroy(), this.state.current.timeoutHangMs);
    res.on("close", () => {
      clearTimeout(limit);
      this.hanging.delete(res);
    });
  }

  private handleBalance(res: http.ServerResponse, params: Params): void {
    this.state.counters.balanceRequests += 1;
    const credentialCode = this.state.credentialFailure(params.apikey, params.partnerID);
    if (credentialCode !== null) return this.rejectWhole(res, credentialCode);
    this.reply(res, 200, { ...codeReply(CELCOM_SUCCESS_CODE), credit: formatCredit(this.state.creditMinor), "partner-id": this.state.current.partnerId });
  }

  /** Unknown ids get 1009; known messages without any report yet get 1008. */
  private handleDeliveryReportPull(res: http.ServerResponse, params: Params): void {
    this.state.counters.dlrPullRequests += 1;
    const credentialCode = this.state.credentialFailure(params.apikey, params.partnerID);
    if (credentialCode !== null) return this.rejectWhole(res, credentialCode);
    const messageId = asString(params.messageID);
    const record = /^\d+$/.test(messageId) ? this.state.deliveryReport(Number(messageId)) : undefined;
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
    if (route === "GET /admin/config") return sendJson(res, 200, this.state.config);
    if (route === "GET /admin/stats") return sendJson(res, 200, this.state.stats);
    if (route === "GET /admin/duplicates") return sendJson(res, 200, this.state.duplicates());
    if (route === "POST /admin/reset") {
      req.resume();
      this.state.reset();
      return sendJson(res, 200, { ok: true });
    }
    if (route === "POST /admin/inbound") {
      const reply = await originateInbound(this.state.current, await readBody(req), () => this.state.takeMessageId());
      return sendJson(res, reply.status, reply.body);
    }
    if (route === "POST /admin/config") {
      const text = await readBody(req);
      let patch: unknown;
      try {
        patch = JSON.parse(text ?? "");
      } catch {
        return sendJson(res, 400, { error: { code: "invalid_json", message: "body must be a JSON object", details: [] } });
      }
      try {
        return sendJson(res, 200, this.state.updateConfig(patch));
      } catch (error) {
        const issues = error instanceof SimulatorError ? error.issues : [String(error)];
        return sendJson(res, 400, { error: { code: "validation_failed", message: "invalid configuration", details: issues } });
      }
    }
    req.resume();
    sendJson(res, 404, { error: { code: "not_found", message: `no admin route ${route}`, details: [] } });
  }

  /** A Celcom API reply, delayed by `sendLatencyMs` when configured. */
  private reply(res: http.ServerResponse, status: number, body: unknown): void {
    const latency = this.state.current.sendLatencyMs;
    if (latency > 0) setTimeout(() => sendJson(res, status, body), latency);
    else sendJson(res, status, body);
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
  const { state } = simulator;
  return {
    url: `http://${urlHost}:${address.port}`,
    port: address.port,
    get config() {
      return state.config;
    },
    get stats() {
      return state.stats;
    },
    updateConfig: (update) => state.updateConfig(update),
    reset: () => state.reset(),
    whenDlrsIdle: () => state.whenDlrsIdle(),
    close: () => simulator.close(),
  };
}
