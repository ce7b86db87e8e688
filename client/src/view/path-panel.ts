/**
 * The path panel: picking two ends (from a node's details or by shift-clicking), asking the API for the shortest
 * paths between them, and showing those paths in the graph and as sentences.
 */
import type { Core } from 'cytoscape';
import { fetchPaths } from '../api/queries';
import { mergeSubgraph } from '../graph/elements';
import type { GraphPath } from '../graph/types';
import type { Tab } from '../graph/view-state';
import { byId, clear, h } from '../ui/dom';
import { inlineError } from '../ui/feedback';
import type { Progress } from '../ui/feedback';
import type { ViewStore } from './store';

/** What the path panel needs from the rest of the view. */
export interface PathPanelDeps {
  store: ViewStore;
  cy(): Core | null;
  progress: Progress;
  /** Display names by id; the nodes of found paths add theirs. */
  names: Map<string, string>;
  selectTab(tab: Tab, record: boolean): void;
  applyHidden(): void;
  applyTime(): void;
  renderLegend(): void;
}

/** Owns the found paths and the problem (if any) of the last search. */
export class PathPanel {
  private paths: GraphPath[] = [];
  private problem: HTMLElement | null = null;

  constructor(private readonly deps: PathPanelDeps) {}

  /** A shift-click: the first pick is the start, the second the end (a third starts over). */
  pick(id: string): void {
    const state = this.deps.store.state;
    if (!state.pathFrom || (state.pathFrom && state.pathTo)) {
      state.pathFrom = id;
      state.pathTo = null;
      this.deps.selectTab('path', true);
    } else this.setEnd('to', id);
  }

  /** Sets one end; with both ends set, searches. */
  setEnd(end: 'from' | 'to', id: string): void {
    const state = this.deps.store.state;
    if (end === 'from') state.pathFrom = id;
    else state.pathTo = id;
    this.paths = [];
    this.problem = null;
    this.clearHighlight();
    this.deps.selectTab('path', true);
    if (state.pathFrom && state.pathTo) void this.find();
  }

  private clearHighlight(): void {
    this.deps.cy()?.elements().removeClass('path faded');
  }

  /** Asks for up to `k` shortest paths (6 steps at most) between the state's ends and shows them. */
  async find(k = 3): Promise<void> {
    const { pathFrom, pathTo } = this.deps.store.state;
    if (!pathFrom || !pathTo || !this.deps.cy()) return;
    this.problem = null;
    try {
      this.paths = await this.deps.progress.run('Finding paths…', () => fetchPaths(pathFrom, pathTo, k, 6));
      for (const p of this.paths) for (const n of p.nodes) this.deps.names.set(n.id, n.name);
      this.highlight(this.paths);
    } catch (err) {
      this.paths = [];
      this.problem = inlineError('Path', err);
    }
    this.render();
  }

  private highlight(paths: GraphPath[]): void {
    const cy = this.deps.cy();
    if (!cy) return;
    this.clearHighlight();
    if (!paths.length) return;
    // All paths at once, so that the nodes they bring in share one set of rings and do not overlap.
    const union = { nodes: paths.flatMap((p) => p.nodes), edges: paths.flatMap((p) => p.edges) };
    const anchor = union.nodes.find((n) => cy.getElementById(n.id).nonempty());
    mergeSubgraph(cy, union, anchor?.id);
    this.deps.applyHidden();
    this.deps.applyTime();
    const ids = new Set<string>();
    for (const p of paths) {
      for (const n of p.nodes) ids.add(n.id);
      for (const e of p.edges) ids.add(e.id);
    }
    const onPath = cy.elements().filter((e) => ids.has(e.id()));
    cy.batch(() => {
      onPath.removeClass('user-hidden time-hidden');
      cy.elements().not(onPath).addClass('faded');
      onPath.addClass('path');
    });
    this.deps.renderLegend();
    cy.animate({ fit: { eles: onPath, padding: 80 } }, { duration: 350 });
  }

  /** Draws the panel: the ends, the actions, and the paths found. */
  render(): void {
    const { store, names } = this.deps;
    const state = store.state;
    const panel = byId('panel-path');
    clear(panel);
    const name = (id: string | null): string => (id ? (names.get(id) ?? id) : '—');
    panel.append(
      h('h2', { class: 'panel-title', text: 'Path between two nodes' }),
      h('p', { class: 'hint', text: 'Pick the ends with “Path from here” / “Path to here” in a node’s details, or shift-click two nodes.' }),
      h(
        'div',
        { class: 'picks' },
        h('span', { text: 'From' }),
        h('span', { class: 'pick', id: 'path-from', text: name(state.pathFrom) }),
        h('span', { text: 'To' }),
        h('span', { class: 'pick', id: 'path-to', text: name(state.pathTo) }),
      ),
      h(
        'div',
        { class: 'actions' },
        h('button', { type: 'button', id: 'path-find', text: 'Find paths', disabled: !(state.pathFrom && state.pathTo), on: { click: () => void this.find() } }),
        h('button', {
          type: 'button',
          text: 'Swap',
          disabled: !(state.pathFrom && state.pathTo),
          on: {
            click: () => {
              const s = store.state;
              [s.pathFrom, s.pathTo] = [s.pathTo, s.pathFrom];
              void this.find();
            },
          },
        }),
        h('button', {
          type: 'button',
          text: 'Clear',
          on: {
            click: () => {
              store.state.pathFrom = null;
              store.state.pathTo = null;
              this.paths = [];
              this.problem = null;
              this.clearHighlight();
              store.commit();
              this.render();
            },
          },
        }),
      ),
    );
    if (this.problem) panel.append(this.problem);
    if (state.pathFrom && state.pathTo && !this.problem) {
      if (!this.paths.length) panel.append(h('p', { class: 'hint', id: 'path-none', text: 'No path within 6 steps (or not searched yet).' }));
      const list = h('ol', { class: 'paths', id: 'path-results' });
      this.paths.forEach((p, i) => {
        list.append(
          h(
            'li',
            {},
            h('p', { class: 'sentence', text: p.sentence }),
            h('button', { type: 'button', text: `Show only this path (${p.length} steps)`, on: { click: () => this.highlight([p]) } }),
          ),
        );
        if (i === 0) list.firstElementChild?.setAttribute('data-first', 'true');
      });
      if (this.paths.length > 1) panel.append(h('button', { type: 'button', text: 'Show all paths', on: { click: () => this.highlight(this.paths) } }));
      panel.append(list);
    }
  }
}
