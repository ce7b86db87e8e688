/**
 * Brings nodes into the view: a node's neighbours around it (expand), or one node beside its neighbours in view.
 * An expansion asks for the view's period (the slider's year or month, else the filter's), adds the parent's
 * neighbours but only the largest contributors first (graph/expansion.ts; "+ more" adds the rest), and places
 * the new nodes in free space around the parent (graph/placement.ts): the nodes already there never move.
 */
import type { Core } from 'cytoscape';
import { ApiError } from '../api/client';
import { fetchContributors, fetchNeighbors } from '../api/queries';
import type { Contribution } from '../api/queries';
import { EXPAND_LIMIT } from '../config';
import { mergeSubgraph, nodeElement } from '../graph/elements';
import { planExpansion, TOP_CONTRIBUTORS } from '../graph/expansion';
import type { ExpansionPlan } from '../graph/expansion';
import { viewPeriod } from '../graph/period';
import { expansionEntry, parseExpansion } from '../graph/view-state';
import type { ViewPeriod } from '../graph/period';
import { placeNewNodes } from '../graph/placement';
import type { GraphNode, Subgraph } from '../graph/types';
import { byId, clear, h } from '../ui/dom';
import type { ErrorBanner, Progress } from '../ui/feedback';
import { sourceTitle } from '../ui/sources';
import type { ViewStore } from './store';

/** What expanding needs from the rest of the view. */
export interface ExpanderDeps {
  store: ViewStore;
  cy(): Core | null;
  progress: Progress;
  errors: ErrorBanner;
  /** Display names by id; expanding adds the new nodes' names. */
  names: Map<string, string>;
  applyHidden(): void;
  applyTime(): void;
  renderLegend(): void;
  /** Shows a short notice in the status line. */
  flash(text: string): void;
}

/** The contributors an expansion left for "+ more". */
interface Pending {
  parent: string;
  rest: Subgraph;
  order: string[];
  /** Says what the first step showed and by which figure (`title`: the sources in full). */
  text: { text: string; title: string };
  count: number;
}

/** Adds nodes to the graph in view without moving the nodes already there. */
export class Expander {
  private pending: Pending | null = null;

  constructor(private readonly deps: ExpanderDeps) {}

  /**
   * Adds a node's neighbours around it (the largest contributors first); the nodes already there do not move.
   * Replaying a link (`record: false`) asks for the period the expansion was first made in (`at`: the slider's
   * time then) and adds every contributor when the link says "+ more" was used.
   */
  async expand(id: string, opts: { record?: boolean; at?: string | null } = {}): Promise<void> {
    const { store, progress, errors, names } = this.deps;
    const cy = this.deps.cy();
    if (!cy) return;
    const record = opts.record !== false;
    const period = viewPeriod(opts.at === undefined ? store.state : { ...store.state, time: opts.at });
    const between = period.from || period.to ? { from: period.from, to: period.to } : null;
    try {
      const known = cy.getElementById(id);
      const isMission = known.nonempty() ? known.data('label') === 'Mission' : null;
      const [sub, ranking] = await progress.run('Expanding neighbours…', () =>
        Promise.all([
          fetchNeighbors(id, EXPAND_LIMIT, between),
          isMission === false ? Promise.resolve(null) : fetchContributors(id, between).catch(() => null),
        ]),
      );
      if (!sub) {
        errors.show('Expand', new ApiError(`There is no entity with id “${id}”.`, 'NOT_FOUND'));
        return;
      }
      if (cy.getElementById(id).empty()) {
        const self = sub.nodes.find((n) => n.id === id);
        const ext = cy.extent();
        if (self) cy.add({ ...nodeElement(self), position: { x: (ext.x1 + ext.x2) / 2, y: (ext.y1 + ext.y2) / 2 } });
      }
      const plan = planExpansion(
        id,
        sub,
        ranking?.map((c) => ({ id: c.state.id, personnel: c.personnel })) ?? null,
        TOP_CONTRIBUTORS,
      );
      for (const n of sub.nodes) names.set(n.id, n.name);
      if (record) {
        // Expanded again: the link keeps the last time it was asked for.
        store.state.expanded = [
          ...store.state.expanded.filter((e) => parseExpansion(e).id !== id),
          expansionEntry(id, store.state.time),
        ];
        // A new expansion starts again from the largest contributors.
        store.state.expandedAll = store.state.expandedAll.filter((x) => x !== id);
      }
      const added = this.add(cy, id, plan.first, plan.order);
      let addedEdges = added.edges;
      let addedNodes = added.nodes;
      this.pending = null;
      if (plan.rest) {
        if (store.state.expandedAll.includes(id)) {
          const more = this.add(cy, id, plan.rest, plan.order);
          addedNodes += more.nodes;
          addedEdges += more.edges;
        } else {
          this.pending = {
            parent: id,
            rest: plan.rest,
            order: plan.order,
            text: this.firstStepText(id, plan, ranking, period),
            count: plan.contributors - plan.shown,
          };
        }
      }
      this.deps.applyHidden();
      this.deps.applyTime();
      this.deps.renderLegend();
      this.renderMore();
      if (record) {
        store.commit();
        const addedIds = new Set(added.ids);
        const fresh = cy.nodes().filter((n) => addedIds.has(n.id()));
        if (fresh.nonempty())
          cy.animate({ fit: { eles: fresh.union(cy.getElementById(id)), padding: 60 } }, { duration: 300 });
        const cut = sub.truncated ? ' (limited to the first neighbours)' : '';
        const waiting = this.pending ? `; ${this.pending.count} more contributors on “+ more”` : '';
        this.deps.flash(
          `${addedNodes} nodes and ${addedEdges} edges added around ${names.get(id) ?? id}${cut}${waiting}.`,
        );
      }
    } catch (err) {
      errors.show('Could not expand', err);
    }
  }

