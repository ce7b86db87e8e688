/**
 * Focus mode: one node's surroundings up to 1, 2 or 3 steps stay as they are, the rest of what is shown is faded
 * (class `focus-faded`) or hidden (`focus-hidden`). The steps are counted over what is shown now: what the slider,
 * the legend or the user hides neither counts nor carries a step. The focus, its steps and "hide the rest" are
 * in the view state (the URL), so a link opens the same focus.
 */
import type { Collection, Core, EdgeCollection, NodeCollection, NodeSingular } from 'cytoscape';
import { byId } from '../ui/dom';
import type { ViewStore } from './store';

/** How many steps out a focus reaches. */
export const FOCUS_DEPTHS = [1, 2, 3] as const;

/** Classes that take an element off the canvas before the focus mode looks (the slider, the legend, the user). */
const HIDDEN_BEFORE = '.user-hidden, .time-hidden, .legend-hidden';

/**
 * The nodes and edges within `depth` steps of `rootId` over what is shown (the elements without the hiding
 * classes, and edges whose two ends are shown), with every shown edge between two of those nodes; empty when the
 * root is not shown.
 */
export function neighbourhood(cy: Core, rootId: string, depth: number): Collection {
  const shownNodes: NodeCollection = cy.nodes().not(HIDDEN_BEFORE);
  const root: NodeCollection = shownNodes.filter((n) => n.id() === rootId);
  if (root.empty()) return cy.collection();
  const shownEdges: EdgeCollection = cy
    .edges()
    .filter((e) => !e.is(HIDDEN_BEFORE) && shownNodes.has(e.source()) && shownNodes.has(e.target()));
  let inside: NodeCollection = root;
  let frontier: NodeCollection = root;
  for (let step = 0; step < depth && frontier.nonempty(); step++) {
    const next = frontier.connectedEdges().intersection(shownEdges).connectedNodes().difference(inside);
    inside = inside.union(next);
    frontier = next;
  }
  const edges = shownEdges.filter((e) => inside.has(e.source()) && inside.has(e.target()));
  return inside.union(edges);
}

/** What focus mode needs from the rest of the view. */
export interface FocusDeps {
  store: ViewStore;
  cy(): Core | null;
  /** Called after the focus changed what is shown (to update the status line). */
  changed(): void;
}

/** Enters, applies and leaves focus mode, and keeps its bar (steps, "hide the rest", "Leave focus"). */
export class FocusMode {
  constructor(private readonly deps: FocusDeps) {}

  /** Whether a focus is set. */
  get active(): boolean {
    return this.deps.store.state.focus !== null;
  }

  /** Listens to the bar's controls, and to the legend (a switched entry changes what the steps cross). */
  wire(): void {
    const depth = byId<HTMLSelectElement>('focus-depth');
    depth.addEventListener('change', () => {
      const n = Number(depth.value);
      this.deps.store.state.focusDepth = (FOCUS_DEPTHS as readonly number[]).includes(n) ? n : 1;
      this.apply();
      this.deps.store.commit();
    });
    const hide = byId<HTMLInputElement>('focus-hide');
    hide.addEventListener('change', () => {
      this.deps.store.state.focusHide = hide.checked;
      this.apply();
      this.deps.store.commit();
    });
    byId('focus-leave').addEventListener('click', () => this.leave());
    // The legend switches classes itself; look again once it has.
    const legend = byId('legend-list');
    const later = (): void => void window.setTimeout(() => this.apply(), 0);
    legend.addEventListener('click', later);
    legend.addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter' || ev.key === ' ') later();
    });
  }

  /** Focuses on a node (keeping the steps chosen before). */
  enter(id: string): void {
    this.deps.store.state.focus = id;
    this.apply();
    this.deps.store.commit();
    const cy = this.deps.cy();
    const around = cy ? neighbourhood(cy, id, this.deps.store.state.focusDepth) : null;
    if (cy && around?.nonempty()) cy.animate({ fit: { eles: around, padding: 50 } }, { duration: 300 });
  }

  /** Leaves focus mode; false when there was none. */
  leave(): boolean {
    if (!this.active) return false;
    this.deps.store.state.focus = null;
    this.apply();
    this.deps.store.commit();
    return true;
  }

  /** Marks the elements outside the focus (after anything that changes what is shown), and updates the bar. */
  apply(): void {
    const cy = this.deps.cy();
    const state = this.deps.store.state;
    const bar = byId('focus-bar');
    if (!cy) return;
    const root = state.focus ? cy.getElementById(state.focus) : null;
    const inside = state.focus ? neighbourhood(cy, state.focus, state.focusDepth) : cy.collection();
    cy.batch(() => {
      cy.elements('.focus-faded, .focus-hidden, .focus-centre').removeClass('focus-faded focus-hidden focus-centre');
      if (!state.focus || inside.empty()) return;
      // A box (compound node) passes its opacity and display to what it holds: one holding part of the focus stays.
      const holding = inside.nodes().ancestors();
      const rest = cy.elements().not(HIDDEN_BEFORE).difference(inside).difference(holding);
      rest.addClass(state.focusHide ? 'focus-hidden' : 'focus-faded');
      root?.addClass('focus-centre');
    });
    bar.hidden = !state.focus;
    if (state.focus) {
      byId<HTMLSelectElement>('focus-depth').value = String(state.focusDepth);
      byId<HTMLInputElement>('focus-hide').checked = state.focusHide;
      const name = root?.nonempty() ? String((root as NodeSingular).data('name')) : state.focus;
      const nodes = inside.nodes().length;
      byId('focus-text').textContent = inside.empty()
        ? `Focus on ${name}: not shown now (outside the filters or the slider's time, or hidden).`
        : `Focus on ${name}: ${nodes - 1} ${nodes === 2 ? 'node' : 'nodes'} within ${state.focusDepth} ${state.focusDepth === 1 ? 'step' : 'steps'}; the rest ${state.focusHide ? 'hidden' : 'faded'}.`;
    }
    this.deps.changed();
  }
}
