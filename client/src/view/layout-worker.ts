/**
 * Runs the force layout of a grouped view's small graph (graph/unit-layout.ts) in a worker, so that the page
 * stays free to draw and answer while it runs; where the browser offers no worker, or the worker fails, it runs
 * in the page. Same units, links and seed, same positions either way.
 */
import type { Position } from 'cytoscape';
import { withSeededRandom } from '../graph/seeded-random';
import { layoutUnits } from '../graph/unit-layout';
import type { UnitGraph } from '../graph/unit-layout';

interface Job {
  graph: UnitGraph;
  seed: string;
  resolve(at: Map<string, Position>): void;
}

interface Answer {
  id: number;
  positions?: [string, Position][];
  error?: string;
}

/** The worker: undefined until first asked for, null where there is none (or after it failed). */
let worker: Worker | null | undefined;
const jobs = new Map<number, Job>();
let nextJob = 0;

const inPage = (graph: UnitGraph, seed: string): Map<string, Position> =>
  withSeededRandom(seed, () => layoutUnits(graph));

/** Gives up on the worker: the jobs it held run in the page. */
function fallBack(): void {
  worker?.terminate();
  worker = null;
  const held = [...jobs.values()];
  jobs.clear();
  for (const job of held) job.resolve(inPage(job.graph, job.seed));
}

function theWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker =
      typeof Worker === 'function'
        ? new Worker(new URL('../graph/unit-layout.worker.ts', import.meta.url), { type: 'module' })
        : null;
  } catch {
    worker = null;
  }
  if (!worker) return null;
  worker.onmessage = (ev: MessageEvent<Answer>) => {
    const job = jobs.get(ev.data.id);
    jobs.delete(ev.data.id);
    if (!job) return;
    // An error in the worker: the page computes the same thing itself.
    job.resolve(ev.data.positions ? new Map(ev.data.positions) : inPage(job.graph, job.seed));
  };
  worker.onerror = (ev) => {
    ev.preventDefault();
    fallBack();
  };
  return worker;
}

/** Starts the worker ahead of the first layout (it loads while the network is fetched). */
export function warmLayoutWorker(): void {
  theWorker();
}

/** Positions of the units of `graph` by the force layout, Math.random seeded by `seed`. */
export function placeUnits(graph: UnitGraph, seed: string): Promise<Map<string, Position>> {
  const w = theWorker();
  // In the page: after the next frame, so that what is drawn meanwhile (a draft) shows first.
  if (!w)
    return new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(inPage(graph, seed)), 0)));
  return new Promise((resolve) => {
    const id = nextJob++;
    jobs.set(id, { graph, seed, resolve });
    w.postMessage({ id, graph, seed });
  });
}
