/**
 * The layout of a grouped view (grouping.ts): each box is packed, then the boxes and the nodes outside them are
 * laid out together by force, then each box is filled.
 *
 * 1. Inside a box, the organization (by organization) sits at the centre and the other members on rings around
 *    it, the largest nearest the centre, each ring as wide as its largest node needs.
 * 2. Every box becomes one round node as wide as its rings, every node outside the boxes stays itself, and the
 *    relationships between them become one line per pair; fcose lays out this small graph (in a headless
 *    Cytoscape), so that boxes do not overlap and a conflict sits between the boxes whose missions are in it.
 * 3. The members of a box go on their ring in the order of the direction they are pulled to (where their
 *    conflicts and partners outside the box lie), so that few lines cross the box.
 *
 * Step 2 is unit-layout.ts (plain data, so that it can run in the layout worker); it draws its random start from
 * Math.random, which runLayout seeds by the ids in view. Before it ends, draftUnitPositions gives the units cheap
 * places in rows, for a first picture.
 */
import type { Core, EdgeCollection, NodeCollection, NodeSingular, Position } from 'cytoscape';
import { GROUP_BOX_CLASS } from './grouping';
import { layoutUnits } from './unit-layout';
import type { UnitGraph } from './unit-layout';

export { separateSquares, UNIT_GAP } from './unit-layout';

/** Space between two nodes on a ring, and between rings (model pixels). */
export const RING_GAP = 10;
/** Room between a box's outer ring and its border (the box's padding and border, and some air). */
export const BOX_MARGIN = 18;

/** One unit of the small graph: a box with its rings, or a node outside the boxes. */
interface Unit {
  id: string;
  centre: NodeSingular | null;
  rings: NodeSingular[][];
  radii: number[];
  /** Radius of the packed box (0 for a node outside the boxes: its own size counts). */
  radius: number;
  size: number;
}

const sizeOf = (n: NodeSingular): number => Math.max(n.outerWidth(), n.outerHeight());

/** Packs a box's members on rings around its centre (the largest nearest), with the radius of each ring. */
export function packRings(
  centreSize: number | null,
  sizes: readonly number[],
  gap = RING_GAP,
): { radii: number[]; counts: number[]; radius: number } {
  const radii: number[] = [];
  const counts: number[] = [];
  let i = 0;
  let inner = centreSize === null ? 0 : centreSize / 2;
  if (centreSize === null && sizes.length) {
    // No centre: the largest member takes it.
    radii.push(0);
    counts.push(1);
    inner = (sizes[0] ?? 0) / 2;
    i = 1;
  }
  while (i < sizes.length) {
    const s = sizes[i] ?? 0;
    const r = inner + gap + s / 2;
    const capacity = Math.max(1, Math.floor((2 * Math.PI * r) / (s + gap)));
    const n = Math.min(capacity, sizes.length - i);
    radii.push(r);
    counts.push(n);
    inner = r + s / 2;
    i += n;
  }
  return { radii, counts, radius: inner };
}

/** The units of the nodes to lay out: one per box (with its packed rings), one per node outside the boxes. */
function unitsOf(cy: Core, nodes: NodeCollection): { units: Map<string, Unit>; unitOf: Map<string, string> } {
  const units = new Map<string, Unit>();
  const unitOf = new Map<string, string>();
  const members = new Map<string, NodeSingular[]>();
  nodes.forEach((n) => {
    if (n.hasClass(GROUP_BOX_CLASS)) return;
    const parent = n.parent().first();
    const box = parent.nonempty() && parent.hasClass(GROUP_BOX_CLASS) ? parent.id() : null;
    if (box) {
      members.set(box, [...(members.get(box) ?? []), n]);
      unitOf.set(n.id(), box);
    } else {
      units.set(n.id(), { id: n.id(), centre: n, rings: [], radii: [], radius: 0, size: sizeOf(n) });
      unitOf.set(n.id(), n.id());
    }
  });
  for (const [box, list] of members) {
    const boxNode = cy.getElementById(box);
    const key = String(boxNode.data('key'));
    const centre = boxNode.data('groupBy') === 'organization' ? (list.find((n) => n.id() === key) ?? null) : null;
    const others = list.filter((n) => n !== centre).sort((a, b) => sizeOf(b) - sizeOf(a) || (a.id() < b.id() ? -1 : 1));
    const packed = packRings(centre ? sizeOf(centre) : null, others.map(sizeOf));
    const rings: NodeSingular[][] = [];
    let at = 0;
    for (const count of packed.counts) {
      rings.push(others.slice(at, at + count));
      at += count;
    }
    units.set(box, {
      id: box,
      centre,
      rings,
      radii: packed.radii,
      radius: packed.radius,
      size: 2 * (packed.radius + BOX_MARGIN),
    });
  }
  return { units, unitOf };
}

/** The mean of angles (radians), or null for none. */
function meanAngle(angles: readonly number[]): number | null {
  if (!angles.length) return null;
  const x = angles.reduce((s, a) => s + Math.cos(a), 0);
  const y = angles.reduce((s, a) => s + Math.sin(a), 0);
  return x === 0 && y === 0 ? null : Math.atan2(y, x);
}

