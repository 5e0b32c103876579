import { createRandom, pickWeighted, uniformInt } from "@/simulators/celcom/random";
import type { SmppSimulatorConfig } from "@/simulators/smpp/config";

export interface SmppStats {
  sessions: number;
  binds: number;
  bindsRefused: number;
  submits: number;
  accepted: number;
  rejectedByStatus: Record<string, number>;
  throttled: number;
  outageRejected: number;
  connectionsReset: number;
  receiptsScheduled: number;
  receiptsSent: number;
  receiptsAcked: number;
  receiptsPending: number;
  enquireLinks: number;
  moSent: number;
  /** query_sm received. */
  queries: number;
}

export function emptyStats(): SmppStats {
  return {
    sessions: 0,
    binds: 0,
    bindsRefused: 0,
    submits: 0,
    accepted: 0,
    rejectedByStatus: {},
    throttled: 0,
    outageRejected: 0,
    connectionsReset: 0,
    receiptsScheduled: 0,
    receiptsSent: 0,
    receiptsAcked: 0,
    receiptsPending: 0,
    enquireLinks: 0,
    moSent: 0,
    queries: 0,
  };
}

export const ESME_RSYSERR = 0x08;
export const ESME_RTHROTTLED = 0x58;

export type SubmitDecision = { kind: "accept"; stat: string; dlrLatencyMs: number } | { kind: "reject"; status: number } | { kind: "drop" };

/** The SMSC's decisions: outage, throttling, per-number rules and random outcomes (seeded). */
export class SmscState {
  random: () => number;
  private ruleCounts = new Map<string, number>();
  private windowStart = 0;
  private windowCount = 0;

  constructor(public config: SmppSimulatorConfig) {
    this.random = createRandom(config.seed);
  }

  configure(config: SmppSimulatorConfig, rulesChanged: boolean): void {
    if (config.seed !== this.config.seed) this.random = createRandom(config.seed);
    if (rulesChanged) this.ruleCounts.clear();
    this.config = config;
  }

  reset(config: SmppSimulatorConfig): void {
    this.config = config;
    this.random = createRandom(config.seed);
    this.ruleCounts.clear();
    this.windowCount = 0;
  }

  decide(destination: string, now = Date.now()): SubmitDecision {
    const config = this.config;
    if (config.outage === "reset") return { kind: "drop" };
    if (config.outage === "error") return { kind: "reject", status: ESME_RSYSERR };
    if (config.maxPerSecond > 0) {
      if (now - this.windowStart >= 1_000) {
        this.windowStart = now;
        this.windowCount = 0;
      }
      if (++this.windowCount > config.maxPerSecond) return { kind: "reject", status: ESME_RTHROTTLED };
    }
    const latency = () => uniformInt(config.dlrLatencyMinMs, config.dlrLatencyMaxMs, this.random);
    const rule = config.rules.find((candidate) => destination.endsWith(candidate.mobileSuffix));
    if (rule) {
      const seen = this.ruleCounts.get(destination) ?? 0;
      this.ruleCounts.set(destination, seen + 1);
      if (rule.fail && (rule.failTimes === undefined || seen < rule.failTimes)) return { kind: "reject", status: rule.fail.status };
      return { kind: "accept", stat: rule.dlr ?? pickWeighted(config.outcomes, this.random), dlrLatencyMs: rule.dlrLatencyMs ?? latency() };
    }
    if (config.errorProbability > 0 && this.random() < config.errorProbability) return { kind: "reject", status: config.errorStatus };
    return { kind: "accept", stat: pickWeighted(config.outcomes, this.random), dlrLatencyMs: latency() };
  }
}
