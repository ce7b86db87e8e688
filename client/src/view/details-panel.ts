/**
 * The details panel's controller: selects a node (fetching it when it is not in view), zooms to it, and fills the
 * panel from the network data first, then from `node`, `neighbors` and, for organizations, `organization` and
 * `stats` as they answer. Drawing is ui/details.ts's job.
 */
import type { Core } from 'cytoscape';
import { ApiError } from '../api/client';
import {
  fetchContributors,
  fetchNeighbors,
  fetchNodeDetails,
  fetchOrganization,
  fetchPersonnelSeries,
  fetchStats,
} from '../api/queries';
import type { NodeDetails } from '../api/queries';
import { nodeData } from '../graph/elements';
import { peakIn } from '../graph/figures';
import { describePeriod, samePeriod, viewPeriod } from '../graph/period';
import type { ViewPeriod } from '../graph/period';
import { personnelSeries } from '../graph/stats';
import type { GraphNode, Subgraph } from '../graph/types';
import type { Tab } from '../graph/view-state';
import { renderDetails } from '../ui/details';
import type { DetailsActions, DetailsInput } from '../ui/details';
import { byId, clear, h } from '../ui/dom';
import { describeError, inlineError, isAbort } from '../ui/feedback';
import type { ErrorBanner, Progress } from '../ui/feedback';
import type { ViewStore } from './store';

/** What the details panel needs from the rest of the view. */
export interface DetailsDeps {
  store: ViewStore;
  cy(): Core | null;
  progress: Progress;
  errors: ErrorBanner;
  selectTab(tab: Tab, record: boolean): void;
  unhide(id: string): void;
  addBeside(node: GraphNode, around: Subgraph): void;
  /** The panel's buttons other than "focus" and "close", which the panel handles itself. */
  actions: Omit<DetailsActions, 'focus' | 'close'>;
}

/** Opens and closes the details of one node at a time; a newer opening cancels the older one's requests. */
export class DetailsPanel {
  private abort: AbortController | null = null;
  /** The period the open details were asked for. */
  private asked: ViewPeriod | null = null;
  private followTimer: number | undefined;

  constructor(private readonly deps: DetailsDeps) {}

  /** The view's period changed: open details are asked for again (for that period) once the slider rests. */
  periodChanged(): void {
    window.clearTimeout(this.followTimer);
    const state = this.deps.store.state;
    const selected = state.selected;
    if (!selected || !this.asked || samePeriod(this.asked, viewPeriod(state))) return;
    this.followTimer = window.setTimeout(() => {
      if (this.deps.store.state.selected === selected) void this.open(selected, { switchTab: false });
    }, 500);
  }

  private nodeOf(id: string): GraphNode | null {
    const n = this.deps.cy()?.getElementById(id);
    return n && n.nonempty() ? nodeData(n) : null;
  }

