/**
 * Running a layout over the view. The same elements give the same picture: they are laid out in id order, and
 * the layouts that draw random starting positions (fcose) draw them from a generator seeded by the layout and
 * the ids in view, so a shared link shows what its sender saw.
 *
 * The force layout (fcose) is the slow one, and it is staged so that the graph shows at once:
 * - positions this browser stored for exactly these inputs (position-cache.ts) are used as they are: they are
 *   what the layout would compute;
 * - otherwise, in a grouped view, each box is packed on its rings and the boxes are set in rows (a draft, drawn
 *   first when the caller asks for it), then the force layout of the boxes runs in a worker (layout-worker.ts),
 *   so that the view can be moved meanwhile; its answer moves every node to its final place, which is stored for
 *   next time.
 */
import type { Collection, Core, LayoutOptions, NodeCollection, Position } from 'cytoscape';
import { draftUnitPositions, fillUnits, groupedPlan, hasGroupBoxes } from '../graph/grouped-layout';
import { clearLabels, HOVER_LABEL_CLASS, LABEL_CLASS } from '../graph/labels';
import { layoutOptions } from '../graph/layouts';
import { setScratch } from '../graph/scratch';
import { withSeededRandom } from '../graph/seeded-random';
import type { LayoutName } from '../graph/view-state';
import { placeUnits, warmLayoutWorker } from './layout-worker';
import { syncMap } from './map';
import { layoutKey, storedPositions, storePositions } from './position-cache';

/** What the view lays out: everything the user or the slider has not hidden. */
const LAID_OUT = '.user-hidden, .time-hidden';

// The layout worker loads while the opening network is fetched (this module loads with the view's code).
if (typeof window !== 'undefined') warmLayoutWorker();

/** Graphs up to this many nodes move to their final places in an animation (larger ones jump). */
const ANIMATE_BELOW = 400;

/** How the nodes stand: in a draft, at stored positions (final), or laid out (final). */
export type LayoutStage = 'draft' | 'stored' | 'final';

/**
 * Says how the nodes stand (`body[data-layout-stage]`, and the performance mark `peaceops:layout-<stage>`; once
 * they are in their final places, stored or laid out, also `peaceops:layout-end`), then calls `drawn`.
 */
function stage(which: LayoutStage, drawn: (() => void) | undefined): void {
  if (typeof document !== 'undefined') document.body.dataset.layoutStage = which;
  if (typeof performance !== 'undefined') {
    performance.mark(`peaceops:layout-${which}`);
    if (which !== 'draft') performance.mark('peaceops:layout-end');
  }
  drawn?.();
}

export interface LayoutRunOptions {
  animate?: boolean;
  /**
   * Called when the nodes stand where they can be drawn: in a draft (and again when the layout has put them in
   * their final places), at stored positions (which are final), or in their final places; `body[data-layout-stage]`
   * says which. With it, a grouped force layout draws a draft first.
   */
  drawn?: () => void;
}

/** Lays out the elements in view (not the hidden ones); resolves when the nodes are in their final places. */
export async function runLayout(cy: Core | null, name: LayoutName, opts: LayoutRunOptions = {}): Promise<void> {
  if (!cy) return;
  if (typeof performance !== 'undefined') performance.mark('peaceops:layout-start');
  // The map layout draws the world under the canvas (view/map.ts); any other layout takes it away.
  syncMap(cy, name === 'map');
  const eles = cy
    .elements()
    .not(LAID_OUT)
    .sort((a, b) => (a.id() < b.id() ? -1 : a.id() > b.id() ? 1 : 0));
  const seed = `${name}|${eles.map((e) => e.id()).join(' ')}`;
  // A newer layout of the same view makes this one stale: it then stops without moving anything.
  const run = Number(cy.scratch('layoutRun') ?? 0) + 1;
  setScratch(cy, 'layoutRun', run);
  const current = () => cy.scratch('layoutRun') === run && !cy.destroyed();
  const animate = opts.animate ?? false;
  if (name !== 'fcose') {
    await play(eles, layoutOptions(name, cy, { animate }), seed);
    stage('final', opts.drawn);
    return;
  }
  // The nodes and edges as the layout reads them (graph order), and the nodes that get a position (not the boxes).
  const laid = cy.elements().not(LAID_OUT);
  const leaves = laid.nodes().filter((n) => !n.isParent());
  const key = layoutKey(name, seed, laid.nodes(), laid.edges());
  const stored = storedPositions(
    key,
    leaves.map((n) => n.id()),
  );
  if (stored) {
    // Fitted to the nodes' squares, as the draft is: cy.fit would measure every edge and label before the first frame.
    const sizes = new Map(leaves.map((n) => [n.id(), Math.max(n.outerWidth(), n.outerHeight())]));
    if (opts.drawn && !animate) placeAt(cy, eles, stored, fitSquares(cy, stored, sizes));
    else await play(eles, presetOptions(stored, animate), seed);
    stage('stored', opts.drawn);
    return;
  }
  if (!hasGroupBoxes(cy)) {
    await play(eles, layoutOptions(name, cy, { animate }), seed);
    if (!current()) return;
    storePositions(key, positionsOf(leaves));
    stage('final', opts.drawn);
    return;
  }
  const plan = groupedPlan(cy, laid.nodes(), laid.edges());
  let drafted = false;
  if (opts.drawn) {
    // Fitted to the draft's units as placed, which spares measuring every element before the first frame.
    const draft = draftUnitPositions(plan.graph);
    placeAt(
      cy,
      eles,
      fillUnits(plan, draft),
      fitSquares(cy, draft, new Map(plan.graph.units.map((u) => [u.id, u.size]))),
    );
    drafted = true;
    stage('draft', opts.drawn);
    // The draft is drawn in the next frame (Cytoscape draws first in each frame); only then may it be replaced.
    await new Promise((resolve) => requestAnimationFrame(resolve));
    if (!current()) return;
  }
  // The worker starts on the boxes once the draft is drawn: started beside it, on a machine of two cores, it slowed
  // the first frame by half (1.0 s against 1.5 s at ten times the data), and the draft is what shows meanwhile.
  const final = fillUnits(plan, await placeUnits(plan.graph, seed));
  if (!current()) return;
  // From a draft, a small graph glides to its final places.
  const glide = animate || (drafted && leaves.length < ANIMATE_BELOW);
  if (opts.drawn && !glide) placeAt(cy, eles, final);
  else await play(eles, presetOptions(final, glide), seed);
  storePositions(key, final);
  if (current()) stage('final', opts.drawn);
}

