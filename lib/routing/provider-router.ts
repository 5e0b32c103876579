import { randomUUID } from "node:crypto";
import { BrokenCircuitError, CircuitState, IsolatedCircuitError, type CircuitBreakerPolicy } from "cockatiel";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { instrumentProvider } from "@/lib/providers/instrument-provider";
import type { DeliveryReportResult, OutboundSms, ProviderTry, SendFailure, SendResult, SmsProvider } from "@/lib/providers/types";
import { buildAdapter, type AdapterHooks, type ClosableProvider } from "@/lib/routing/build-adapter";
import { BREAKER_STATE_NAMES, createProviderBreaker, failsOver, isProviderFault, type BreakerOptions } from "@/lib/routing/circuit-breaker";
import { HealthWindows, type ProviderHealth } from "@/lib/routing/health-windows";
import { ProviderThrottle, throttleSlots, type SendLane } from "@/lib/routing/provider-throttle";
import { orderCandidates } from "@/lib/routing/score-providers";
import { findRoute, type ProviderDefinition, type RoutingTable } from "@/lib/routing/types";
import type { RedisClient } from "@/lib/queue/connection";

const log = logger.child({ component: "router" });

export interface RouterOptions {
  /** The routing table (cached loader over Postgres, or a fixed table in tests). */
  table: () => Promise<RoutingTable>;
  /** Used when no route matches the message's country (SMS_PROVIDER: the bootstrap provider). */
  fallback: SmsProvider;
  redis: RedisClient;
  prefix?: string;
  breaker?: Partial<BreakerOptions>;
  hooks?: AdapterHooks;
}

interface Handle {
  name: string;
  version: string;
  adapter: ClosableProvider;
  /** The adapter measured (request metrics, provider health: lib/providers/instrument-provider.ts). */
  measured: SmsProvider;
  breaker: CircuitBreakerPolicy;
  /** undefined: not throttled (the bootstrap provider). */
  maxPerSecond?: number;
}

/**
 * Chooses a provider per message and fails over. The route for the message's country and MNO
 * gives the candidates (operator order, or best score first); each is tried through its circuit
 * breaker (an open or probing breaker is skipped without a request) and its rate limit. A failure
 * of the provider (timeout, 5xx, connection, throttling, out of credit, bad credentials) moves the
 * message to the next candidate at once; a permanent failure for the number ends it. Every
 * submission is reported in `tries` and feeds the shared health windows.
 */
export class ProviderRouter {
  readonly processId = randomUUID();
  readonly health: HealthWindows;
  readonly throttle: ProviderThrottle;
  private readonly handles = new Map<string, Handle>();
  private readonly breakerOptions: BreakerOptions;
  private readonly prefix: string;
  private healthCache: { at: number; value: Map<string, ProviderHealth> } | null = null;
  private readonly timer: NodeJS.Timeout;
  private ticks = 0;

  constructor(private readonly options: RouterOptions) {
    this.prefix = options.prefix ?? env.QUEUE_PREFIX;
    this.health = new HealthWindows(options.redis, this.prefix);
    this.throttle = new ProviderThrottle(options.redis, this.prefix);
    this.breakerOptions = {
      consecutiveFailures: env.BREAKER_CONSECUTIVE_FAILURES,
      halfOpenAfterMs: env.BREAKER_HALF_OPEN_AFTER_MS,
      ...options.breaker,
    };
    this.timer = setInterval(() => void this.tick(), 1_000);
    this.timer.unref();
  }

  /**
   * An SmsProvider for one lane: campaign batches use "bulk", single sends "priority" (the rest of
   * the rate). Its `sendBatch` routes a whole batch ({@link sendBatch}); `useProviderBatch` lets it
   * use a provider's bulk endpoint (Celcom `sendbulk`) where there is one.
   */
  lane(lane: SendLane, useProviderBatch = true): SmsProvider & Required<Pick<SmsProvider, "sendBatch">> {
    return {
      name: this.options.fallback.name,
      send: (message) => this.send(message, lane),
      sendBatch: (messages) => this.sendBatch(messages, lane, useProviderBatch),
    };
  }

  private handleFor(definition: ProviderDefinition | null): Handle {
    const name = definition?.name ?? this.options.fallback.name;
    const version = definition?.version ?? "fallback";
    const existing = this.handles.get(name);
    if (existing && existing.version === version) {
      if (definition) existing.maxPerSecond = definition.maxPerSecond;
      return existing;
    }
    if (existing) void existing.adapter.close?.().catch((error: unknown) => log.warn("closing replaced adapter failed", { provider: name, err: error }));
    const breaker = existing?.breaker ?? createProviderBreaker(this.breakerOptions);
    if (!existing) breaker.onStateChange((state) => {
      log.warn("provider circuit changed", { provider: name, state: BREAKER_STATE_NAMES[state] });
      void this.publishBreaker(name, breaker);
    });
    const adapter = definition ? buildAdapter(definition, this.options.hooks) : this.options.fallback;
    const handle: Handle = {
      name,
      version,
      adapter,
      measured: instrumentProvider(adapter),
      breaker,
      maxPerSecond: definition?.maxPerSecond,
    };
    this.handles.set(name, handle);
    return handle;
  }

