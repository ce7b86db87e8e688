/**
 * The force layout of the small graph of a grouped view (grouped-layout.ts): one round unit per box (as wide as
 * its rings) and per node outside the boxes, one line per linked pair. Plain data in, positions out, no DOM, so
 * that it runs in the layout worker (unit-layout.worker.ts) as well as in the page; given the same units, links
 * and seed it gives the same positions in both.
 */
import type { EdgeSingular, ElementDefinition, Position } from 'cytoscape';
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';

/** A unit of the small graph: its id and its width (model pixels). */
export interface UnitSpec {
  id: string;
  size: number;
}

/** What the small graph is: its units and its links (`a\u0000b` with a < b, and the number of lines). */
export interface UnitGraph {
  units: UnitSpec[];
  links: [string, number][];
}

/** Least gap between two units of the small graph (model pixels). */
export const UNIT_GAP = 16;

/** Registers fcose on this module's Cytoscape unless it is there already (in the page, extensions.ts does it). */
function ensureFcose(): void {
  const lookup = cytoscape as unknown as (type: string, name: string) => unknown;
  if (!lookup('layout', 'fcose')) cytoscape.use(fcose);
}

/**
 * Lays out the small graph (fcose in a headless Cytoscape, then overlapping units pushed apart); positions by
 * unit id. It draws its random start from Math.random: the caller seeds it (seeded-random.ts).
 */
export function layoutUnits(graph: UnitGraph): Map<string, Position> {
  ensureFcose();
  const elements: ElementDefinition[] = [];
  for (const u of [...graph.units].sort((a, b) => (a.id < b.id ? -1 : 1)))
    elements.push({ group: 'nodes', data: { id: u.id, w: u.size } });
  for (const [pair, count] of [...graph.links].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const [source, target] = pair.split('\u0000') as [string, string];
    elements.push({ group: 'edges', data: { id: `link:${pair}`, source, target, count } });
  }
  const meta = cytoscape({
    headless: true,
    styleEnabled: true,
    elements,
    style: [{ selector: 'node', style: { width: 'data(w)', height: 'data(w)', shape: 'rectangle' } }],
  });
  meta
    .layout({
      name: 'fcose',
      animate: false,
      fit: false,
      randomize: true,
      quality: 'default',
      nodeRepulsion: () => 9000,
      idealEdgeLength: (e: EdgeSingular) => Math.max(30, 70 - 8 * Math.min(5, Number(e.data('count')))),
      edgeElasticity: () => 0.45,
      nodeSeparation: 50,
      packComponents: true,
      numIter: 2500,
    } as never)
    .run();
  const out = new Map<string, Position>();
  meta.nodes().forEach((n) => {
    out.set(n.id(), { ...n.position() });
  });
  meta.destroy();
  // fcose keeps large nodes apart only roughly: push overlapping units apart (boxes are drawn as squares).
  separateSquares(out, new Map(graph.units.map((u) => [u.id, u.size / 2])), UNIT_GAP);
  return out;
}

/**
 * Moves squares (centres in `at`, half sides by id) apart until no two are closer than `gap` (or after `rounds`
 * rounds): in each round the pairs are taken in order (by id, then by the other's id), and each pair that
 * overlaps is pushed apart along the axis where they overlap least, the smaller one further.
 *
 * Grids find the pairs that overlap without testing every pair: for the square in hand they give the next
 * square, in order, that overlaps it where the squares are now, and they follow every move. Pairs that do not
 * overlap change nothing, so this takes exactly the steps (and gives exactly the positions) of testing every pair
 * in order, in time that grows with the overlaps instead of the pairs.
 */
export function separateSquares(
  at: Map<string, Position>,
  halves: ReadonlyMap<string, number>,
  gap: number,
  rounds = 300,
): void {
  const ids = [...at.keys()].sort();
  const pos = ids.map((id) => at.get(id) as Position);
  const half = ids.map((id) => halves.get(id) ?? 0);
  // Non-finite positions or sizes (which no layout gives) are left as they are.
  if (!pos.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y)) || !half.every(Number.isFinite)) return;
  const grids = new SizeGrids(pos, half, gap);
  for (let round = 0; round < rounds; round++) {
    let moved = false;
    for (let i = 0; i < ids.length; i++) {
      for (let j = grids.nextOverlap(i, i); j >= 0; j = grids.nextOverlap(i, j)) {
        pushApart(pos[i], pos[j], half[i], half[j], gap, i, j);
        grids.moved(i);
        grids.moved(j);
        moved = true;
      }
    }
    if (!moved) return;
  }
}

