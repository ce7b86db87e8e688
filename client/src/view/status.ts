/** The status line above the network: the filter in words, what is shown, the time step, and short notices. */
import type { Core } from 'cytoscape';
import { describeFilter } from '../graph/filters';
import type { TimeSummary } from '../graph/time';
import { byId } from '../ui/dom';
import type { ViewStore } from './store';

/** What the status line reads. */
export interface StatusDeps {
  store: ViewStore;
  cy(): Core | null;
  names: ReadonlyMap<string, string>;
  timeSummary(): TimeSummary | null;
  /** Whether the API cut the last network answer. */
  truncated(): boolean;
  webgl(): boolean;
}

/** Writes `#summary`. */
export class StatusLine {
  constructor(private readonly deps: StatusDeps) {}

  /** Describes the view as it is now. */
  update(): void {
    const el = byId('summary');
    const { store, names } = this.deps;
    const state = store.state;
    const cy = this.deps.cy();
    const parts = [describeFilter(state, names)];
    if (cy) {
      // Group boxes are drawing aids, not nodes of the graph.
      const visible = cy.nodes().not('.user-hidden, .time-hidden, .legend-hidden, .group-box');
      parts.push(`${visible.length} nodes, ${cy.edges().filter((e) => e.visible()).length} edges shown`);
      if (state.hidden.length) parts.push(`${state.hidden.length} hidden`);
    }
    const summary = this.deps.timeSummary();
    // The organization network draws no missions: no count of missions active there.
    if (state.time && summary && state.mode === 'FULL') {
      parts.push(
        `${state.time}: ${summary.active} missions active, ${summary.mspo === null ? '…' : summary.mspo} in MSPOs`,
      );
    }
    if (this.deps.truncated()) parts.push('the API cut the answer: narrow the filters to see everything');
    if (this.deps.webgl()) parts.push('WebGL renderer');
    el.textContent = parts.join(' · ');
    el.title = el.textContent;
  }

  /** Shows `text` for four seconds, then the description again. */
  flash(text: string): void {
    byId('summary').textContent = text;
    byId('summary').title = text;
    window.setTimeout(() => this.update(), 4000);
  }
}
