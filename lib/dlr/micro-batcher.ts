export interface MicroBatcherOptions<T, R> {
  /** Flush as soon as this many items are buffered. */
  maxSize: number;
  /** Flush this long after the first item of a batch arrived, whatever the size. */
  maxWaitMs: number;
  /** Batches applied at the same time (default 1); further cut batches wait for a free slot. */
  concurrency?: number;
  /** Applies one batch; the promise of every contributing `add` settles with it. */
  flush: (items: T[]) => Promise<R>;
}

interface Pending<T, R> {
  items: T[];
  waiters: { resolve: (result: R) => void; reject: (error: unknown) => void }[];
}

/**
 * Buffers items from many concurrent callers and flushes them together: at `maxSize` items or
 * `maxWaitMs` after the first one, whichever comes first. At most `concurrency` flushes run at
 * once (so one process can keep more than one database backend busy); batches cut while every
 * slot is taken wait in order, and items that arrive meanwhile form the next batch.
 * `add` resolves only once the batch holding its items has been applied (a caller that acks a
 * queue job after `add` therefore never acks work that was not committed).
 */
export class MicroBatcher<T, R> {
  private current: Pending<T, R> = { items: [], waiters: [] };
  private timer: NodeJS.Timeout | null = null;
  private readonly ready: Pending<T, R>[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private readonly options: MicroBatcherOptions<T, R>;
  private readonly concurrency: number;

  constructor(options: MicroBatcherOptions<T, R>) {
    if (options.maxSize < 1) throw new RangeError("maxSize must be at least 1");
    const concurrency = options.concurrency ?? 1;
    if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError("concurrency must be a positive integer");
    this.options = options;
    this.concurrency = concurrency;
  }

  get buffered(): number {
    return this.current.items.length;
  }

  add(items: readonly T[]): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      let remaining = items;
      // A job bigger than one batch spans several; it settles with the last of them.
      while (remaining.length > 0) {
        const room = this.options.maxSize - this.current.items.length;
        const part = remaining.slice(0, room);
        remaining = remaining.slice(room);
        this.current.items.push(...part);
        if (remaining.length === 0) this.current.waiters.push({ resolve, reject });
        else this.current.waiters.push({ resolve: () => undefined, reject });
        if (this.current.items.length >= this.options.maxSize) this.cut();
        else if (!this.timer) this.timer = setTimeout(() => this.cut(), this.options.maxWaitMs);
      }
      if (items.length === 0) resolve(undefined as R);
    });
  }

  /** Flushes whatever is buffered now and waits until every cut batch has been applied. */
  async drain(): Promise<void> {
    if (this.current.items.length > 0) this.cut();
    while (this.inFlight.size > 0) await Promise.all(this.inFlight);
  }

  private cut(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.current;
    this.current = { items: [], waiters: [] };
    if (batch.items.length === 0) return;
    this.ready.push(batch);
    this.startFlushes();
  }

  private startFlushes(): void {
    while (this.inFlight.size < this.concurrency && this.ready.length > 0) {
      const batch = this.ready.shift()!;
      const flight: Promise<void> = this.apply(batch).finally(() => {
        this.inFlight.delete(flight);
        this.startFlushes();
      });
      this.inFlight.add(flight);
    }
  }

  private async apply(batch: Pending<T, R>): Promise<void> {
    try {
      const result = await this.options.flush(batch.items);
      for (const waiter of batch.waiters) waiter.resolve(result);
    } catch (error) {
      for (const waiter of batch.waiters) waiter.reject(error);
    }
  }
}