/** A grouped view's layout before its units are placed: the units, the small graph, what pulls each member. */
export interface GroupedPlan {
  units: Map<string, Unit>;
  /** The small graph to lay out (unit-layout.ts): plain data, which the layout worker can take. */
  graph: UnitGraph;
  /** The units each node is pulled to (its neighbours outside its own unit). */
  pulls: Map<string, string[]>;
}

/** The plan of a grouped layout of `nodes` (entity nodes and their boxes) with `edges` laid out with them. */
export function groupedPlan(cy: Core, nodes: NodeCollection, edges: EdgeCollection): GroupedPlan {
  const { units, unitOf } = unitsOf(cy, nodes);
  const inLayout = new Set(nodes.map((n) => n.id()));
  const links = new Map<string, number>();
  const pulls = new Map<string, string[]>();
  edges.forEach((e) => {
    const s = e.source().id();
    const t = e.target().id();
    if (!inLayout.has(s) || !inLayout.has(t)) return;
    const a = unitOf.get(s);
    const b = unitOf.get(t);
    if (!a || !b || a === b) return;
    const key = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
    links.set(key, (links.get(key) ?? 0) + 1);
    pulls.set(s, [...(pulls.get(s) ?? []), b]);
    pulls.set(t, [...(pulls.get(t) ?? []), a]);
  });
  const graph: UnitGraph = { units: [...units.values()].map((u) => ({ id: u.id, size: u.size })), links: [...links] };
  return { units, graph, pulls };
}

/**
 * Positions of every node of the plan once its units are placed (`at`, by unit id): the boxes' members on rings
 * around their centre, boxes and other nodes where the units are. Boxes get no position of their own (a box is
 * as large as what it holds).
 */
export function fillUnits(plan: GroupedPlan, at: ReadonlyMap<string, Position>): Map<string, Position> {
  const { units, pulls } = plan;
  const out = new Map<string, Position>();
  for (const u of units.values()) {
    const p = at.get(u.id) ?? { x: 0, y: 0 };
    if (u.centre) out.set(u.centre.id(), p);
    u.rings.forEach((ring, k) => {
      const radius = u.radii[k] ?? 0;
      // Each member's direction: towards the units it is linked to.
      const wanted = ring.map((n) => {
        const angles = (pulls.get(n.id()) ?? []).map((other) => {
          const q = at.get(other) ?? p;
          return Math.atan2(q.y - p.y, q.x - p.x);
        });
        return { n, angle: meanAngle(angles) };
      });
      const ordered = [
        ...wanted.filter((w) => w.angle !== null).sort((a, b) => (a.angle ?? 0) - (b.angle ?? 0)),
        ...wanted.filter((w) => w.angle === null),
      ];
      const step = (2 * Math.PI) / Math.max(1, ordered.length);
      // Turn the ring so that members sit as near their direction as the even spacing allows.
      const start =
        meanAngle(ordered.filter((w) => w.angle !== null).map((w, i) => (w.angle ?? 0) - i * step)) ?? -Math.PI / 2;
      ordered.forEach((w, i) => {
        const a = start + i * step;
        out.set(w.n.id(), { x: p.x + radius * Math.cos(a), y: p.y + radius * Math.sin(a) });
      });
    });
  }
  return out;
}

/**
 * Positions of `nodes` (the nodes being laid out: entity nodes and their boxes), with `edges` the relationships
 * laid out with them, the units placed by force in this thread (Math.random seeded by the caller).
 */
export function groupedPositions(cy: Core, nodes: NodeCollection, edges: EdgeCollection): Map<string, Position> {
  const plan = groupedPlan(cy, nodes, edges);
  return fillUnits(plan, layoutUnits(plan.graph));
}

/**
 * Cheap first places of the units, for the picture drawn before the force layout ends: in rows, the widest
 * first, each row about as wide as the whole is tall. No randomness: the same units give the same draft.
 */
export function draftUnitPositions(graph: UnitGraph, gap = RING_GAP * 3): Map<string, Position> {
  const units = [...graph.units].sort((a, b) => b.size - a.size || (a.id < b.id ? -1 : 1));
  const area = units.reduce((s, u) => s + (u.size + gap) ** 2, 0);
  const rowWidth = Math.max(units[0]?.size ?? 0, Math.sqrt(area) * 1.3);
  const out = new Map<string, Position>();
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  for (const u of units) {
    if (x > 0 && x + u.size > rowWidth) {
      x = 0;
      y += rowHeight + gap;
      rowHeight = 0;
    }
    out.set(u.id, { x: x + u.size / 2, y: y + u.size / 2 });
    x += u.size + gap;
    rowHeight = Math.max(rowHeight, u.size);
  }
  return out;
}

/** Whether the view has boxes among the nodes to lay out. */
export function hasGroupBoxes(cy: Core): boolean {
  return cy.nodes(`.${GROUP_BOX_CLASS}`).nonempty();
}
