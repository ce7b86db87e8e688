/**
 * Places new nodes around the node they came from without overlapping anything already drawn: the nodes in view
 * stay where they are (obstacles), and each new node takes the first free spot on rings of growing radius around
 * its parent, starting from a preferred direction (where the graph is thinnest) and alternating to either side.
 * Deterministic: the same obstacles and items in the same order give the same positions.
 */
import type { Core, NodeSingular, Position } from 'cytoscape';

/** An axis-aligned box in model coordinates. */
export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** A node to place: its box relative to its position (the label below the node makes `y2` the larger side). */
export interface PlaceItem {
  id: string;
  rel: Box;
}

/** How to search for free spots. */
export interface PlaceOptions {
  /** Radius of the first ring (model px). */
  minRadius: number;
  /** Distance between rings. */
  ringStep?: number;
  /** Smallest gap kept between two boxes. */
  padding?: number;
  /** Direction tried first, in radians (0: to the right, π/2: down). */
  towards?: number;
  /** Rings tried before giving up on a free spot (the item then goes on the last ring tried). */
  maxRings?: number;
}

/** Whether two boxes overlap (touching edges do not count). */
export function overlaps(a: Box, b: Box): boolean {
  return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
}

/** A uniform grid of boxes, so that a free-spot test looks at the few boxes nearby. */
class BoxGrid {
  private readonly cells = new Map<string, Box[]>();

  constructor(private readonly size: number) {}

  private keys(b: Box): string[] {
    const out: string[] = [];
    for (let i = Math.floor(b.x1 / this.size); i <= Math.floor(b.x2 / this.size); i++) {
      for (let j = Math.floor(b.y1 / this.size); j <= Math.floor(b.y2 / this.size); j++) out.push(`${i},${j}`);
    }
    return out;
  }

  add(b: Box): void {
    for (const k of this.keys(b)) {
      const list = this.cells.get(k);
      if (list) list.push(b);
      else this.cells.set(k, [b]);
    }
  }

  hits(b: Box): boolean {
    for (const k of this.keys(b)) {
      for (const o of this.cells.get(k) ?? []) if (overlaps(b, o)) return true;
    }
    return false;
  }
}

function at(rel: Box, p: Position, pad: number): Box {
  return { x1: p.x + rel.x1 - pad, y1: p.y + rel.y1 - pad, x2: p.x + rel.x2 + pad, y2: p.y + rel.y2 + pad };
}

/**
 * Positions for `items` around `centre`, in their order (the first ones get the spots nearest the parent), so
 * that no item's box overlaps an obstacle or another item. Items are placed ring by ring: an item never goes on
 * a ring inside the previous item's, which keeps the search short and the order readable from the centre out.
 */
export function placeAround(
  centre: Position,
  items: readonly PlaceItem[],
  obstacles: readonly Box[],
  opts: PlaceOptions,
): Map<string, Position> {
  const step = opts.ringStep ?? 22;
  const pad = opts.padding ?? 4;
  const maxRings = opts.maxRings ?? 400;
  const towards = opts.towards ?? -Math.PI / 2;
  const grid = new BoxGrid(120);
  // Obstacles carry half the padding, items the other half: two boxes end up at least `pad` apart.
  for (const o of obstacles)
    grid.add({ x1: o.x1 - pad / 2, y1: o.y1 - pad / 2, x2: o.x2 + pad / 2, y2: o.y2 + pad / 2 });
  const out = new Map<string, Position>();
  let ring = 0;
  for (const item of items) {
    const width = item.rel.x2 - item.rel.x1;
    const height = item.rel.y2 - item.rel.y1;
    let placed: Position | null = null;
    let last: Position = centre;
    for (; ring < maxRings && !placed; ring++) {
      const radius = opts.minRadius + ring * step;
      // Angular step: about a third of the item's smaller side along the ring, so that narrow gaps are found.
      const delta = Math.max(Math.min(width, height) / 3, 6) / radius;
      const count = Math.floor(Math.PI / delta);
      for (let k = 0; k <= count && !placed; k++) {
        for (const sign of k === 0 ? [1] : [1, -1]) {
          const angle = towards + sign * k * delta;
          const p = { x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) };
          last = p;
          if (!grid.hits(at(item.rel, p, pad / 2))) {
            placed = p;
            break;
          }
        }
      }
      if (placed) break;
    }
    if (!placed) ring = maxRings - 1; // no free spot within reach: the outermost ring, overlapping if it must
    const p = placed ?? last;
    grid.add(at(item.rel, p, pad / 2));
    out.set(item.id, { x: Math.round(p.x * 100) / 100, y: Math.round(p.y * 100) / 100 });
  }
  return out;
}