/**
 * The squares by size class (half sides up to 16, 32, 64... model pixels), each class on a grid of cells as wide
 * as its largest square plus the gap, each square in the cell of its centre.
 */
class SizeGrids {
  private readonly classOf: number[];
  private readonly cellOf: number[];
  private readonly classes: { cell: number; maxHalf: number; grid: Map<number, number[]> }[] = [];

  constructor(
    private readonly pos: Position[],
    private readonly half: number[],
    private readonly gap: number,
  ) {
    this.classOf = half.map((h) => Math.max(0, Math.ceil(Math.log2(Math.max(h, 1) / 16))));
    const top = Math.max(0, ...this.classOf);
    for (let c = 0; c <= top; c++) {
      const maxHalf = Math.max(0, ...half.filter((_, i) => this.classOf[i] === c));
      this.classes.push({ cell: Math.max(8, 2 * maxHalf + gap), maxHalf, grid: new Map() });
    }
    this.cellOf = pos.map((_, i) => this.keyOf(i));
    this.cellOf.forEach((key, i) => this.add(i, key));
  }

  private keyOf(i: number): number {
    const p = this.pos[i];
    const cell = (this.classes[this.classOf[i]] as { cell: number }).cell;
    return Math.floor(p.x / cell) * 4194304 + Math.floor(p.y / cell);
  }

  private add(i: number, key: number): void {
    const grid = (this.classes[this.classOf[i]] as { grid: Map<number, number[]> }).grid;
    const list = grid.get(key);
    if (list) list.push(i);
    else grid.set(key, [i]);
  }

  /** Square i has moved: it changes cell if need be. */
  moved(i: number): void {
    const key = this.keyOf(i);
    const old = this.cellOf[i];
    if (key === old) return;
    const list = (this.classes[this.classOf[i]] as { grid: Map<number, number[]> }).grid.get(old) as number[];
    list.splice(list.indexOf(i), 1);
    this.cellOf[i] = key;
    this.add(i, key);
  }

  /** The first square after `after` (in order) that overlaps square i where they are now; -1 for none. */
  nextOverlap(i: number, after: number): number {
    const a = this.pos[i];
    const ha = this.half[i];
    let best = -1;
    for (const { cell, maxHalf, grid } of this.classes) {
      if (!grid.size) continue;
      // A square of this class that overlaps square i has its centre closer than this on both axes.
      const reach = ha + maxHalf + this.gap;
      const x2 = Math.floor((a.x + reach) / cell);
      const y1 = Math.floor((a.y - reach) / cell);
      const y2 = Math.floor((a.y + reach) / cell);
      for (let x = Math.floor((a.x - reach) / cell); x <= x2; x++) {
        for (let y = y1; y <= y2; y++) {
          const list = grid.get(x * 4194304 + y);
          if (!list) continue;
          for (const j of list) {
            if (j <= after || (best >= 0 && j >= best)) continue;
            if (overlaps(a, this.pos[j], ha, this.half[j], this.gap)) best = j;
          }
        }
      }
    }
    return best;
  }
}

/** Whether squares a and b (half sides ha, hb) are closer than `gap` on both axes (the same sums as pushApart). */
export function overlaps(a: Position, b: Position, ha: number, hb: number, gap: number): boolean {
  return ha + hb + gap - Math.abs(b.x - a.x) > 0 && ha + hb + gap - Math.abs(b.y - a.y) > 0;
}

/** Pushes the overlapping squares a and b (the i-th and j-th in order) apart, as separateSquares says. */
export function pushApart(a: Position, b: Position, ha: number, hb: number, gap: number, i: number, j: number): void {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const overlapX = ha + hb + gap - Math.abs(dx);
  const overlapY = ha + hb + gap - Math.abs(dy);
  const share = ha + hb > 0 ? hb / (ha + hb) : 0.5;
  // Along the axis of least overlap; a tie (or the same centre) is broken by the pair's order.
  if (overlapX < overlapY || (overlapX === overlapY && (i + j) % 2 === 0)) {
    const sign = dx > 0 || (dx === 0 && i % 2 === 0) ? 1 : -1;
    a.x -= sign * overlapX * share;
    b.x += sign * overlapX * (1 - share);
  } else {
    const sign = dy > 0 || (dy === 0 && j % 2 === 0) ? 1 : -1;
    a.y -= sign * overlapY * share;
    b.y += sign * overlapY * (1 - share);
  }
}