/** A preset layout to `positions` (what has none keeps its place), fitted. */
function presetOptions(positions: ReadonlyMap<string, Position>, animate: boolean): LayoutOptions {
  return {
    name: 'preset',
    fit: true,
    padding: 30,
    animate,
    animationDuration: 400,
    positions: (n: { id(): string; position(): Position }) => positions.get(n.id()) ?? { ...n.position() },
  } as LayoutOptions;
}

/**
 * Puts the nodes at `positions` and fits the view to `eles`, at once and without the events of a layout (whose
 * end makes the view work out sizes and labels, which the caller's `drawn` does anyway). As a layout does, it
 * fits the nodes alone: labels (as large in the model as the zoom is small) are taken away first.
 */
function placeAt(
  cy: Core,
  eles: Collection,
  positions: ReadonlyMap<string, Position>,
  viewport: { zoom: number; pan: Position } | null = null,
): void {
  if (cy.nodes(`.${LABEL_CLASS}, .${HOVER_LABEL_CLASS}`).nonempty()) clearLabels(cy);
  cy.batch(() => {
    eles
      .nodes()
      .filter((n) => !n.isParent() && positions.has(n.id()))
      .positions((n) => positions.get(n.id()) as Position);
  });
  if (viewport) cy.viewport(viewport);
  else cy.fit(eles, 30);
}

/**
 * The viewport in which squares (centres `at`, widths `sizes`) fill the canvas but for `padding`, as cy.fit
 * fits a bounding box; null for none.
 */
function fitSquares(
  cy: Core,
  at: ReadonlyMap<string, Position>,
  sizes: ReadonlyMap<string, number>,
  padding = 30,
): { zoom: number; pan: Position } | null {
  let [x1, y1, x2, y2] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [id, p] of at) {
    const half = (sizes.get(id) ?? 0) / 2;
    [x1, y1, x2, y2] = [
      Math.min(x1, p.x - half),
      Math.min(y1, p.y - half),
      Math.max(x2, p.x + half),
      Math.max(y2, p.y + half),
    ];
  }
  if (!(x2 > x1) || !(y2 > y1)) return null;
  const zoom = Math.min(
    cy.maxZoom(),
    Math.max(cy.minZoom(), Math.min((cy.width() - 2 * padding) / (x2 - x1), (cy.height() - 2 * padding) / (y2 - y1))),
  );
  return { zoom, pan: { x: (cy.width() - zoom * (x1 + x2)) / 2, y: (cy.height() - zoom * (y1 + y2)) / 2 } };
}

/** Runs a layout over `eles` with Math.random seeded by `seed`; resolves when it stops. */
function play(eles: Collection, options: LayoutOptions, seed: string): Promise<void> {
  const layout = eles.layout(options);
  const done = new Promise<void>((resolve) => layout.one('layoutstop', () => resolve()));
  withSeededRandom(seed, () => layout.run());
  return done;
}

function positionsOf(nodes: NodeCollection): Map<string, Position> {
  return new Map(nodes.map((n) => [n.id(), { ...n.position() }] as const));
}