/**
 * The direction from `centre` in which the graph is thinnest: away from the weighted centre of the boxes within
 * `reach`, or up when nothing is near.
 */
export function freestDirection(centre: Position, obstacles: readonly Box[], reach: number): number {
  let sx = 0;
  let sy = 0;
  for (const o of obstacles) {
    const x = (o.x1 + o.x2) / 2 - centre.x;
    const y = (o.y1 + o.y2) / 2 - centre.y;
    const d = Math.hypot(x, y);
    if (d < 1 || d > reach) continue;
    // Nearer nodes weigh more.
    sx += x / d / d;
    sy += y / d / d;
  }
  if (Math.hypot(sx, sy) < 1e-9) return -Math.PI / 2;
  return Math.atan2(-sy, -sx);
}

/** Room kept under every node for its label: the label pass (labels.ts) shows a label only where it fits. */
export const LABEL_ROOM = { width: 70, height: 14 };

/**
 * The room a node takes in the model, whether it is drawn now or not (the slider, the legend or the user may
 * show it again): its body, and a strip under it for the start of its label. Labels keep one size on screen at
 * every zoom, so their full extent in the model is not fixed; the label pass hides those that would overlap.
 * A group box (compound node) takes its whole box.
 */
export function nodeBox(n: NodeSingular): Box {
  if (n.isParent()) {
    const bb = n.boundingBox({ includeLabels: false, includeOverlays: false });
    if (Number.isFinite(bb.x1)) return { x1: bb.x1, y1: bb.y1, x2: bb.x2, y2: bb.y2 };
  }
  const p = n.position();
  const size = Number(n.data('size')) || 20;
  const w = n.outerWidth() || size;
  const h = n.outerHeight() || size;
  const half = Math.max(w, LABEL_ROOM.width) / 2;
  return { x1: p.x - half, y1: p.y - h / 2, x2: p.x + half, y2: p.y + h / 2 + LABEL_ROOM.height };
}

/** A node's body in the model (no label), as Cytoscape draws it. */
export function bodyBox(n: NodeSingular): Box {
  const p = n.position();
  const w = n.outerWidth();
  const h = n.outerHeight();
  return { x1: p.x - w / 2, y1: p.y - h / 2, x2: p.x + w / 2, y2: p.y + h / 2 };
}

/**
 * Moves the nodes `ids` (just added to `cy`) around `parentId` so that none overlaps a node already there (nor a
 * group box) or each other; every other node stays where it is. `ids` are placed in their order, the first nearest.
 */
export function placeNewNodes(cy: Core, parentId: string, ids: readonly string[]): void {
  if (!ids.length) return;
  const fresh = new Set(ids);
  const parent = cy.getElementById(parentId);
  const centre = parent.nonempty() ? { ...(parent as NodeSingular).position() } : { x: 0, y: 0 };
  const obstacles: Box[] = [];
  cy.nodes().forEach((n) => {
    if (!fresh.has(n.id())) obstacles.push(nodeBox(n));
  });
  const items: PlaceItem[] = [];
  for (const id of ids) {
    const n = cy.getElementById(id) as NodeSingular;
    if (n.empty()) continue;
    const b = nodeBox(n);
    const p = n.position();
    items.push({ id, rel: { x1: b.x1 - p.x, y1: b.y1 - p.y, x2: b.x2 - p.x, y2: b.y2 - p.y } });
  }
  const parentBox = parent.nonempty() ? bodyBox(parent) : null;
  const minRadius = parentBox ? Math.max(parentBox.x2 - parentBox.x1, parentBox.y2 - parentBox.y1) / 2 + 40 : 60;
  const positions = placeAround(centre, items, obstacles, {
    minRadius,
    padding: 8,
    towards: freestDirection(centre, obstacles, 600),
  });
  cy.batch(() => {
    for (const [id, p] of positions) cy.getElementById(id).position(p);
  });
}