  /** Selects a node and fills the details panel (fetching `node`, `neighbors` and, for organizations, `stats`). */
  async open(id: string, opts: { zoom?: boolean; switchTab?: boolean; known?: GraphNode } = {}): Promise<void> {
    const { store, progress, errors } = this.deps;
    const cy = this.deps.cy();
    if (!cy) return;
    let node = this.nodeOf(id) ?? opts.known ?? null;
    this.abort?.abort();
    const controller = new AbortController();
    this.abort = controller;
    const signal = controller.signal;
    if (!node) {
      // A node outside the view (from a link or a related entity): bring it in beside its neighbours.
      try {
        const sub = await progress.run('Fetching the node…', () =>
          fetchNeighbors(id, 100, viewPeriod(store.state), signal),
        );
        if (!sub) {
          errors.show('Details', new ApiError(`There is no entity with id “${id}”.`, 'NOT_FOUND'));
          store.state.selected = null;
          store.commit();
          return;
        }
        node = sub.nodes.find((n) => n.id === id) ?? null;
        if (!node) return;
        this.deps.addBeside(node, sub);
      } catch (err) {
        if (!isAbort(err)) errors.show('Details', err);
        return;
      }
    }
    store.state.selected = id;
    if (opts.switchTab !== false) this.deps.selectTab('details', false);
    store.commit();
    const cyNode = cy.getElementById(id);
    cy.nodes('.focus').removeClass('focus');
    cy.$(':selected').unselect();
    if (cyNode.nonempty()) {
      cyNode.addClass('focus').select();
      if (cyNode.hasClass('user-hidden')) this.deps.unhide(id);
      if (opts.zoom) {
        const around = cyNode.closedNeighborhood().not('.user-hidden, .time-hidden');
        // A node with few neighbours would fill the screen: zoom in no further than where labels read well.
        cy.maxZoom(1.6);
        cy.animate({ fit: { eles: around, padding: 60 } }, { duration: 350, complete: () => cy.maxZoom(4) });
      }
    }
    const panel = byId('panel-details');
    const edgeSources = new Set<string>();
    cyNode.connectedEdges().forEach((e) => {
      for (const s of (e.data('sources') as string[] | undefined) ?? []) edgeSources.add(s);
    });
    const period = viewPeriod(store.state);
    this.asked = period;
    const input: DetailsInput = {
      node,
      period,
      networkPeriod: describePeriod(store.state.from, store.state.to),
      peaks: node.label === 'Mission' ? undefined : null,
      inView: cyNode.nonempty(),
      details: undefined,
      detailsProblem: null,
      organization: node.label === 'Organization' ? undefined : null,
      edgeSources: [...edgeSources],
      related: undefined,
      relatedProblem: null,
      orgPersonnel: node.label === 'Organization' ? undefined : null,
      orgPersonnelProblem: null,
    };
    const actions: DetailsActions = {
      ...this.deps.actions,
      focus: (x: string) => void this.open(x, { zoom: true }),
      close: () => this.close(),
    };
    const render = (): void => {
      if (signal.aborted) return;
      renderDetails(panel, input, actions);
    };
    render();
    const tasks: Promise<void>[] = [];
    tasks.push(
      fetchNodeDetails(id, signal).then(
        (d: NodeDetails | null) => {
          input.details = d;
          render();
        },
        (err: unknown) => {
          if (isAbort(err)) return;
          input.details = null;
          input.detailsProblem = inlineError('Details', err);
          render();
        },
      ),
    );
    if (node.label === 'Organization') {
      tasks.push(
        fetchOrganization(id, signal).then(
          (o) => {
            input.organization = o;
            render();
          },
          () => {
            input.organization = null;
          },
        ),
      );
      tasks.push(
        fetchStats(1945, null, id, signal).then(
          (s) => {
            const series = personnelSeries(s, 1);
            input.orgPersonnel = series.lines[0]
              ? { years: series.years, values: series.lines[0].values }
              : { years: [], values: [] };
            render();
          },
          (err: unknown) => {
            if (isAbort(err)) return;
            input.orgPersonnel = null;
            input.orgPersonnelProblem = `Personnel over time: ${describeError(err).message}`;
            render();
          },
        ),
      );
    }
    if (node.label === 'Mission') {
      // The contributing states in the view's time: the slider's year or month, else the period.
      const between = period.from || period.to ? { from: period.from, to: period.to } : null;
      tasks.push(
        fetchContributors(id, between, signal).then(
          (list) => {
            input.contributors = list ? { window: between ? period.label : null, list } : null;
            render();
          },
          (err: unknown) => {
            if (isAbort(err)) return;
            input.contributors = null;
            input.contributorsProblem = inlineError('Contributing states', err);
            render();
          },
        ),
      );
    }
    if (node.label === 'Mission') {
      // The peak monthly personnel, with its month and source, over all months and in the view's period.
      tasks.push(
        fetchPersonnelSeries(id, signal).then(
          (series) => {
            input.peaks = series
              ? { all: peakIn(series), inPeriod: period.from || period.to ? peakIn(series, period) : null }
              : null;
            render();
          },
          (err: unknown) => {
            if (isAbort(err)) return;
            input.peaks = null;
            render();
          },
        ),
      );
    }
    tasks.push(
      fetchNeighbors(id, 200, period, signal).then(
        (sub) => {
          input.related = sub;
          render();
        },
        (err: unknown) => {
          if (isAbort(err)) return;
          input.relatedProblem = inlineError('Related entities', err);
          render();
        },
      ),
    );
    await Promise.all(tasks);
    if (!signal.aborted) panel.dataset.loaded = id;
  }

  /** Clears the selection and the panel. */
  close(): void {
    this.abort?.abort();
    this.asked = null;
    window.clearTimeout(this.followTimer);
    this.deps.store.state.selected = null;
    const cy = this.deps.cy();
    cy?.nodes('.focus').removeClass('focus');
    cy?.$(':selected').unselect();
    const panel = byId('panel-details');
    clear(panel);
    panel.append(
      h('p', {
        class: 'hint',
        text: 'Click a node, or search, to see its details. Double-click a node to expand its neighbours.',
      }),
    );
    delete panel.dataset.loaded;
    this.deps.store.commit();
  }
}
