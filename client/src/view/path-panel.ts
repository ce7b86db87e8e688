/**
 * The path panel: picking two ends (from a node's details or by shift-clicking), asking the API for the shortest
 * paths between them with the chosen options (types crossed or avoided, period, step limit, number of paths), and
 * showing those paths in the graph and as sentences. By default the paths follow the view's time: the slider's year
 * or month, else the period filter; when the slider moves, they are asked for again.
 */
import type { Core } from 'cytoscape';
import { fetchPaths } from '../api/queries';
import { mergeSubgraph } from '../graph/elements';
import { crossedTypes, DEFAULT_PATH_TYPES, pathPeriodOf, pathQuery } from '../graph/path-options';
import { samePeriod } from '../graph/period';
import type { ViewPeriod } from '../graph/period';
import type { GraphEdge, GraphPath } from '../graph/types';
import type { Tab } from '../graph/view-state';
import { pairPicksHead } from '../ui/pair-picks';
import { byId, clear, h } from '../ui/dom';
import { inlineError, isAbort } from '../ui/feedback';
import { pathsTable } from '../ui/path-table';
import type { Progress } from '../ui/feedback';
import { pathOptionsForm } from '../ui/path-options-form';
import type { ViewStore } from './store';

/** Milliseconds the slider must rest before the paths are asked for again. */
const FOLLOW_DELAY_MS = 500;

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

/** "DEPLOYED (lead, 2003-06 – 2003-09)": a step of a path, with its kind and its dates as precise as given. */
export function stepText(e: GraphEdge): string {
  const dates =
    e.start && e.end
      ? e.start === e.end
        ? e.start
        : `${e.start} – ${e.end}`
      : e.start
        ? `since ${e.start}`
        : e.end
          ? `until ${e.end}`
          : null;
  const extra = [e.kind, dates].filter(Boolean).join(', ');
  return extra ? `${e.type} (${extra})` : e.type;
}