  /** Adds the contributors the last expansion left out (the "+ more" button). */
  more(): void {
    const cy = this.deps.cy();
    const p = this.pending;
    if (!cy || !p) return;
    this.pending = null;
    if (cy.getElementById(p.parent).nonempty()) {
      const added = this.add(cy, p.parent, p.rest, p.order);
      const state = this.deps.store.state;
      if (!state.expandedAll.includes(p.parent)) state.expandedAll.push(p.parent);
      this.deps.applyHidden();
      this.deps.applyTime();
      this.deps.renderLegend();
      this.deps.store.commit();
      this.deps.flash(
        `${added.nodes} nodes and ${added.edges} edges added around ${this.deps.names.get(p.parent) ?? p.parent}.`,
      );
    }
    this.renderMore();
  }

  /** Forgets the "+ more" offer (the network was redrawn, or the user dismissed it). */
  dismissMore(): void {
    this.pending = null;
    this.renderMore();
  }

  /** Merges a subgraph and moves its new nodes into free space around the parent, in `order`. */
  private add(
    cy: Core,
    parent: string,
    sub: Subgraph,
    order: readonly string[],
  ): { nodes: number; edges: number; ids: string[] } {
    const result = mergeSubgraph(cy, sub, parent);
    const fresh = new Set(result.addedNodes);
    const ranked = order.filter((x) => fresh.has(x));
    const rankedSet = new Set(ranked);
    const ids = [...ranked, ...result.addedNodes.filter((x) => !rankedSet.has(x))];
    placeNewNodes(cy, parent, ids);
    return { nodes: result.addedNodes.length, edges: result.addedEdges.length, ids };
  }

  /** "UNAMID: the 15 largest of 72 contributing states shown, by peak monthly personnel in 1997–2026 (sources …)". */
  private firstStepText(
    id: string,
    plan: ExpansionPlan,
    ranking: Contribution[] | null,
    period: ViewPeriod,
  ): { text: string; title: string } {
    const name = this.deps.names.get(id) ?? id;
    const figure = ranking
      ? `peak monthly personnel in ${period.label}`
      : `the largest personnel figure of their links, ${period.label}`;
    const sources = [...new Set((ranking ?? []).flatMap((c) => c.sources))].sort();
    const cited = sources.length ? `; sources: ${sources.join(', ')}` : '';
    return {
      text: `${name}: the ${plan.shown} largest of ${plan.contributors} contributing states shown, by ${figure}${cited}.`,
      title: sources.length
        ? `Mission.contributors, largest first. Sources: ${sources.map(sourceTitle).join('; ')}`
        : 'Ranked by the figures on the contribution edges.',
    };
  }

  /** Shows or hides the "+ more" bar over the canvas. */
  private renderMore(): void {
    const bar = byId('expand-more');
    clear(bar);
    const p = this.pending;
    const cy = this.deps.cy();
    if (!p || !cy || cy.getElementById(p.parent).empty()) {
      bar.hidden = true;
      return;
    }
    bar.append(
      h('span', { text: p.text.text, title: p.text.title }),
      h('button', {
        type: 'button',
        class: 'more',
        text: `+ ${p.count} more`,
        title: 'Add the other contributing states',
        on: { click: () => this.more() },
      }),
      h('button', {
        type: 'button',
        class: 'dismiss',
        text: '×',
        'aria-label': 'Dismiss',
        title: 'Dismiss',
        on: { click: () => this.dismissMore() },
      }),
    );
    bar.hidden = false;
  }

  /** Adds one node (with its edges to nodes in view) near its neighbours in view. */
  addBeside(node: GraphNode, around: Subgraph): void {
    const cy = this.deps.cy();
    if (!cy || cy.getElementById(node.id).nonempty()) return;
    const present = around.nodes.filter((n) => cy.getElementById(n.id).nonempty());
    let position = { x: 0, y: 0 };
    if (present.length) {
      const pts = present.map((n) => cy.getElementById(n.id).position());
      position = {
        x: pts.reduce((s, p) => s + p.x, 0) / pts.length + 40,
        y: pts.reduce((s, p) => s + p.y, 0) / pts.length + 40,
      };
    } else {
      const ext = cy.extent();
      position = { x: (ext.x1 + ext.x2) / 2, y: (ext.y1 + ext.y2) / 2 };
    }
    mergeSubgraph(
      cy,
      { nodes: [node], edges: around.edges.filter((e) => e.source === node.id || e.target === node.id) },
      position,
    );
    this.deps.applyTime();
    this.deps.renderLegend();
  }
}