  private async candidates(message: OutboundSms): Promise<{ handles: Handle[]; strategy: "priority" | "score" } | null> {
    const table = await this.options.table();
    const route = findRoute(table, message.country, message.operator);
    if (!route) return null;
    const enabled = route.providers.map((name) => table.providers.get(name)).filter((p): p is ProviderDefinition => !!p && p.enabled);
    if (route.strategy === "priority" || enabled.length < 2) return { handles: enabled.map((p) => this.handleFor(p)), strategy: route.strategy };
    const health = await this.cachedHealth(enabled.map((p) => p.name));
    const order = orderCandidates(
      "score",
      enabled.map((p) => {
        const h = health.get(p.name);
        return { name: p.name, cost: costFor(p, message.operator), attempts: h?.attempts ?? 0, successes: h?.successes ?? 0, p50LatencyMs: h?.p50LatencyMs ?? undefined };
      }),
    );
    return { handles: order.map((name) => this.handleFor(enabled.find((p) => p.name === name) ?? null)), strategy: "score" };
  }

  private async cachedHealth(names: string[]): Promise<Map<string, ProviderHealth>> {
    if (this.healthCache && Date.now() - this.healthCache.at < 2_000 && names.every((name) => this.healthCache?.value.has(name))) return this.healthCache.value;
    const value = await this.health.read(names);
    this.healthCache = { at: Date.now(), value };
    return value;
  }

  /**
   * Routes a batch: messages are grouped by route, and each group goes to its candidates in order.
   * A provider whose breaker is closed takes the group's remaining messages at once: one throttle
   * acquisition for all of them, then its bulk endpoint (when it has one and `useProviderBatch`) or
   * concurrent single submissions (the SMPP window fills). Messages that fail in a way that fails
   * over continue together to the next candidate; a provider whose breaker is open or probing is
   * tried message by message as in {@link send} (the first may be its half-open probe). Results
   * align with the input, each with its provider and tries, as {@link send} reports them.
   */
  async sendBatch(messages: readonly OutboundSms[], lane: SendLane, useProviderBatch = true): Promise<SendResult[]> {
    const groups = new Map<string, number[]>();
    messages.forEach((message, index) => {
      const key = `${message.country ?? ""}\u0000${(message.operator ?? "").toLowerCase()}`;
      const group = groups.get(key);
      if (group) group.push(index);
      else groups.set(key, [index]);
    });
    const results = new Array<SendResult>(messages.length);
    await Promise.all(
      [...groups.values()].map(async (indexes) => {
        const routed = await this.candidates(messages[indexes[0]]);
        const group = indexes.map((index) => messages[index]);
        const groupResults = await this.sendGroup(group, routed, lane, useProviderBatch);
        indexes.forEach((index, position) => {
          results[index] = groupResults[position];
        });
      }),
    );
    return results;
  }

  private async sendGroup(
    messages: readonly OutboundSms[],
    routed: { handles: Handle[] } | null,
    lane: SendLane,
    useProviderBatch: boolean,
  ): Promise<SendResult[]> {
    const handles = routed ? routed.handles : [this.handleFor(null)];
    const tries = messages.map((): ProviderTry[] => []);
    const outcome = new Array<SendResult | undefined>(messages.length);
    let pending = messages.map((_, index) => index);
    for (const handle of handles) {
      if (pending.length === 0) break;
      if (handle.breaker.state === CircuitState.HalfOpen) continue;
      const submitted = await this.submitToHandle(handle, pending.map((index) => messages[index]), lane, useProviderBatch);
      const next: number[] = [];
      pending.forEach((index, position) => {
        const submission = submitted[position];
        // null: the breaker refused it without a request (open, or another call is the probe).
        if (!submission) return void next.push(index);
        const { result, latencyMs } = submission;
        const providerFault = !result.ok && isProviderFault(result);
        tries[index].push({ provider: handle.name, outcome: result.ok ? "sent" : providerFault ? "provider_failure" : "rejected", code: result.ok ? null : result.code, latencyMs });
        this.health.record({ provider: handle.name, ok: !providerFault, latencyMs, at: Date.now() });
        outcome[index] = { ...result, provider: handle.name };
        if (!result.ok && failsOver(result)) next.push(index);
      });
      pending = next;
    }
    return messages.map((_, index) => {
      const result = outcome[index];
      if (result) return { ...result, tries: tries[index] };
      return {
        ok: false,
        retryable: true,
        code: "no_provider_available",
        reason: routed && routed.handles.length === 0 ? "every provider of the route is disabled" : "every provider's circuit is open",
        retryAfterMs: this.breakerOptions.halfOpenAfterMs,
        tries: tries[index],
      };
    });
  }

