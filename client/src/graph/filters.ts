/**
 * Filter choices and their description: the options offered for each filter (from the data the API returned)
 * and a one-line summary of the active filters.
 */
import type { ViewState } from './view-state';
import type { GraphNode } from './types';
import { MISSION_KINDS, ORGANIZATION_KINDS } from '../../../server/src/model/graph';

/** One choice of a filter. */
export interface FacetOption {
  value: string;
  text: string;
  count: number;
}

/** The choices of every filter. */
export interface Facets {
  organizations: FacetOption[];
  missionKinds: FacetOption[];
  regions: FacetOption[];
  conflicts: FacetOption[];
  /** Kinds of organization, counted in missions deployed by at least one organization of the kind. */
  organizationKinds: FacetOption[];
}

/** Kinds of organization of the model (Organization.kind; the API's allow-list for `organizationKinds`). */
export { MISSION_KINDS, ORGANIZATION_KINDS };

/** How each kind of organization reads in the filter and the summary. */
export const ORGANIZATION_KIND_TEXT: Readonly<Record<(typeof ORGANIZATION_KINDS)[number], string>> = {
  global: 'global (UN, Commonwealth)',
  regional: 'regional (AU, EU, OSCE, ...)',
  subregional: 'subregional (ECOWAS, SADC, ...)',
  alliance: 'alliance (NATO, CSTO, ...)',
  ad_hoc_coalition: 'ad hoc coalition',
  lead_state: 'lead state',
};

/**
 * The datasets the source filter offers: those that state missions (the others state states, memberships or
 * conflicts only, and would leave the network empty). Values are the `source` of every fact; the API allow-lists them.
 */
export const SOURCE_FILTERS = [
  'curated',
  'un-pko-list',
  'bara-hultman',
  'ipi-missions',
  'ipi-contributions',
  'ipi-snapshot',
  'geopko-tcc',
  'un-country-by-year',
] as const;

/** A dataset's short name for the filter and the summary (ui/sources.ts has the long titles). */
export const SOURCE_FILTER_TEXT: Readonly<Record<(typeof SOURCE_FILTERS)[number], string>> = {
  curated: 'curated tables',
  'un-pko-list': 'UN PKO list',
  'bara-hultman': 'Bara & Hultman',
  'ipi-missions': 'IPI missions',
  'ipi-contributions': 'IPI contributions',
  'ipi-snapshot': 'IPI snapshot 2014',
  'geopko-tcc': 'Geo-PKO',
  'un-country-by-year': 'UN country by year',
};

/** Each kind of organization in the plural, for the summary ("deployed by regional organizations or lead states"). */
const ORGANIZATION_KIND_PLURAL: Readonly<Record<(typeof ORGANIZATION_KINDS)[number], string>> = {
  global: 'global organizations',
  regional: 'regional organizations',
  subregional: 'subregional organizations',
  alliance: 'alliances',
  ad_hoc_coalition: 'ad hoc coalitions',
  lead_state: 'lead states',
};

function kindText(k: string): string {
  return (ORGANIZATION_KIND_TEXT as Record<string, string>)[k] ?? k.replace(/_/g, ' ');
}

function sourceText(s: string): string {
  return (SOURCE_FILTER_TEXT as Record<string, string>)[s] ?? s;
}

function sortOptions(map: Map<string, FacetOption>): FacetOption[] {
  return [...map.values()].sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
}

function bump(map: Map<string, FacetOption>, value: string, text: string): void {
  const o = map.get(value);
  if (o) o.count++;
  else map.set(value, { value, text, count: 1 });
}

/**
 * Counts, over the missions of a (full) network, the organizations that deploy them, their kinds, their host
 * regions and their conflicts. Organization and conflict names come from the nodes.
 */
export function facetsOf(nodes: readonly GraphNode[]): Facets {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const orgs = new Map<string, FacetOption>();
  const kinds = new Map<string, FacetOption>(
    MISSION_KINDS.map((k) => [k, { value: k, text: k.replace(/_/g, ' '), count: 0 }]),
  );
  const regions = new Map<string, FacetOption>();
  const conflicts = new Map<string, FacetOption>();
  // In the order of the model, not by count: the kinds go from the widest to a single state.
  const orgKinds = new Map<string, FacetOption>(
    ORGANIZATION_KINDS.map((k) => [k, { value: k, text: kindText(k), count: 0 }]),
  );
  for (const n of nodes) {
    if (n.label === 'Conflict') conflicts.set(n.id, { value: n.id, text: n.name, count: 0 });
    if (n.label !== 'Mission') continue;
    for (const o of n.organizations) bump(orgs, o, byId.get(o)?.name ?? o);
    for (const k of n.kinds) bump(kinds, k, k.replace(/_/g, ' '));
    if (n.region) bump(regions, n.region, n.region);
    // An organization node's `kinds` holds its kind (the API's projection).
    const ofMission = new Set(
      n.organizations.flatMap((o) => (byId.get(o)?.label === 'Organization' ? (byId.get(o)?.kinds ?? []) : [])),
    );
    for (const k of ofMission) bump(orgKinds, k, kindText(k));
  }
  return {
    organizations: sortOptions(orgs),
    missionKinds: sortOptions(kinds),
    regions: sortOptions(regions),
    conflicts: sortOptions(conflicts),
    organizationKinds: [...orgKinds.values()],
  };
}

/** Adds to `facets.conflicts` the number of missions per conflict, from IN_CONFLICT edges. */
export function countConflicts(facets: Facets, edges: readonly { type: string; target: string }[]): Facets {
  const counts = new Map<string, number>();
  for (const e of edges) if (e.type === 'IN_CONFLICT') counts.set(e.target, (counts.get(e.target) ?? 0) + 1);
  const conflicts = facets.conflicts
    .map((c) => ({ ...c, count: counts.get(c.value) ?? 0 }))
    .sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
  return { ...facets, conflicts };
}

/** A plain-language summary of what the view shows, e.g. "Full graph · EU, AU · military · 1997–2026". */
export function describeFilter(s: ViewState, names: ReadonlyMap<string, string> = new Map()): string {
  const parts: string[] = [
    s.mode === 'ORGANIZATIONS'
      ? 'Organization network'
      : 'Missions, organizations' +
        (s.includeConflicts ? ', conflicts' : '') +
        (s.includeStates ? ', host states' : ''),
  ];
  if (s.organizations.length) parts.push(s.organizations.map((o) => names.get(o) ?? o).join(', '));
  if (s.missionKinds.length) parts.push(s.missionKinds.map((k) => k.replace(/_/g, ' ')).join(', '));
  if (s.regions.length) parts.push(s.regions.join(', '));
  if (s.conflicts.length) parts.push(s.conflicts.map((c) => names.get(c) ?? c).join(', '));
  if (s.organizationKinds.length)
    parts.push(
      `deployed by ${s.organizationKinds.map((k) => (ORGANIZATION_KIND_PLURAL as Record<string, string>)[k] ?? k).join(' or ')}`,
    );
  if (s.sources.length) parts.push(`stated by ${s.sources.map(sourceText).join(', ')}`);
  parts.push(s.from || s.to ? `${s.from ?? '…'}–${s.to ?? 'today'}` : 'all years');
  return parts.join(' · ');
}

/** Whether a view state filters the missions in any way besides the period. */
export function hasNarrowingFilter(s: ViewState): boolean {
  return (
    s.organizations.length +
      s.missionKinds.length +
      s.regions.length +
      s.conflicts.length +
      s.organizationKinds.length +
      s.sources.length >
    0
  );
}
