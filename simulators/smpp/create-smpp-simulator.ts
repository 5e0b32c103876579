import { createServer as createHttpServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import * as smpp from "smpp";
import { ZodError } from "zod";
import { logger as rootLogger, type Logger } from "@/lib/logger";
import { formatReceipt } from "@/lib/providers/smpp/pdu";
import { defaultSmppConfig, mergeSmppConfig, type SmppSimulatorConfig } from "@/simulators/smpp/config";
import { emptyStats, SmscState, type SmppStats } from "@/simulators/smpp/smsc-state";

export interface SmppSimulatorOptions extends Partial<SmppSimulatorConfig> {
  host?: string;
  /** SMPP port; 0 picks a free one. */
  port?: number;
  /** Admin HTTP port; 0 picks a free one, null runs no admin server. */
  adminPort?: number | null;
  logger?: Logger;
}

export interface SmppSimulator {
  readonly port: number;
  readonly adminUrl: string | null;
  readonly config: SmppSimulatorConfig;
  readonly stats: SmppStats;
  updateConfig(patch: unknown): SmppSimulatorConfig;
  reset(): void;
  /** Sends a mobile-originated SMS to a bound session. */
  sendMo(message: { from: string; to: string; body: string }): boolean;
  /** Every receipt scheduled so far has been sent (or there is no session to send it to). */
  whenReceiptsIdle(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

interface PendingReceipt {
  id: string;
  source: string;
  destination: string;
  stat: string;
  submittedAt: Date;
  dueAt: number;
}

const STATE_OF_STAT: Record<string, number> = { DELIVRD: 2, EXPIRED: 3, DELETED: 4, UNDELIV: 5, ACCEPTD: 6, UNKNOWN: 7, REJECTD: 8 };
/** Messages remembered for query_sm (the oldest are forgotten first). */
const MAX_TRACKED_MESSAGES = 200_000;
const ESME_RQUERYFAIL = 0x67;

/**
 * An SMSC for development and tests, on the `smpp` package's server side: transceiver binds,
 * submit_sm answered per the knobs (outage, throttling, per-number rules, random errors, latency),
 * delivery receipts as deliver_sm (kept for query_sm even while `dlrEnabled` is off, as Celcom's
 * simulator keeps them for getdlr), enquire_link, MO messages, and the same admin HTTP API as the
 * Celcom simulator.
 */
export async function createSmppSimulator(options: SmppSimulatorOptions = {}): Promise<SmppSimulator> {
  const { host = "127.0.0.1", port = 0, adminPort = 0, logger = rootLogger.child({ component: "smpp-simulator" }), ...knobs } = options;
  const startup = mergeSmppConfig(defaultSmppConfig(), knobs);
  const state = new SmscState(startup);
  let stats = emptyStats();
  const sessions = new Set<smpp.Session>();
  const bound = new Set<smpp.Session>();
  const sockets = new Set<Socket>();
  let pending: PendingReceipt[] = [];
  // What query_sm answers: each accepted message's final stat and when it falls due.
  let tracked = new Map<string, { stat: string; dueAt: number }>();
  let nextId = Date.now() * 100;

  const dropAll = () => {
    for (const session of sessions) session.destroy();
  };

  const sendReceipt = (receipt: PendingReceipt): boolean => {
    const session = bound.values().next().value as smpp.Session | undefined;
    if (!session) return false;
    const text = formatReceipt({ id: receipt.id, stat: receipt.stat, submittedAt: receipt.submittedAt, doneAt: new Date() });
    const sent = (session.deliver_sm as (options: Record<string, unknown>, callback: (pdu: smpp.Pdu) => void) => boolean)(
      {
        source_addr: receipt.destination,
        destination_addr: receipt.source,
        esm_class: 0x04,
        short_message: text,
        receipted_message_id: receipt.id,
        message_state: STATE_OF_STAT[receipt.stat] ?? 7,
      },
      (pdu) => {
        if (pdu.command_status === 0) stats.receiptsAcked++;
        else pending.push({ ...receipt, dueAt: Date.now() + 500 });
      },
    );
    if (sent) stats.receiptsSent++;
    return sent;
  };

  const drain = setInterval(() => {
    if (!state.config.dlrEnabled || pending.length === 0) return;
    const now = Date.now();
    const due = pending.filter((receipt) => receipt.dueAt <= now);
    if (due.length === 0) return;
    pending = pending.filter((receipt) => receipt.dueAt > now);
    for (const receipt of due) if (!sendReceipt(receipt)) pending.push(receipt);
    stats.receiptsPending = pending.length;
  }, 20);
  drain.unref();

  const onSubmit = (session: smpp.Session, pdu: smpp.Pdu) => {
    stats.submits++;
    const destination = String(pdu.destination_addr ?? "");
    const decision = state.decide(destination);
    if (decision.kind === "drop") {
      stats.connectionsReset++;
      session.destroy();
      return;
    }
    const answer = () => {
      if (decision.kind === "reject") {
        stats.rejectedByStatus[`0x${decision.status.toString(16)}`] = (stats.rejectedByStatus[`0x${decision.status.toString(16)}`] ?? 0) + 1;
        if (decision.status === 0x58) stats.throttled++;
        if (state.config.outage === "error") stats.outageRejected++;
        session.send(pdu.response({ command_status: decision.status }));
        return;
      }
      const id = (nextId++).toString(16);
      stats.accepted++;
      tracked.set(id, { stat: decision.stat, dueAt: Date.now() + decision.dlrLatencyMs });
      if (tracked.size > MAX_TRACKED_MESSAGES) tracked.delete(tracked.keys().next().value as string);
      session.send(pdu.response({ message_id: id }));
      if (Number(pdu.registered_delivery ?? 0) & 0x01) {
        stats.receiptsScheduled++;
        pending.push({ id, source: String(pdu.source_addr ?? ""), destination, stat: decision.stat, submittedAt: new Date(), dueAt: Date.now() + decision.dlrLatencyMs });
        stats.receiptsPending = pending.length;
      }
    };
    if (state.config.submitLatencyMs > 0) setTimeout(answer, state.config.submitLatencyMs);
    else answer();
  };

  const server = smpp.createServer({}, (session) => {
    sessions.add(session);
    sockets.add(session.socket);
    stats.sessions++;
    session.on("bind_transceiver", (pdu: smpp.Pdu) => {
      if (state.config.outage === "reset") {
        stats.connectionsReset++;
        session.destroy();
        return;
      }
      if (pdu.system_id !== state.config.systemId || pdu.password !== state.config.password) {
        stats.bindsRefused++;
        session.send(pdu.response({ command_status: 0x0e }));
        return;
      }
      stats.binds++;
      bound.add(session);
      session.send(pdu.response({ system_id: "SEMASIM" }));
    });
    session.on("submit_sm", (pdu: smpp.Pdu) => {
      if (!bound.has(session)) {
        session.send(pdu.response({ command_status: 0x04 }));
        return;
      }
      onSubmit(session, pdu);
    });
    session.on("query_sm", (pdu: smpp.Pdu) => {
      stats.queries++;
      const known = tracked.get(String(pdu.message_id ?? ""));
      if (!bound.has(session) || !known) {
        session.send(pdu.response({ command_status: bound.has(session) ? ESME_RQUERYFAIL : 0x04 }));
        return;
      }
      const due = known.dueAt <= Date.now();
      session.send(pdu.response({ message_id: pdu.message_id, final_date: due ? new Date(known.dueAt) : "", message_state: due ? (STATE_OF_STAT[known.stat] ?? 7) : 1, error_code: 0 }));
    });
    session.on("enquire_link", (pdu: smpp.Pdu) => {
      stats.enquireLinks++;
      session.send(pdu.response());
    });
    session.on("unbind", (pdu: smpp.Pdu) => {
      bound.delete(session);
      session.send(pdu.response());
      session.close();
    });
    session.on("error", (error: Error) => logger.debug("SMPP session error", { err: error }));
    session.on("close", () => {
      sessions.delete(session);
      bound.delete(session);
      sockets.delete(session.socket);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const smppPort = (server.address() as AddressInfo).port;

  const simulator: SmppSimulator = {
    port: smppPort,
    adminUrl: null,
    get config() {
      return state.config;
    },
    get stats() {
      return { ...stats, rejectedByStatus: { ...stats.rejectedByStatus }, receiptsPending: pending.length };
    },
    updateConfig(patch) {
      const next = mergeSmppConfig(state.config, patch);
      const rulesChanged = JSON.stringify(next.rules) !== JSON.stringify(state.config.rules);
      state.configure(next, rulesChanged);
      if (next.outage === "reset") dropAll();
      return next;
    },
    reset() {
      state.reset(startup);
      stats = emptyStats();
      pending = [];
      tracked = new Map();
    },
    sendMo(message) {
      const session = bound.values().next().value as smpp.Session | undefined;
      if (!session) return false;
      stats.moSent++;
      return (session.deliver_sm as (options: Record<string, unknown>) => boolean)({
        source_addr: message.from.replace(/^\+/, ""),
        destination_addr: message.to,
        esm_class: 0,
        short_message: message.body,
      });
    },
    async whenReceiptsIdle(timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (pending.length > 0 && bound.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    },
    async close() {
      clearInterval(drain);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        dropAll();
        for (const socket of sockets) socket.destroy();
      });
      await admin?.close();
    },
  };

  const admin = adminPort === null ? null : await startAdmin(simulator, host, adminPort);
  if (admin) Object.defineProperty(simulator, "adminUrl", { value: admin.url });
  return simulator;
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  return text.trim() === "" ? {} : JSON.parse(text);
}

function reply(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}

/** The admin API, the same routes as the Celcom simulator's, plus POST /admin/mo. */
async function startAdmin(simulator: SmppSimulator, host: string, port: number): Promise<{ url: string; close(): Promise<void> }> {
  const server: HttpServer = createHttpServer((request, response) => {
    const path = (request.url ?? "/").split("?")[0].replace(/\/+$/, "");
    void (async () => {
      try {
        if (path === "/admin/config" && request.method === "GET") return reply(response, 200, simulator.config);
        if (path === "/admin/config" && request.method === "POST") return reply(response, 200, simulator.updateConfig(await readJson(request)));
        if (path === "/admin/stats" && request.method === "GET") return reply(response, 200, simulator.stats);
        if (path === "/admin/reset" && request.method === "POST") {
          simulator.reset();
          return reply(response, 200, { reset: true });
        }
        // POST /admin/inbound { from, to, message } as on the Celcom simulator; /admin/mo takes `body` instead of `message`.
        if ((path === "/admin/mo" || path === "/admin/inbound") && request.method === "POST") {
          const input = (await readJson(request)) as { from?: string; to?: string; body?: string; message?: string };
          const text = input.message ?? input.body;
          if (!input.from || !input.to || !text) return reply(response, 400, { error: { code: "validation_failed", message: "from, to and message are required" } });
          return reply(response, simulator.sendMo({ from: input.from, to: input.to, body: text }) ? 200 : 409, {});
        }
        return reply(response, 404, { error: { code: "not_found", message: "no such admin route" } });
      } catch (error) {
        if (error instanceof ZodError) {
          return reply(response, 400, { error: { code: "validation_failed", message: "invalid configuration", details: error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })) } });
        }
        return reply(response, 400, { error: { code: "bad_request", message: error instanceof Error ? error.message : "bad request" } });
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host}:${address.port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