  /**
   * The group's messages to one provider. While its breaker is closed they go in chunks of one
   * throttle slot's worth (one throttle call per chunk, so the provider never gets more than its
   * rate at once): a bulk request per chunk, one after the other, or concurrent single
   * submissions, each chunk starting as soon as its tokens are taken. Once the breaker is not
   * closed, the rest go message by message through it (most are refused without a request).
   */
  private async submitToHandle(handle: Handle, messages: OutboundSms[], lane: SendLane, useProviderBatch: boolean): Promise<(Submission | null)[]> {
    const chunkSize = handle.maxPerSecond ? throttleSlots(handle.maxPerSecond, lane).perSlot : messages.length;
    const bulk = useProviderBatch && !!handle.measured.sendBatch;
    const parts: Promise<(Submission | null)[]>[] = [];
    let start = 0;
    while (start < messages.length && handle.breaker.state === CircuitState.Closed) {
      const chunk = messages.slice(start, start + chunkSize);
      start += chunk.length;
      if (handle.maxPerSecond) await this.throttle.acquire(handle.name, handle.maxPerSecond, chunk.length, lane);
      if (bulk) parts.push(Promise.resolve(await this.submitBulk(handle, chunk)));
      else parts.push(mapLimited(chunk, ROUTED_BATCH_CONCURRENCY, (message) => this.submitOne(handle, message, null)));
    }
    const rest = messages.slice(start);
    if (rest.length > 0) parts.push(mapLimited(rest, ROUTED_BATCH_CONCURRENCY, (message) => this.submitOne(handle, message, lane)));
    return (await Promise.all(parts)).flat();
  }

  /** One bulk request through the breaker; it counts as a provider failure when every message failed that way. */
  private async submitBulk(handle: Handle, messages: OutboundSms[]): Promise<(Submission | null)[]> {
    const started = Date.now();
    try {
      const verdict = await handle.breaker.execute(async () => {
        const results = await handle.measured.sendBatch!(messages);
        const firstFault = results.find((result): result is SendFailure => !result.ok && isProviderFault(result));
        const allFaulty = results.length > 0 && results.every((result) => !result.ok && isProviderFault(result));
        return allFaulty && firstFault ? { ...firstFault, results } : { ok: true as const, results };
      });
      const latencyMs = Date.now() - started;
      return verdict.results.map((result) => ({ result, latencyMs }));
    } catch (error) {
      if (error instanceof BrokenCircuitError || error instanceof IsolatedCircuitError) return messages.map(() => null);
      throw error;
    }
  }

  /** One message through the breaker (and the throttle, when `throttleLane` is set); null when the breaker refused it. */
  private async submitOne(handle: Handle, message: OutboundSms, throttleLane: SendLane | null): Promise<Submission | null> {
    const started = Date.now();
    try {
      const result = await handle.breaker.execute(async () => {
        if (throttleLane && handle.maxPerSecond) await this.throttle.acquire(handle.name, handle.maxPerSecond, 1, throttleLane);
        return handle.measured.send(message);
      });
      return { result, latencyMs: Date.now() - started };
    } catch (error) {
      if (error instanceof BrokenCircuitError || error instanceof IsolatedCircuitError) return null;
      throw error;
    }
  }

  async send(message: OutboundSms, lane: SendLane): Promise<SendResult> {
    const routed = await this.candidates(message);
    const handles = routed ? routed.handles : [this.handleFor(null)];
    const tries: ProviderTry[] = [];
    let last: (SendFailure & { provider: string }) | null = null;
    for (const handle of handles) {
      // Half-open: one probe is already on its way; the others go elsewhere instead of waiting for it.
      if (handle.breaker.state === CircuitState.HalfOpen) continue;
      let result: SendResult;
      const started = Date.now();
      try {
        result = await handle.breaker.execute(async () => {
          if (handle.maxPerSecond) await this.throttle.acquire(handle.name, handle.maxPerSecond, 1, lane);
          return handle.measured.send(message);
        });
      } catch (error) {
        if (error instanceof BrokenCircuitError || error instanceof IsolatedCircuitError) continue;
        throw error;
      }
      const latencyMs = Date.now() - started;
      const providerFault = !result.ok && isProviderFault(result);
      tries.push({ provider: handle.name, outcome: result.ok ? "sent" : providerFault ? "provider_failure" : "rejected", code: result.ok ? null : result.code, latencyMs });
      this.health.record({ provider: handle.name, ok: !providerFault, latencyMs, at: Date.now() });
      if (result.ok) return { ...result, provider: handle.name, tries };
      last = { ...result, provider: handle.name };
      if (!failsOver(result)) break;
    }
    if (last) return { ...last, tries };
    return {
      ok: false,
      retryable: true,
      code: "no_provider_available",
      reason: routed && routed.handles.length === 0 ? "every provider of the route is disabled" : "every provider's circuit is open",
      retryAfterMs: this.breakerOptions.halfOpenAfterMs,
      tries,
    };
  }

