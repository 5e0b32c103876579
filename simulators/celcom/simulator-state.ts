import { type Logger } from "@/lib/logger";
import { CELCOM_SUCCESS_CODE } from "@/lib/providers/celcom/codes";
import {
  applySimulatorConfigPatch,
  type SimulatorConfig,
  type SimulatorFault,
  type SimulatorRule,
} from "@/simulators/celcom/config";
import { type DlrCounters, DlrDispatcher, type DlrJob } from "@/simulators/celcom/dlr-dispatcher";
import { createRandom, pickWeighted, uniformInt } from "@/simulators/celcom/random";
import { asString, codeReply, mobileForReply, normalizeMobile, type ReplyItem } from "@/simulators/celcom/wire";

// The simulator's state and its decisions about each send: configuration, credentials, per-number
// rules, random faults, credit, message ids and the DLRs an accepted message gets. The HTTP side
// (create-celcom-simulator.ts) parses requests and writes replies around it.

/**
 * Minimum spacing between two reports for one message whose order matters (SentToNetwork before
 * the final one, or deliberately after it), so they fall in different dispatch ticks.
 */
const DLR_ORDER_GAP_MS = 60;

/** Duplicate sends listed with their first acceptance time at most (the count goes on). */
const MAX_DUPLICATES_LISTED = 200_000;

export interface SimulatorStats extends DlrCounters {
  requests: number;
  sendRequests: number;
  /** Messages (mobile numbers) in send requests that got past outage and injected HTTP faults. */
  sendsReceived: number;
  accepted: number;
  /**
   * Accepted messages whose mobile and text had already been accepted (among the last
   * `maxTrackedMessages`): the same message submitted twice, e.g. after a worker died between the
   * provider's answer and recording it. Only meaningful when every message sent is distinct.
   */
  duplicateSends: number;
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

export interface SendItem {
  mobile: string;
  message: unknown;
  shortcode: unknown;
  apikey: unknown;
  partnerID: unknown;
  clientsmsid?: unknown;
}

export interface TrackedMessage {
  acceptedAt: number;
  description: string | null;
  final: boolean;
  occurredAt: number;
}

export interface RequestFault {
  fault: Exclude<SimulatorFault, { code: number }>;
}

export class SimulatorError extends Error {
  constructor(readonly issues: string[]) {
    super(`invalid simulator configuration: ${issues.join("; ")}`);
  }
}

function emptyCounters() {
  return {
    requests: 0,
    sendRequests: 0,
    sendsReceived: 0,
    accepted: 0,
    duplicateSends: 0,
    rejectedByCode: {} as Record<string, number>,
    httpErrorsInjected: 0,
    timeoutsInjected: 0,
    connectionsReset: 0,
    outageRejected: 0,
    balanceRequests: 0,
    dlrPullRequests: 0,
  };
}

export class SimulatorState {
  /** Request counters; the HTTP side counts requests and injected faults here. */
  counters = emptyCounters();
  private readonly initialConfig: SimulatorConfig;
  private active: SimulatorConfig;
  private random: () => number;
  private nextMessageId: number;
  private lastMessageId: number | null = null;
  private credit: number;
  private readonly ruleUses = new Map<string, number>();
  private readonly tracked = new Map<number, TrackedMessage>();
  /** When each distinct (number, text) was first accepted, epoch ms. */
  private readonly acceptedContent = new Map<string, number>();
  private readonly duplicateFirstAcceptedAt: number[] = [];
  private readonly dispatcher: DlrDispatcher;

  constructor(config: SimulatorConfig, log: Logger) {
    this.initialConfig = config;
    this.active = config;
    this.random = createRandom(config.seed);
    this.nextMessageId = config.firstMessageId;
    this.credit = config.creditMinor;
    this.dispatcher = new DlrDispatcher(() => this.active, (job) => this.recordReport(job), log);
  }

  /** The configuration in force (not a copy: read it, never change it). */
  get current(): SimulatorConfig {
    return this.active;
  }

  get creditMinor(): number {
    return this.credit;
  }

  get config(): SimulatorConfig {
    return structuredClone(this.active);
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
    const update = applySimulatorConfigPatch(this.active, patch);
    if (!update.ok) throw new SimulatorError(update.issues);
    const previous = this.active;
    this.active = update.config;
    if (update.config.seed !== previous.seed) this.random = createRandom(update.config.seed);
    if (update.config.rules !== previous.rules) this.ruleUses.clear();
    if (update.config.creditMinor !== previous.creditMinor) this.credit = update.config.creditMinor;
    return this.config;
  }

  reset(): void {
    this.active = this.initialConfig;
    this.random = createRandom(this.initialConfig.seed);
    this.credit = this.initialConfig.creditMinor;
    this.counters = emptyCounters();
    this.ruleUses.clear();
    this.tracked.clear();
    this.acceptedContent.clear();
    this.duplicateFirstAcceptedAt.length = 0;
    this.dispatcher.reset();
  }

