/**
 * Node size by a chosen measure. Personnel is the default and comes with the elements (style.ts's nodeSize: the
 * largest monthly personnel; a mission with no figure on record is drawn hollow and dashed, never at the size of
 * a zero figure). The other measures are counted here, in the browser, over the graph in view (what the filters,
 * the slider, the legend and the user leave visible):
 *
 * - degree: the number of distinct nodes in view a node is linked to (parallel relationships count once);
 * - number of organizations: for a mission, the organizations that deploy it; for a conflict, the organizations
 *   with a mission in view in it; for an organization, the other organizations it works beside: those deploying
 *   a mission in view in a conflict where it has one, those deploying a mission with it, and those linked to it
 *   directly (the organization network's co-deployment and cooperation); for a state or a person, the
 *   organizations of the missions in view linked to it.
 *
 * Sizes of both counted measures grow with the square root of the value (area proportional to it), from
 * MIN_SIZE for 0 to MAX_SIZE for the largest value in view, the same scale for every entity type, so that the
 * order of sizes is the order of the values.
 */
import type { Core, EdgeSingular, NodeCollection, NodeSingular } from 'cytoscape';
import { GROUP_BOX, groupingOf, IMPLIED_CLASS, isDrawn } from './grouping';
import type { LegendAppearance } from './style';

/** What node sizes can show. */
export const SIZE_MEASURES = ['personnel', 'degree', 'organizations'] as const;
export type SizeMeasure = (typeof SIZE_MEASURES)[number];

/** Plain-language names of the measures, for the control and the legend. */
export const SIZE_MEASURE_TEXT: Readonly<Record<SizeMeasure, string>> = {
  personnel: 'largest monthly personnel (missions)',
  degree: 'degree: distinct nodes in view linked to it',
  organizations: 'number of organizations (deploying it, in it, or beside it)',
};

/** Smallest and largest diameter (model pixels) of a node sized by a counted measure. */
export const MIN_SIZE = 12;
export const MAX_SIZE = 60;

/** The class of nodes sized by a counted measure (their size is in `msize`). */
export const MEASURE_SIZE_CLASS = 'measure-size';

/** Classes that hide an element whatever the boxes do. */
const HIDING = '.time-hidden, .user-hidden, .legend-hidden';

/** Diameter for `value` on a square-root scale where `max` gets MAX_SIZE (and 0 gets MIN_SIZE). */
export function measureSize(value: number, max: number): number {
  if (!(max > 0) || !(value > 0)) return MIN_SIZE;
  return Math.round((MIN_SIZE + (MAX_SIZE - MIN_SIZE) * Math.sqrt(Math.min(value, max) / max)) * 10) / 10;
}

/** The entity nodes in view (group boxes are drawing aids, not nodes of the graph). */
function shownNodes(cy: Core): NodeCollection {
  return cy
    .nodes()
    .not(GROUP_BOX)
    .filter((n) => isDrawn(n));
}

/** Whether an edge is part of the graph in view: drawn, or only implied by a box, between two shown nodes. */
function shownEdge(e: EdgeSingular, shown: ReadonlySet<string>): boolean {
  if (!shown.has(e.source().id()) || !shown.has(e.target().id())) return false;
  return e.style('display') !== 'none' || (e.hasClass(IMPLIED_CLASS) && !e.is(HIDING));
}

/** Distinct neighbours in view of every node in view. */
function neighbourSets(cy: Core): Map<string, Set<string>> {
  const nodes = shownNodes(cy);
  const shown = new Set(nodes.map((n) => n.id()));
  const out = new Map<string, Set<string>>();
  for (const id of shown) out.set(id, new Set());
  cy.edges().forEach((e) => {
    if (!shownEdge(e, shown)) return;
    const s = e.source().id();
    const t = e.target().id();
    if (s === t) return;
    out.get(s)?.add(t);
    out.get(t)?.add(s);
  });
  return out;
}

/** Degree (distinct neighbours) of every node in view. */
export function degrees(cy: Core): Map<string, number> {
  const out = new Map<string, number>();
  for (const [id, set] of neighbourSets(cy)) out.set(id, set.size);
  return out;
}

/** The number of organizations (see the module comment) of every node in view. */
export function organizationCounts(cy: Core): Map<string, number> {
  const near = neighbourSets(cy);
  const node = (id: string): NodeSingular => cy.getElementById(id);
  const label = (id: string): string => String(node(id).data('label'));
  const orgsOf = (id: string): readonly string[] => (node(id).data('organizations') as string[] | undefined) ?? [];
  const missionsNear = (id: string): string[] => [...(near.get(id) ?? [])].filter((m) => label(m) === 'Mission');
  const out = new Map<string, number>();
  for (const id of near.keys()) {
    const kind = label(id);
    const orgs = new Set<string>();
    if (kind === 'Mission') {
      for (const o of orgsOf(id)) orgs.add(o);
    } else if (kind === 'Organization') {
      for (const m of missionsNear(id)) {
        if (!orgsOf(m).includes(id)) continue;
        for (const o of orgsOf(m)) orgs.add(o);
        // The conflicts of its missions, and the organizations of the other missions there.
        for (const c of near.get(m) ?? [])
          if (label(c) === 'Conflict') for (const other of missionsNear(c)) for (const o of orgsOf(other)) orgs.add(o);
      }
      for (const o of near.get(id) ?? []) if (label(o) === 'Organization') orgs.add(o);
      orgs.delete(id);
    } else {
      for (const m of missionsNear(id)) for (const o of orgsOf(m)) orgs.add(o);
    }
    out.set(id, orgs.size);
  }
  return out;
}

/** The values of a counted measure for the nodes in view (null for personnel, which the elements carry). */
export function measureValues(cy: Core, measure: SizeMeasure): Map<string, number> | null {
  if (measure === 'degree') return degrees(cy);
  if (measure === 'organizations') return organizationCounts(cy);
  return null;
}

/**
 * Sizes the nodes by `measure`: personnel takes the elements' own sizes back; a counted measure sets each node's
 * `msize` (and the class MEASURE_SIZE_CLASS). Hidden nodes keep their last size. Returns the values used.
 */
export function applySizes(cy: Core, measure: SizeMeasure): Map<string, number> | null {
  const values = measureValues(cy, measure);
  cy.batch(() => {
    if (!values) {
      cy.nodes(`.${MEASURE_SIZE_CLASS}`).removeClass(MEASURE_SIZE_CLASS);
      return;
    }
    const max = Math.max(0, ...values.values());
    for (const [id, v] of values) {
      const n = cy.getElementById(id);
      const size = measureSize(v, max);
      if (n.data('msize') !== size) n.data('msize', size);
      n.data('measure', v);
      n.addClass(MEASURE_SIZE_CLASS);
    }
  });
  return values;
}

/** The size measure the view last applied (personnel before any). */
export function currentSizeMeasure(cy: Core): SizeMeasure {
  const m = cy.scratch('sizeMeasure') as string | undefined;
  return (SIZE_MEASURES as readonly string[]).includes(m ?? '') ? (m as SizeMeasure) : 'personnel';
}

/** How the view draws its nodes now (boxes and size measure), for the legend. */
export function legendAppearance(cy: Core): LegendAppearance {
  return { grouping: groupingOf(cy), size: currentSizeMeasure(cy) };
}
