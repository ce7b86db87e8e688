/**
 * The layout worker: lays out the small graph of a grouped view (unit-layout.ts) off the page's thread, with
 * Math.random seeded as runLayout seeds it, so that its answer is the one the page would compute itself.
 * Message in: `{ id, graph, seed }`; out: `{ id, positions: [unit id, position][] }` or `{ id, error }`.
 */
import { withSeededRandom } from './seeded-random';
import { layoutUnits } from './unit-layout';
import type { UnitGraph } from './unit-layout';

interface Job {
  id: number;
  graph: UnitGraph;
  seed: string;
}

self.onmessage = (ev: MessageEvent<Job>) => {
  const { id, graph, seed } = ev.data;
  try {
    const at = withSeededRandom(seed, () => layoutUnits(graph));
    self.postMessage({ id, positions: [...at] });
  } catch (err) {
    self.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
};
