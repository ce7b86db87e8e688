/**
 * Keyboard movement between nodes on the canvas: a cursor that the arrow keys move to the nearest node shown in
 * that direction (by position on the screen, within a cone), marked on the canvas (class `kbd-cursor`) and
 * announced in a live region with its name and type.
 */
import type { Core, NodeSingular } from 'cytoscape';

/** An arrow key's direction. */
export type Direction = 'up' | 'down' | 'left' | 'right';

/** A node's place on the screen. */
export interface ScreenPoint {
  id: string;
  x: number;
  y: number;
}

const VECTORS: Readonly<Record<Direction, readonly [number, number]>> = {
  up: [0, -1],
  down: [0, 1],
  left: [-1, 0],
  right: [1, 0],
};

/** The direction of an arrow key's `KeyboardEvent.key`, or null. */
export function arrowDirection(key: string): Direction | null {
  return key === 'ArrowUp'
    ? 'up'
    : key === 'ArrowDown'
      ? 'down'
      : key === 'ArrowLeft'
        ? 'left'
        : key === 'ArrowRight'
          ? 'right'
          : null;
}

/**
 * The candidate nearest to `from` in `dir`: among those within 45° of the direction (then, when none is, within
 * 80°), the one with the least distance along the direction plus twice the distance across it; ties by id.
 */
export function nearestInDirection(
  from: { x: number; y: number },
  candidates: readonly ScreenPoint[],
  dir: Direction,
): string | null {
  const [vx, vy] = VECTORS[dir];
  for (const cone of [45, 80]) {
    const tan = Math.tan((cone * Math.PI) / 180);
    let best: { id: string; score: number } | null = null;
    for (const c of candidates) {
      const dx = c.x - from.x;
      const dy = c.y - from.y;
      const along = dx * vx + dy * vy;
      const across = Math.abs(dx * vy - dy * vx);
      if (along <= 0.5 || across > along * tan) continue;
      const score = along + 2 * across;
      if (!best || score < best.score || (score === best.score && c.id < best.id)) best = { id: c.id, score };
    }
    if (best) return best.id;
  }
  return null;
}

/** Classes that take a node off the canvas (the slider, the legend, the user, the focus mode's "hide the rest"). */
export const NOT_SHOWN = '.user-hidden, .time-hidden, .legend-hidden, .focus-hidden';

function shownNodes(cy: Core): ScreenPoint[] {
  const out: ScreenPoint[] = [];
  cy.nodes().forEach((n) => {
    if (n.is(NOT_SHOWN)) return;
    const p = n.renderedPosition();
    out.push({ id: n.id(), x: p.x, y: p.y });
  });
  return out;
}

/** The node shown next to `fromId` in `dir` on the screen; null when there is none that way. */
export function nextNode(cy: Core, fromId: string, dir: Direction): string | null {
  const from = cy.getElementById(fromId);
  if (from.empty() || !from.isNode()) return null;
  const p = (from as NodeSingular).renderedPosition();
  return nearestInDirection(
    p,
    shownNodes(cy).filter((c) => c.id !== fromId),
    dir,
  );
}

/** The node shown nearest the middle of the canvas (where the cursor starts); null when none is shown. */
export function middleNode(cy: Core): string | null {
  const cx = cy.width() / 2;
  const cyy = cy.height() / 2;
  let best: { id: string; d: number } | null = null;
  for (const c of shownNodes(cy)) {
    const d = Math.hypot(c.x - cx, c.y - cyy);
    if (!best || d < best.d || (d === best.d && c.id < best.id)) best = { id: c.id, d };
  }
  return best?.id ?? null;
}

/** The words a screen reader says for a node: its name and type, and how many nodes it is linked to on screen. */
export function describeNode(n: NodeSingular): string {
  const label = String(n.data('label') ?? 'node').toLowerCase();
  const links = n.neighborhood('node').not(NOT_SHOWN).length;
  return `${String(n.data('name') ?? n.id())}, ${label}, ${links} linked ${links === 1 ? 'node' : 'nodes'} shown`;
}

/** The keyboard cursor on the canvas. */
export class KeyboardCursor {
  private id: string | null = null;

  /**
   * `cy` gives the current instance; `live` is the aria-live region that announces the cursor; `canvas` the
   * focusable container, whose focus shows the cursor and whose blur hides its mark.
   */
  constructor(
    private readonly cy: () => Core | null,
    private readonly live: HTMLElement,
    canvas: HTMLElement,
  ) {
    canvas.addEventListener('focus', () => this.show());
    canvas.addEventListener('blur', () => this.cy()?.nodes('.kbd-cursor').removeClass('kbd-cursor'));
  }

  /** The node under the cursor, if it is still shown. */
  current(): string | null {
    const cy = this.cy();
    if (!cy || !this.id) return null;
    const n = cy.getElementById(this.id);
    return n.nonempty() && !n.is(NOT_SHOWN) ? this.id : null;
  }

  /** Puts the cursor on a node (or, with null, on the selected node or the one nearest the middle). */
  show(id: string | null = null): void {
    const cy = this.cy();
    if (!cy) return;
    const selected = cy.nodes(':selected').not(NOT_SHOWN)[0]?.id() ?? null;
    const target = id ?? this.current() ?? selected ?? middleNode(cy);
    this.set(target);
  }

  /** Moves the cursor one step in `dir`; stays (and says so) when no node is shown that way. */
  move(dir: Direction): void {
    const cy = this.cy();
    if (!cy) return;
    const from = this.current();
    if (!from) {
      this.show();
      return;
    }
    const next = nextNode(cy, from, dir);
    if (next) this.set(next);
    else this.live.textContent = `No node ${dir === 'up' ? 'above' : dir === 'down' ? 'below' : `to the ${dir}`}.`;
  }

  private set(id: string | null): void {
    const cy = this.cy();
    if (!cy) return;
    cy.nodes('.kbd-cursor').removeClass('kbd-cursor');
    this.id = id;
    if (!id) {
      this.live.textContent = 'No node is shown.';
      return;
    }
    const n = cy.getElementById(id) as NodeSingular;
    n.addClass('kbd-cursor');
    // Keep the cursor on screen: pan to it when it is near or past the edge.
    const p = n.renderedPosition();
    const margin = 30;
    if (p.x < margin || p.y < margin || p.x > cy.width() - margin || p.y > cy.height() - margin) cy.center(n);
    this.live.textContent = describeNode(n);
  }
}
