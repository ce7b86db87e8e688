/** Brings nodes into the view: a node's neighbours around it (expand), or one node beside its neighbours in view. */
import type { Core } from 'cytoscape';
import { ApiError } from '../api/client';
import { fetchNeighbors } from '../api/queries';
import { EXPAND_LIMIT } from '../config';
import { mergeSubgraph, nodeElement } from '../graph/elements';
import type { GraphNode, Subgraph } from '../graph/types';
import type { ErrorBanner, Progress } from '../ui/feedback';
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

/** Adds nodes to the graph in view without moving the nodes already there. */
export class Expander {
  constructor(private readonly deps: ExpanderDeps) {}

  /** Adds a node's neighbours around it; the nodes already there do not move. */
  async expand(id: string, opts: { record?: boolean } = {}): Promise<void> {
    const { store, progress, errors, names } = this.deps;
    const cy = this.deps.cy();
    if (!cy) return;
    try {
      const sub = await progress.run('Expanding neighbours…', () => fetchNeighbors(id, EXPAND_LIMIT, store.state));
      if (!sub) {
        errors.show('Expand', new ApiError(`There is no entity with id “${id}”.`, 'NOT_FOUND'));
        return;
      }
      if (cy.getElementById(id).empty()) {
        const self = sub.nodes.find((n) => n.id === id);
        if (self) cy.add({ ...nodeElement(self), position: cy.extent() ? { x: (cy.extent().x1 + cy.extent().x2) / 2, y: (cy.extent().y1 + cy.extent().y2) / 2 } : { x: 0, y: 0 } });
      }
      const result = mergeSubgraph(cy, sub, id);
      for (const n of sub.nodes) names.set(n.id, n.name);
      if (opts.record !== false && !store.state.expanded.includes(id)) store.state.expanded.push(id);
      this.deps.applyHidden();
      this.deps.applyTime();
      this.deps.renderLegend();
      if (opts.record !== false) {
        store.commit();
        const addedIds = new Set(result.addedNodes);
        const added = cy.nodes().filter((n) => addedIds.has(n.id()));
        if (added.nonempty()) cy.animate({ fit: { eles: added.union(cy.getElementById(id)), padding: 60 } }, { duration: 300 });
        this.deps.flash(`${result.addedNodes.length} nodes and ${result.addedEdges.length} edges added around ${names.get(id) ?? id}${sub.truncated ? ' (limited to the first neighbours)' : ''}.`);
      }
    } catch (err) {
      errors.show('Could not expand', err);
    }
  }

  /** Adds one node (with its edges to nodes in view) near its neighbours in view. */
  addBeside(node: GraphNode, around: Subgraph): void {
    const cy = this.deps.cy();
    if (!cy || cy.getElementById(node.id).nonempty()) return;
    const present = around.nodes.filter((n) => cy.getElementById(n.id).nonempty());
    let position = { x: 0, y: 0 };
    if (present.length) {
      const pts = present.map((n) => cy.getElementById(n.id).position());
      position = { x: pts.reduce((s, p) => s + p.x, 0) / pts.length + 40, y: pts.reduce((s, p) => s + p.y, 0) / pts.length + 40 };
    } else {
      const ext = cy.extent();
      position = { x: (ext.x1 + ext.x2) / 2, y: (ext.y1 + ext.y2) / 2 };
    }
    mergeSubgraph(cy, { nodes: [node], edges: around.edges.filter((e) => e.source === node.id || e.target === node.id) }, position);
    this.deps.applyTime();
    this.deps.renderLegend();
  }
}
