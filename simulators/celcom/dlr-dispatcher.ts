import http from "node:http";
import https from "node:https";
import { type Logger } from "@/lib/logger";
import { type SimulatorConfig } from "@/simulators/celcom/config";

const TICK_MS = 20;
const MAX_RETRY_DELAY_MS = 30_000;
const EAT_OFFSET_MS = 3 * 60 * 60_000;

export interface DlrJob {
  messageId: number;
  description: string;
  acceptedAt: number;
  /** False for intermediate reports (SentToNetwork) that do not settle the message. */
  final: boolean;
  /** Set when the report first falls due, so retries and duplicates carry the same timestamp. */
  occurredAt: number;
  attempts: number;
}

export interface DlrCounters {
  dlrsScheduled: number;
  dlrsPosted: number;
  dlrPostErrors: number;
  dlrsFailed: number;
  dlrsDropped: number;
  dlrsSuppressed: number;
}

export interface CelcomDlrBody {
  description: string;
  messageid: string;
  timeTaken: string;
  timestamp: string;
}

/** Celcom's timestamp format, in Kenyan time: "2025-09-12 10:16:10". */
export function formatCelcomTimestamp(epochMs: number): string {
  return new Date(epochMs + EAT_OFFSET_MS).toISOString().slice(0, 19).replace("T", " ");
}

export function toCelcomDlrBody(job: DlrJob): CelcomDlrBody {
  return {
    description: job.description,
    messageid: String(job.messageId),
    timeTaken: `${Math.max(0, Math.round((job.occurredAt - job.acceptedAt) / 1000))}s`,
    timestamp: formatCelcomTimestamp(job.occurredAt),
  };
}

/**
 * Holds DLRs until they fall due and POSTs them to the callback URL. Jobs sit in buckets of
 * TICK_MS keyed by due time and one interval drains the buckets that are due, so a million
 * pending reports cost no timers. Posting runs with bounded concurrency over keep-alive sockets,
 * failed posts are retried with backoff up to `dlrMaxAttempts`, and the total number of
 * pending jobs is capped by `maxPendingDlrs`.
 */
export class DlrDispatcher {
  readonly counters: DlrCounters = emptyDlrCounters();
  private readonly buckets = new Map<number, DlrJob[]>();
  private nextBucket = 0;
  private scheduledCount = 0;
  private ready: DlrJob[] = [];
  private readyHead = 0;
  private inFlightJobs = 0;
  private inFlightRequests = 0;
  private timer: NodeJS.Timeout | null = null;
  private agent: http.Agent | null = null;
  private agentKey = "";
  private idleWaiters: (() => void)[] = [];
  private failing = false;
  private closed = false;
  /** Bumped by reset so posts already in flight cannot retry or count into the fresh state. */
  private generation = 0;

  constructor(
    private readonly getConfig: () => SimulatorConfig,
    /** Called once per job as it falls due, before posting: the simulator records the status here. */
    private readonly onDue: (job: DlrJob) => void,
    private readonly log: Logger,
  ) {}

  get pending(): number {
    return this.scheduledCount + (this.ready.length - this.readyHead) + this.inFlightJobs;
  }

  /** Queues a new report; returns false (and counts a drop) when the pending cap is reached. */
  schedule(job: DlrJob, dueAt: number): boolean {
    if (this.closed) return false;
    if (this.pending >= this.getConfig().maxPendingDlrs) {
      this.counters.dlrsDropped += 1;
      return false;
    }
    this.counters.dlrsScheduled += 1;
    this.enqueue(job, dueAt);
    return true;
  }