  whenDlrsIdle(): Promise<void> {
    return this.dispatcher.whenIdle();
  }

  close(): void {
    this.dispatcher.close();
  }

  credentialFailure(apikey: unknown, partnerID: unknown): number | null {
    const key = asString(apikey);
    const partner = asString(partnerID);
    if (partner === "") return 4091;
    if (key === "") return 4092;
    return key === this.active.apiKey && partner === this.active.partnerId ? null : 1006;
  }

  ruleFor(mobileDigits: string): SimulatorRule | undefined {
    return this.active.rules.find((rule) => mobileDigits.endsWith(rule.mobileSuffix));
  }

  countRejection(code: number): void {
    this.counters.rejectedByCode[code] = (this.counters.rejectedByCode[code] ?? 0) + 1;
  }

  /** An HTTP-level fault for the whole request: from a matching rule, else from the random knobs. */
  requestFault(items: SendItem[], rules: (SimulatorRule | undefined)[]): RequestFault | null {
    for (let index = 0; index < items.length; index += 1) {
      const rule = rules[index];
      if (rule?.fail && !("code" in rule.fail) && this.takeRuleFault(rule, items[index].mobile)) {
        return { fault: rule.fail };
      }
    }
    if (rules.some((rule) => rule !== undefined)) return null;
    const config = this.active;
    if (config.http500Probability > 0 && this.random() < config.http500Probability) return { fault: { http: 500 } };
    if (config.timeoutProbability > 0 && this.random() < config.timeoutProbability) return { fault: { timeout: true } };
    return null;
  }

  /** Accepts or rejects one message of a send request and returns its reply entry. */
  processItem(item: SendItem, rule: SimulatorRule | undefined, bulk: boolean): ReplyItem {
    const code = this.itemRejection(item, rule, bulk);
    const echo: ReplyItem = { mobile: mobileForReply(normalizeMobile(item.mobile) ?? item.mobile) };
    if (bulk) echo.clientsmsid = item.clientsmsid ?? null;
    if (code !== null) {
      this.countRejection(code);
      return { ...codeReply(code), ...echo };
    }
    const messageId = this.takeMessageId();
    this.lastMessageId = messageId;
    this.credit -= this.active.smsCostMinor;
    this.counters.accepted += 1;
    this.countDuplicate(`${normalizeMobile(item.mobile) ?? item.mobile}\n${String(item.message)}`);
    this.scheduleReports(messageId, rule);
    return { ...codeReply(CELCOM_SUCCESS_CODE), ...echo, messageid: messageId, networkid: "1" };
  }

  /** What `getdlr` knows about a message id; undefined for unknown or forgotten ids. */
  /** A fresh provider message id (sends and simulated inbound messages share the sequence). */
  takeMessageId(): number {
    const messageId = this.nextMessageId;
    this.nextMessageId += 1;
    return messageId;
  }

  deliveryReport(messageId: number): TrackedMessage | undefined {
    return this.tracked.get(messageId);
  }

  /** Whether this send to `mobile` gets the rule's fault; counts it against `failTimes`. */
  private takeRuleFault(rule: SimulatorRule, mobile: string): boolean {
    if (!rule.fail) return false;
    if (rule.failTimes === undefined) return true;
    const key = `${this.active.rules.indexOf(rule)}:${mobile}`;
    const used = this.ruleUses.get(key) ?? 0;
    if (used >= rule.failTimes) return false;
    this.ruleUses.set(key, used + 1);
    return true;
  }

  private itemRejection(item: SendItem, rule: SimulatorRule | undefined, bulk: boolean): number | null {
    const config = this.active;
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
    const config = this.active;
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

  private countDuplicate(key: string): void {
    const firstAcceptedAt = this.acceptedContent.get(key);
    if (firstAcceptedAt !== undefined) {
      this.counters.duplicateSends += 1;
      if (this.duplicateFirstAcceptedAt.length < MAX_DUPLICATES_LISTED) this.duplicateFirstAcceptedAt.push(firstAcceptedAt);
      return;
    }
    if (this.acceptedContent.size >= this.active.maxTrackedMessages) {
      const oldest = this.acceptedContent.keys().next();
      if (!oldest.done) this.acceptedContent.delete(oldest.value);
    }
    this.acceptedContent.set(key, Date.now());
  }

  /**
   * For each duplicate send (in the order they came), when the first copy had been accepted (epoch
   * ms): a harness can tell the sends in flight when it killed a worker from any other repeat.
   */
  duplicates(): { firstAcceptedAt: number[] } {
    return { firstAcceptedAt: [...this.duplicateFirstAcceptedAt] };
  }


  private track(messageId: number, acceptedAt: number): void {
    if (this.tracked.size >= this.active.maxTrackedMessages) {
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
}
