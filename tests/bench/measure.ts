/** Timing helpers for the benchmark: every figure is a median, p95 and count of repeated runs. */
export interface Timing {
  n: number;
  median: number;
  p95: number;
  min: number;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export function summarize(samples: number[]): Timing {
  const s = [...samples].sort((a, b) => a - b);
  return { n: s.length, median: percentile(s, 50), p95: percentile(s, 95), min: s[0] ?? NaN };
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times, alternating with `other` when given (side by side). */
export async function timeIt(fn: () => Promise<unknown>, runs: number, warmup = 5): Promise<Timing> {
  for (let i = 0; i < warmup; i += 1) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return summarize(samples);
}

/** Times two functions interleaved, so that machine noise hits both alike. */
export async function sideBySide(a: () => Promise<unknown>, b: () => Promise<unknown>, runs: number, warmup = 5): Promise<[Timing, Timing]> {
  for (let i = 0; i < warmup; i += 1) {
    await a();
    await b();
  }
  const sa: number[] = [];
  const sb: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    let t = process.hrtime.bigint();
    await a();
    sa.push(Number(process.hrtime.bigint() - t) / 1e6);
    t = process.hrtime.bigint();
    await b();
    sb.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return [summarize(sa), summarize(sb)];
}

/** Times any number of functions interleaved run by run, so that machine noise hits them all alike. */
export async function interleaved(fns: (() => Promise<unknown>)[], runs: number, warmup = 5): Promise<Timing[]> {
  for (let i = 0; i < warmup; i += 1) for (const fn of fns) await fn();
  const samples: number[][] = fns.map(() => []);
  for (let i = 0; i < runs; i += 1) {
    for (const [k, fn] of fns.entries()) {
      const t = process.hrtime.bigint();
      await fn();
      samples[k]?.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
  }
  return samples.map(summarize);
}

export const round = (x: number, d = 2): number => Math.round(x * 10 ** d) / 10 ** d;