  /** Resolves once nothing is waiting or in flight. */
  whenIdle(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Drops everything pending and zeroes the counters. */
  reset(): void {
    this.generation += 1;
    this.buckets.clear();
    this.scheduledCount = 0;
    this.ready = [];
    this.readyHead = 0;
    Object.assign(this.counters, emptyDlrCounters());
    this.stopTimer();
    this.notifyIfIdle();
  }

  close(): void {
    this.closed = true;
    this.reset();
    this.agent?.destroy();
    this.agent = null;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  private enqueue(job: DlrJob, dueAt: number): void {
    if (this.scheduledCount === 0) this.nextBucket = Math.floor(Date.now() / TICK_MS);
    const key = Math.max(Math.floor(dueAt / TICK_MS), this.nextBucket);
    const bucket = this.buckets.get(key);
    if (bucket) bucket.push(job);
    else this.buckets.set(key, [job]);
    this.scheduledCount += 1;
    if (!this.timer) this.timer = setInterval(() => this.tick(), TICK_MS);
  }

  private tick(): void {
    const now = Date.now();
    const dueBucket = Math.floor(now / TICK_MS);
    for (let key = this.nextBucket; key <= dueBucket; key += 1) {
      const bucket = this.buckets.get(key);
      if (!bucket) continue;
      this.buckets.delete(key);
      this.scheduledCount -= bucket.length;
      for (const job of bucket) {
        if (job.attempts === 0) {
          job.occurredAt = now;
          this.onDue(job);
        }
        this.ready.push(job);
      }
    }
    this.nextBucket = dueBucket + 1;
    if (this.scheduledCount === 0) this.stopTimer();
    this.pump();
    this.notifyIfIdle();
  }

  private stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private pump(): void {
    if (this.readyHead >= this.ready.length) {
      this.ready = [];
      this.readyHead = 0;
      return;
    }
    const config = this.getConfig();
    if (!config.dlrEnabled || config.dlrUrl === null) {
      this.counters.dlrsSuppressed += this.ready.length - this.readyHead;
      this.ready = [];
      this.readyHead = 0;
      return;
    }
    const url = new URL(config.dlrUrl);
    while (this.inFlightRequests < config.dlrConcurrency && this.readyHead < this.ready.length) {
      const batch = this.ready.slice(this.readyHead, this.readyHead + config.dlrBatchSize);
      this.readyHead += batch.length;
      this.inFlightJobs += batch.length;
      this.inFlightRequests += 1;
      const generation = this.generation;
      void this.post(url, batch, config).then((delivered) => this.settle(batch, delivered, generation));
    }
    if (this.readyHead > 4096 && this.readyHead * 2 > this.ready.length) {
      this.ready = this.ready.slice(this.readyHead);
      this.readyHead = 0;
    }
  }

  private settle(batch: DlrJob[], delivered: boolean, generation: number): void {
    this.inFlightJobs -= batch.length;
    this.inFlightRequests -= 1;
    if (this.closed) return;
    if (generation !== this.generation) {
      this.notifyIfIdle();
      return;
    }
    if (delivered) {
      this.counters.dlrsPosted += batch.length;
      if (this.failing) this.log.info("DLR callback recovered");
      this.failing = false;
    } else {
      this.counters.dlrPostErrors += 1;
      const config = this.getConfig();
      for (const job of batch) {
        job.attempts += 1;
        if (job.attempts >= config.dlrMaxAttempts) {
          this.counters.dlrsFailed += 1;
          continue;
        }
        const delay = Math.min(config.dlrRetryBaseMs * 2 ** (job.attempts - 1), MAX_RETRY_DELAY_MS);
        this.enqueue(job, Date.now() + delay);
      }
    }
    this.pump();
    this.notifyIfIdle();
  }

  private post(url: URL, batch: DlrJob[], config: SimulatorConfig): Promise<boolean> {
    const payload = config.dlrBatchSize === 1 ? toCelcomDlrBody(batch[0]) : batch.map(toCelcomDlrBody);
    const body = JSON.stringify(payload);
    const headers: Record<string, string | number> = {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(body),
    };
    if (config.dlrToken) headers["x-callback-token"] = config.dlrToken;
    const transport = url.protocol === "https:" ? https : http;
    return new Promise((resolve) => {
      const request = transport.request(
        url,
        { method: "POST", headers, agent: this.agentFor(url, config), timeout: config.dlrTimeoutMs },
        (response) => {
          response.resume();
          response.on("end", () => {
            const ok = response.statusCode !== undefined && response.statusCode >= 200 && response.statusCode < 300;
            if (!ok) this.noteFailure(`HTTP ${response.statusCode}`);
            resolve(ok);
          });
          response.on("error", () => resolve(false));
        },
      );
      request.on("timeout", () => request.destroy(new Error(`no reply within ${config.dlrTimeoutMs} ms`)));
      request.on("error", (error) => {
        this.noteFailure(error.message);
        resolve(false);
      });
      request.end(body);
    });
  }

  private agentFor(url: URL, config: SimulatorConfig): http.Agent {
    const key = `${url.protocol}:${config.dlrConcurrency}`;
    if (!this.agent || this.agentKey !== key) {
      this.agent?.destroy();
      const options = { keepAlive: true, maxSockets: config.dlrConcurrency };
      this.agent = url.protocol === "https:" ? new https.Agent(options) : new http.Agent(options);
      this.agentKey = key;
    }
    return this.agent;
  }

  /** Logs the start of a failure streak only, so a dead receiver cannot flood the log. */
  private noteFailure(detail: string): void {
    if (this.failing || this.closed) return;
    this.failing = true;
    this.log.warn("DLR callback failing; retrying with backoff", { detail });
  }

  private notifyIfIdle(): void {
    if (this.pending === 0 && this.idleWaiters.length > 0) {
      for (const resolve of this.idleWaiters.splice(0)) resolve();
    }
  }
}

function emptyDlrCounters(): DlrCounters {
  return { dlrsScheduled: 0, dlrsPosted: 0, dlrPostErrors: 0, dlrsFailed: 0, dlrsDropped: 0, dlrsSuppressed: 0 };
}