/** Owns the found paths, the period they were asked for and the problem (if any) of the last search. */
export class PathPanel {
  private paths: GraphPath[] = [];
  private problem: HTMLElement | null = null;
  /** The period the shown paths were asked for; null before a search. */
  private asked: ViewPeriod | null = null;
  private abort: AbortController | null = null;
  private followTimer: number | undefined;

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
    this.asked = null;
    this.clearHighlight();
    this.deps.selectTab('path', true);
    if (state.pathFrom && state.pathTo) void this.find();
  }

  /**
   * The view's period changed (the slider moved, or the filter): paths that follow it are asked for again once
   * the slider rests; the panel says meanwhile that they are being updated.
   */
  periodChanged(): void {
    const state = this.deps.store.state;
    window.clearTimeout(this.followTimer);
    if (!this.asked || state.pathPeriod !== null || !state.pathFrom || !state.pathTo) return;
    if (samePeriod(this.asked, pathPeriodOf(state))) return;
    this.render();
    this.followTimer = window.setTimeout(() => void this.find({ fit: false }), FOLLOW_DELAY_MS);
  }

  private clearHighlight(): void {
    this.deps.cy()?.elements().removeClass('path faded');
  }

  /** Asks for the shortest paths between the state's ends with its options and shows them. */
  async find(opts: { fit?: boolean } = {}): Promise<void> {
    const state = this.deps.store.state;
    const { pathFrom, pathTo } = state;
    window.clearTimeout(this.followTimer);
    if (!pathFrom || !pathTo || !this.deps.cy()) return;
    this.abort?.abort();
    const controller = new AbortController();
    this.abort = controller;
    const period = pathPeriodOf(state);
    const query = pathQuery(state);
    this.problem = null;
    try {
      const found = await this.deps.progress.run('Finding paths…', () =>
        fetchPaths(pathFrom, pathTo, query, controller.signal),
      );
      if (controller.signal.aborted) return;
      this.paths = found;
      this.asked = period;
      for (const p of this.paths) for (const n of p.nodes) this.deps.names.set(n.id, n.name);
      this.highlight(this.paths, opts.fit !== false);
    } catch (err) {
      if (isAbort(err)) return;
      this.paths = [];
      this.asked = period;
      this.problem = inlineError('Path', err);
    }
    this.render();
  }

  private highlight(paths: GraphPath[], fit = true): void {
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
    if (fit) cy.animate({ fit: { eles: onPath, padding: 80 } }, { duration: 350 });
  }

  /** Writes the options to the link and searches again when both ends are set. */
  private optionsChanged(): void {
    const state = this.deps.store.state;
    this.deps.store.commit();
    if (state.pathFrom && state.pathTo) void this.find();
    else this.render();
  }

  /** What the shown paths are: their period (and whether they follow the slider), types and step limit. */
  private note(): HTMLElement {
    const state = this.deps.store.state;
    const now = pathPeriodOf(state);
    const shown = this.asked ?? now;
    const when = shown.from || shown.to ? `active in ${shown.label}` : 'at any time (all years)';
    const follows =
      state.pathPeriod !== null
        ? ' — the period chosen in the options.'
        : shown.origin === 'slider'
          ? ' — the slider’s time: moving the slider asks again.'
          : shown.origin === 'filter'
            ? ' — the view’s period filter (set the slider to a year to ask for that year).'
            : '.';
    const crossed = crossedTypes(state);
    const avoided = DEFAULT_PATH_TYPES.filter((t) => !crossed.includes(t));
    const extra = crossed.filter((t) => !DEFAULT_PATH_TYPES.includes(t));
    const types = [
      avoided.length ? `avoiding ${avoided.join(', ')}` : '',
      extra.length ? `also crossing ${extra.join(', ')}` : '',
    ]
      .filter(Boolean)
      .join('; ');
    const updating = this.asked && !samePeriod(this.asked, now) ? ` Updating for ${now.label}…` : '';
    return h(
      'p',
      { class: 'hint', id: 'path-period-note', 'data-period': shown.label },
      `Paths through relationships ${when}${follows} At most ${state.pathHops} steps${types ? `, ${types}` : ''}.${updating}`,
    );
  }

  /** Draws the panel: the ends, the options, the actions, and the paths found. */
  render(): void {
    const { store, names } = this.deps;
    const state = store.state;
    const panel = byId('panel-path');
    clear(panel);
    const name = (id: string | null): string => (id ? (names.get(id) ?? id) : '—');
    panel.append(
      ...pairPicksHead(
        'Path between two nodes',
        'Pick the ends with “Path from here” / “Path to here” in a node’s details, or shift-click two nodes.',
        [
          { label: 'From', id: 'path-from', name: name(state.pathFrom) },
          { label: 'To', id: 'path-to', name: name(state.pathTo) },
        ],
      ),
      pathOptionsForm(state, { changed: () => this.optionsChanged() }),
      h(
        'div',
        { class: 'actions' },
        h('button', {
          type: 'button',
          id: 'path-find',
          text: 'Find paths',
          disabled: !(state.pathFrom && state.pathTo),
          on: { click: () => void this.find() },
        }),
        h('button', {
          type: 'button',
          text: 'Swap',
          disabled: !(state.pathFrom && state.pathTo),
          on: {
            click: () => {
              const s = store.state;
              [s.pathFrom, s.pathTo] = [s.pathTo, s.pathFrom];
              store.commit();
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
              this.asked = null;
              this.abort?.abort();
              window.clearTimeout(this.followTimer);
              this.clearHighlight();
              store.commit();
              this.render();
            },
          },
        }),
      ),
    );
    if (this.problem) panel.append(this.problem);
    if (!(state.pathFrom && state.pathTo) || this.problem) return;
    panel.append(this.note());
    if (!this.paths.length) {
      panel.append(
        h('p', {
          class: 'hint',
          id: 'path-none',
          text: this.asked
            ? `No path within ${state.pathHops} steps through these relationships in ${this.asked.label}.`
            : 'Not searched yet.',
        }),
      );
      return;
    }
    const list = h('ol', { class: 'paths', id: 'path-results' });
    this.paths.forEach((p, i) => {
      list.append(
        h(
          'li',
          { 'data-first': i === 0 ? 'true' : undefined },
          h('p', { class: 'sentence', text: p.sentence }),
          h('p', { class: 'hint steps', text: `Steps: ${p.edges.map(stepText).join(' · ')}` }),
          h('button', {
            type: 'button',
            text: `Show only this path (${p.length} steps)`,
            on: { click: () => this.highlight([p]) },
          }),
        ),
      );
    });
    if (this.paths.length > 1)
      panel.append(
        h('button', { type: 'button', text: 'Show all paths', on: { click: () => this.highlight(this.paths) } }),
      );
    panel.append(list);
    const note = this.note().textContent ?? '';
    panel.append(
      pathsTable(
        this.paths,
        { id: state.pathFrom, name: name(state.pathFrom) },
        { id: state.pathTo, name: name(state.pathTo) },
        [note],
      ),
    );
  }
}
