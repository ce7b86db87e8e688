/**
 * Filter choices and their description: the options offered for each filter (from the data the API returned)
 * and a one-line summary of the active filters.
 */
import type { ViewState } from './view-state';
import type { GraphNode } from './types';

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
}

/** Mission kinds of the model (cypher/data/curated/README.md), offered even when absent from the data. */
export const MISSION_KINDS = ['military', 'police', 'observer', 'civilian', 'rule_of_law', 'monitoring', 'training', 'support', 'maritime'] as const;

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
  const kinds = new Map<string, FacetOption>(MISSION_KINDS.map((k) => [k, { value: k, text: k.replace(/_/g, ' '), count: 0 }]));
  const regions = new Map<string, FacetOption>();
  const conflicts = new Map<string, FacetOption>();
  for (const n of nodes) {
    if (n.label === 'Conflict') conflicts.set(n.id, { value: n.id, text: n.name, count: 0 });
    if (n.label !== 'Mission') continue;
    for (const o of n.organizations) bump(orgs, o, byId.get(o)?.name ?? o);
    for (const k of n.kinds) bump(kinds, k, k.replace(/_/g, ' '));
    if (n.region) bump(regions, n.region, n.region);
  }
  return { organizations: sortOptions(orgs), missionKinds: sortOptions(kinds), regions: sortOptions(regions), conflicts: sortOptions(conflicts) };
}

/** Adds to `facets.conflicts` the number of missions per conflict, from IN_CONFLICT edges. */
export function countConflicts(facets: Facets, edges: readonly { type: string; target: string }[]): Facets {
  const counts = new Map<string, number>();
  for (const e of edges) if (e.type === 'IN_CONFLICT') counts.set(e.target, (counts.get(e.target) ?? 0) + 1);
  const conflicts = facets.conflicts.map((c) => ({ ...c, count: counts.get(c.value) ?? 0 })).sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
  return { ...facets, conflicts };
}

/** A plain-language summary of what the view shows, e.g. "Full graph · EU, AU · military · 1997–2026". */
export function describeFilter(s: ViewState, names: ReadonlyMap<string, string> = new Map()): string {
  const parts: string[] = [s.mode === 'ORGANIZATIONS' ? 'Organization network' : 'Missions, organizations' + (s.includeConflicts ? ', conflicts' : '') + (s.includeStates ? ', host states' : '')];
  if (s.organizations.length) parts.push(s.organizations.map((o) => names.get(o) ?? o).join(', '));
  if (s.missionKinds.length) parts.push(s.missionKinds.map((k) => k.replace(/_/g, ' ')).join(', '));
  if (s.regions.length) parts.push(s.regions.join(', '));
  if (s.conflicts.length) parts.push(s.conflicts.map((c) => names.get(c) ?? c).join(', '));
  parts.push(s.from || s.to ? `${s.from ?? '…'}–${s.to ?? 'today'}` : 'all years');
  return parts.join(' · ');
}

/** Whether a view state filters the missions in any way besides the period. */
export function hasNarrowingFilter(s: ViewState): boolean {
  return s.organizations.length + s.missionKinds.length + s.regions.length + s.conflicts.length > 0;
}
