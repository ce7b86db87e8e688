/**
 * A faster style pass for a graph with group boxes (compound nodes), same result.
 *
 * When Cytoscape (3.35) applies a style property to an element, it forgets the derived state it cached for the
 * element and all that depends on it (`checkTriggers` calls `dirtyStyleCache`): with compound nodes, the
 * element, its boxes, everything inside it and every edge of all of these. It does so for every property it
 * applies, some twenty per element, so that styling a box walks its members and their edges twenty times over;
 * at ten times the shipped data this is most of the first style pass (0.7 s of it in headless Chromium).
 *
 * Here, during one style pass (`apply`), each styled element is noted instead, and once the pass is over the
 * cached state of each is forgotten, once, as Cytoscape does it. Nothing reads that cached state while a pass
 * applies properties (no style rule of the view reads it), so the state after the pass is what it would have
 * been, and anything read later is computed afresh. The other triggers (z-order, bounds, edges' bounds) run as
 * they do. Left alone when this Cytoscape's style does not have the expected shape.
 */
import type { Core } from 'cytoscape';

/** The parts of Cytoscape's Style object that this touches (internal API of Cytoscape 3.x). */
interface StyleInternals {
  apply(eles: unknown): unknown;
  checkTriggers(ele: Dirtyable, name: string, from: unknown, to: unknown): void;
  checkZOrderTrigger(ele: Dirtyable, name: string, from: unknown, to: unknown): void;
  checkBoundsTrigger(ele: Dirtyable, name: string, from: unknown, to: unknown): void;
  checkConnectedEdgesBoundsTrigger(ele: Dirtyable, name: string, from: unknown, to: unknown): void;
  checkParallelEdgesBoundsTrigger(ele: Dirtyable, name: string, from: unknown, to: unknown): void;
}

interface Dirtyable {
  dirtyStyleCache(): unknown;
}

const TRIGGERS = [
  'checkZOrderTrigger',
  'checkBoundsTrigger',
  'checkConnectedEdgesBoundsTrigger',
  'checkParallelEdgesBoundsTrigger',
] as const;

/** Whether Cytoscape's checkTriggers is the one described above (forget the cache, then the four triggers). */
function expectedShape(style: StyleInternals): boolean {
  const check = (style as unknown as Record<string, unknown>).checkTriggers;
  if (typeof check !== 'function' || typeof style.apply !== 'function') return false;
  const source = String(check);
  return (
    source.includes('dirtyStyleCache') && TRIGGERS.every((t) => typeof style[t] === 'function' && source.includes(t))
  );
}

/** Installs the one-forget-per-pass style pass on `cy`'s style; returns whether it did. */
export function speedUpStylePass(cy: Core): boolean {
  const style = cy.style() as unknown as StyleInternals;
  if (!expectedShape(style)) return false;
  const apply = style.apply.bind(style);
  const checkTriggers = style.checkTriggers.bind(style);
  let styled: Set<Dirtyable> | null = null;
  style.checkTriggers = (ele, name, from, to) => {
    if (!styled) {
      checkTriggers(ele, name, from, to);
      return;
    }
    styled.add(ele);
    for (const t of TRIGGERS) style[t](ele, name, from, to);
  };
  style.apply = (eles) => {
    // A pass inside a pass is part of it.
    if (styled) return apply(eles);
    styled = new Set();
    try {
      return apply(eles);
    } finally {
      const done = styled;
      styled = null;
      for (const ele of done) ele.dirtyStyleCache();
    }
  };
  return true;
}
