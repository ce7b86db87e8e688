/** Layout options per layout name; the graph's entity types give concentric rings and breadth-first roots. */
import type { Core, LayoutOptions, NodeSingular } from 'cytoscape';
import type { LayoutName } from './view-state';

/** Ring of each entity type in the concentric layout (higher is nearer the centre). */
export const CONCENTRIC_LEVEL: Readonly<Record<string, number>> = { Organization: 4, Mission: 3, Conflict: 2, Person: 2, State: 1 };

const GRID_ORDER: Readonly<Record<string, number>> = { Organization: 0, Mission: 1, Conflict: 2, State: 3, Person: 4 };

/**
 * Options of a layout over the whole view. `animate` is turned off for large views, where an animated layout
 * costs more than it shows.
 */
export function layoutOptions(name: LayoutName, cy: Core, opts: { animate?: boolean; randomize?: boolean } = {}): LayoutOptions {
  const size = cy.nodes().length;
  const animate = opts.animate ?? size < 400;
  const common = { fit: true, padding: 30, animate, animationDuration: 400 };
  switch (name) {
    case 'fcose':
      return {
        name: 'fcose',
        ...common,
        quality: size > 1500 ? 'draft' : 'default',
        randomize: opts.randomize ?? true,
        nodeRepulsion: () => 6500,
        idealEdgeLength: () => 70,
        nodeSeparation: 60,
        packComponents: true,
        numIter: 2500,
      } as LayoutOptions;
    case 'concentric':
      return {
        name: 'concentric',
        ...common,
        concentric: (n: NodeSingular) => CONCENTRIC_LEVEL[n.data('label') as string] ?? 0,
        levelWidth: () => 1,
        minNodeSpacing: 8,
        avoidOverlap: true,
      };
    case 'breadthfirst': {
      const roots = cy.nodes('[label = "Organization"]').not('.user-hidden');
      return { name: 'breadthfirst', ...common, directed: false, spacingFactor: 0.9, avoidOverlap: true, roots: roots.nonempty() ? roots : undefined } as LayoutOptions;
    }
    case 'grid':
      return {
        name: 'grid',
        ...common,
        avoidOverlap: true,
        sort: (a: NodeSingular, b: NodeSingular) =>
          (GRID_ORDER[a.data('label') as string] ?? 9) - (GRID_ORDER[b.data('label') as string] ?? 9) || String(a.data('name')).localeCompare(String(b.data('name'))),
      };
  }
}