  /**
   * Asks the named provider for one message's delivery report (a pull, for a report that never
   * came) through that provider's breaker: while its circuit is open the answer is a retryable
   * `circuit_open` failure without a request, and failed pulls count against it like failed sends.
   */
  async getDeliveryReport(provider: string, providerMessageId: string): Promise<DeliveryReportResult> {
    const table = await this.options.table();
    const definition = table.providers.get(provider) ?? null;
    if (!definition && provider !== this.options.fallback.name) return { ok: false, retryable: false, code: "provider_unknown", reason: `no provider named ${provider}` };
    const handle = this.handleFor(definition);
    const pull = handle.measured.getDeliveryReport;
    if (!pull) return { ok: false, retryable: false, code: "pull_not_supported", reason: `${provider} cannot be asked for reports` };
    try {
      return await handle.breaker.execute(() => pull(providerMessageId));
    } catch (error) {
      if (error instanceof BrokenCircuitError || error instanceof IsolatedCircuitError) return { ok: false, retryable: true, code: "circuit_open", reason: `${provider}'s circuit is open` };
      throw error;
    }
  }

  /** Breaker states of this process, per provider it has used. */
  breakerStates(): Record<string, "closed" | "open" | "half-open"> {
    return Object.fromEntries([...this.handles.values()].map((handle) => [handle.name, BREAKER_STATE_NAMES[handle.breaker.state]]));
  }

  private async publishBreaker(name: string, breaker: CircuitBreakerPolicy): Promise<void> {
    const key = breakerKey(this.prefix, name);
    await this.options.redis
      .multi()
      .hset(key, this.processId, JSON.stringify({ state: BREAKER_STATE_NAMES[breaker.state], at: Date.now() }))
      .pexpire(key, BREAKER_REPORT_TTL_MS)
      .exec()
      .catch((error: unknown) => log.warn("publishing breaker state failed", { provider: name, err: error }));
  }

  private async tick(): Promise<void> {
    await this.health.flush().catch((error: unknown) => log.warn("health flush failed", { err: error }));
    // Re-published every 10 s so a live process's report never expires.
    if (++this.ticks % 10 === 0) for (const handle of this.handles.values()) await this.publishBreaker(handle.name, handle.breaker);
  }

  /** Adapters waiting on an SMPP bind are reused; call before sending to have sessions bound at start. */
  async warmUp(): Promise<void> {
    const table = await this.options.table();
    const used = new Set(table.routes.flatMap((route) => route.providers));
    await Promise.all(
      [...used].map((name) => table.providers.get(name)).filter((p): p is ProviderDefinition => !!p && p.enabled && p.kind === "smpp")
        .map(async (p) => {
          const adapter = this.handleFor(p).adapter as ClosableProvider & { connect?: () => Promise<void> };
          await adapter.connect?.().catch((error: unknown) => log.warn("SMPP provider not reachable at start", { provider: p.name, err: error }));
        }),
    );
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.health.flush().catch(() => undefined);
    await Promise.all([...this.handles.values()].map((handle) => (handle.adapter === this.options.fallback ? undefined : handle.adapter.close?.())));
    this.handles.clear();
  }
}

interface Submission {
  result: SendResult;
  latencyMs: number;
}

/** Messages of one routed batch in flight at once when they go to a provider one by one. */
const ROUTED_BATCH_CONCURRENCY = 50;

/** Runs `task` over `items` with at most `limit` in flight; results keep the input order. */
export async function mapLimited<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Breaker reports older than this are ignored (their process is gone). */
export const BREAKER_REPORT_TTL_MS = 30_000;

export function breakerKey(prefix: string, provider: string): string {
  return `${prefix}:routing:breaker:${provider}`;
}

export function costFor(provider: ProviderDefinition, operator: string | undefined): number | undefined {
  const exact = Object.entries(provider.costs).find(([mno]) => mno.toLowerCase() === (operator ?? "").toLowerCase());
  return exact?.[1] ?? provider.costs["*"];
}
