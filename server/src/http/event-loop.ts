import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { IntervalHistogram } from 'node:perf_hooks';

/** The event loop's delay as `/healthz` reports it to operators: how long callbacks waited, since a reset. */
export interface EventLoopDelay {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** The window the figures cover, from the last reset (or the start) to now. */
  sinceMs: number;
}

/**
 * Samples the event loop's delay every 10 ms for the life of the server: a request that holds the loop (a large
 * answer converted in one go, a long computation) shows as a large maximum.
 */
export class EventLoopMonitor {
  private readonly histogram: IntervalHistogram = monitorEventLoopDelay({ resolution: 10 });
  private since = Date.now();

  constructor() {
    this.histogram.enable();
  }

  /** The figures since the last reset; `reset` starts a new window after reading. */
  read(reset = false): EventLoopDelay {
    const ms = (ns: number) => Math.round((Number.isFinite(ns) ? ns : 0) / 1e5) / 10;
    const figures = {
      p50Ms: ms(this.histogram.percentile(50)),
      p99Ms: ms(this.histogram.percentile(99)),
      maxMs: ms(this.histogram.max),
      sinceMs: Date.now() - this.since,
    };
    if (reset) {
      this.histogram.reset();
      this.since = Date.now();
    }
    return figures;
  }

  stop(): void {
    this.histogram.disable();
  }
}
