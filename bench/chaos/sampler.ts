// Every few seconds during a run: messages by status, final webhooks received, and the RSS and CPU
// of web and workers (summed over each process group), so a report can say which stage saturates
// and whether memory grows.
import type pg from "pg";
import { groupUsage, isRunning } from "@/bench/chaos/processes";
import { progress, type Progress } from "@/bench/chaos/checks";
import { type WebhookReceiver } from "@/bench/chaos/receiver";
import { type Stack } from "@/bench/chaos/stack";

export interface Sample {
  atSeconds: number;
  progress: Progress;
  /** Per process name: RSS in MB and CPU seconds used since the last sample divided by elapsed seconds. */
  processes: Record<string, { rssMb: number; cpu: number }>;
  loadAverage: number;
}

export class Sampler {
  readonly samples: Sample[] = [];
  private timer: NodeJS.Timeout | null = null;
  private lastCpu = new Map<number, number>();
  private lastAt = Date.now();
  private busy = false;

  constructor(
    private readonly stack: Stack,
    private readonly pool: pg.Pool,
    private readonly receiver: WebhookReceiver,
    private readonly loadAverage: () => number,
  ) {}

  start(everyMs: number): void {
    this.timer = setInterval(() => void this.take(), everyMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private async take(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const now = Date.now();
      const elapsed = (now - this.lastAt) / 1000;
      this.lastAt = now;
      const processes: Sample["processes"] = {};
      for (const managed of [this.stack.web, ...this.stack.workers, this.stack.simulator]) {
        if (!managed || !isRunning(managed) || managed.child.pid === undefined) continue;
        const usage = groupUsage(managed);
        const before = this.lastCpu.get(managed.child.pid);
        this.lastCpu.set(managed.child.pid, usage.cpuSeconds);
        processes[managed.name] = { rssMb: usage.rssMb, cpu: before === undefined ? 0 : Number(((usage.cpuSeconds - before) / elapsed).toFixed(2)) };
      }
      const current = await progress(this.pool, this.receiver);
      this.samples.push({ atSeconds: this.stack.secondsSinceStart(), progress: current, processes, loadAverage: this.loadAverage() });
    } catch {
      // Postgres busy or a process gone between listing and reading: skip this sample
    } finally {
      this.busy = false;
    }
  }
}

/** Least-squares slope of y over x (per second), or 0 with fewer than two points. */
export function slope(points: { x: number; y: number }[]): number {
  if (points.length < 2) return 0;
  const meanX = points.reduce((sum, point) => sum + point.x, 0) / points.length;
  const meanY = points.reduce((sum, point) => sum + point.y, 0) / points.length;
  const numerator = points.reduce((sum, point) => sum + (point.x - meanX) * (point.y - meanY), 0);
  const denominator = points.reduce((sum, point) => sum + (point.x - meanX) ** 2, 0);
  return denominator === 0 ? 0 : numerator / denominator;
}

export interface MemoryVerdict {
  process: string;
  startMb: number;
  afterWarmUpMb: number;
  endMb: number;
  slopeMbPerMinute: number;
  /** Median RSS of the first and of the last third of the samples after warm-up. */
  firstThirdMedianMb: number;
  lastThirdMedianMb: number;
  grew: boolean;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : sorted[Math.floor(sorted.length / 2)];
}

/**
 * RSS at the first sample, at the end of the warm-up and at the end, the slope after warm-up, and
 * the medians of the first and last thirds after warm-up. A Node process's RSS is a garbage-collection
 * sawtooth (±35 MB here), which swings a least-squares slope over ten minutes by ±3 MB/min from run
 * to run and makes single samples arbitrary; so growth means: the last third's median above the
 * first third's by more than max(20 MB, 10 %), or above the first third's *highest* sample (a steady
 * climb, however slow). The slope is reported.
 */
export function memoryVerdicts(samples: Sample[], warmUpSeconds: number, untilSeconds: number): MemoryVerdict[] {
  const names = new Set(samples.flatMap((sample) => Object.keys(sample.processes)));
  const verdicts: MemoryVerdict[] = [];
  for (const name of names) {
    if (name === "celcom-sim") continue;
    const series = samples.filter((sample) => sample.processes[name] && sample.atSeconds <= untilSeconds).map((sample) => ({ x: sample.atSeconds, y: sample.processes[name].rssMb }));
    if (series.length === 0) continue;
    const afterWarmUp = series.filter((point) => point.x >= warmUpSeconds);
    const warm = afterWarmUp[0] ?? series[series.length - 1];
    const end = series[series.length - 1];
    const perMinute = slope(afterWarmUp) * 60;
    const third = Math.max(1, Math.floor(afterWarmUp.length / 3));
    const first = afterWarmUp.slice(0, third).map((point) => point.y);
    const last = afterWarmUp.slice(-third).map((point) => point.y);
    const firstMedian = median(first);
    const lastMedian = median(last);
    verdicts.push({
      process: name,
      startMb: series[0].y,
      afterWarmUpMb: warm.y,
      endMb: end.y,
      slopeMbPerMinute: Number(perMinute.toFixed(2)),
      firstThirdMedianMb: firstMedian,
      lastThirdMedianMb: lastMedian,
      grew: lastMedian - firstMedian > Math.max(20, firstMedian * 0.1) || lastMedian > Math.max(...first, 0),
    });
  }
  return verdicts;
}
