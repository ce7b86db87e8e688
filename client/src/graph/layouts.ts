/** Layout options per layout name; the graph's entity types give concentric rings and breadth-first roots. */
import type { Core, LayoutOptions, NodeSingular, Position } from 'cytoscape';
import { mapLayoutOptions } from './geo-layout';
import { groupedPositions, hasGroupBoxes } from './grouped-layout';
import type { LayoutName } from './view-state';

/** What the view lays out: everything the user or the slider has not hidden (as runLayout does). */
const LAID_OUT = '.user-hidden, .time-hidden';

/**
 * The force layout of a grouped view (grouped-layout.ts) as a preset layout: the positions are computed when the
 * layout runs (so that runLayout's seeded random start applies), then set, fitted and, if asked, animated.
 */
function groupedLayoutOptions(
  cy: Core,
  common: { fit: boolean; padding: number; animate: boolean; animationDuration: number },
): LayoutOptions {
  let positions: Map<string, Position> | null = null;
  return {
    name: 'preset',
    ...common,
    positions: (n: NodeSingular) => {
      if (!positions) {
        const eles = cy.elements().not(LAID_OUT);
        positions = groupedPositions(cy, eles.nodes(), eles.edges());
      }
      return positions.get(n.id()) ?? { ...n.position() };
    },
  } as LayoutOptions;
}

/** Ring of each entity type in the concentric layout (higher is nearer the centre). */
export const CONCENTRIC_LEVEL: Readonly<Record<string, number>> = {
  Organization: 4,
  Mission: 3,
  Conflict: 2,
  Person: 2,
  State: 1,
};

const GRID_ORDER: Readonly<Record<string, number>> = { Organization: 0, Mission: 1, Conflict: 2, State: 3, Person: 4 };

/**
 * Whether a layout draws the group boxes (grouping.ts). The force layout places the boxes and what is inside;
 * the others place every node on rings, trees or a grid, where a box would span the whole picture, so the view
 * takes the boxes away for them.
 */
export function layoutKeepsGroups(name: LayoutName): boolean {
  return name === 'fcose';
}

/**
 * Options of a layout over the whole view. `animate` is turned off for large views, where an animated layout
 * costs more than it shows.
 */
export function layoutOptions(
  name: LayoutName,
  cy: Core,
  opts: { animate?: boolean; randomize?: boolean } = {},
): LayoutOptions {
  const size = cy.nodes().length;
  const animate = opts.animate ?? size < 400;
  const common = { fit: true, padding: 30, animate, animationDuration: 400 };
  switch (name) {
    case 'fcose':
      if (hasGroupBoxes(cy)) return groupedLayoutOptions(cy, common);
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
      return {
        name: 'breadthfirst',
        ...common,
        directed: false,
        spacingFactor: 0.9,
        avoidOverlap: true,
        roots: roots.nonempty() ? roots : undefined,
      } as LayoutOptions;
    }
    case 'grid':
      return {
        name: 'grid',
        ...common,
        avoidOverlap: true,
        sort: (a: NodeSingular, b: NodeSingular) =>
          (GRID_ORDER[a.data('label') as string] ?? 9) - (GRID_ORDER[b.data('label') as string] ?? 9) ||
          String(a.data('name')).localeCompare(String(b.data('name'))),
      };
    case 'map':
      // Headquarters, capitals and conflicts' places, projected (geo-layout.ts); view/map.ts draws the outline.
      return mapLayoutOptions(cy, common);
  }
}
