/**
 * Path options: which relationship types a path may cross (the others are avoided), its period, its step limit
 * and how many paths to ask for; how they read from and write to a link, and the `paths` query's arguments.
 */
import { describePeriod, periodInput, viewPeriod } from './period';
import type { PeriodInput, ViewPeriod } from './period';
import { DATE_PATTERN } from './time';
import type { ViewState } from './view-state';

/** The API's RelationshipType enum, in the order the path panel lists it. */
export const RELATIONSHIP_TYPES = [
  'DEPLOYED',
  'SUPPORTED',
  'HOSTED_BY',
  'IN_CONFLICT',
  'LOCATED_IN',
  'COOPERATED_WITH',
  'PART_OF',
  'MEMBER_OF',
  'SUCCEEDED',
  'SERVED_IN',
  'HELD_POST',
  'NATIONAL_OF',
  'CONTRIBUTED_TO',
  'PARTY_TO',
  'PERSONNEL_IN',
] as const;

/** What each relationship type says, for the checkboxes' titles. */
export const RELATIONSHIP_MEANINGS: Readonly<Record<string, string>> = {
  DEPLOYED: 'an organization deployed a mission',
  SUPPORTED: "an organization supported another organization's mission",
  HOSTED_BY: 'a mission was deployed on a state’s territory',
  IN_CONFLICT: 'a mission was deployed in an armed conflict',
  LOCATED_IN: 'a conflict took place in a state',
  COOPERATED_WITH: 'recorded cooperation between two missions (handover, support…)',
  PART_OF: 'a mission is one host-country part of an umbrella operation',
  MEMBER_OF: 'a state’s membership of an organization',
  SUCCEEDED: 'an organization succeeded another',
  SERVED_IN: 'a post held in a mission',
  HELD_POST: 'a post held in an organization’s headquarters',
  NATIONAL_OF: 'a person’s nationality',
  CONTRIBUTED_TO: 'a state had personnel in a mission',
  PARTY_TO: 'a state was a party to a conflict',
  PERSONNEL_IN: 'a mission’s personnel in a host state in one month',
};

/** The types the API crosses when none are given: all but the time series. */
export const DEFAULT_PATH_TYPES: readonly string[] = RELATIONSHIP_TYPES.filter(
  (t) => t !== 'CONTRIBUTED_TO' && t !== 'PARTY_TO' && t !== 'PERSONNEL_IN',
);

/** Step limit and number of paths when a link says nothing. */
export const PATH_DEFAULTS = { hops: 6, k: 3, maxHops: 6, maxK: 10 } as const;

/** A fixed period for the paths, or all years; null (in the state) follows the view. */
export type PathPeriod = { from: string | null; to: string | null } | 'all';

/** The types a path may cross, in the enum's order; null when they are the API's default set (or none valid). */
export function normaliseTypes(types: readonly string[] | null | undefined): string[] | null {
  if (!types) return null;
  const chosen = RELATIONSHIP_TYPES.filter((t) => types.includes(t));
  if (!chosen.length) return null;
  const isDefault = chosen.length === DEFAULT_PATH_TYPES.length && chosen.every((t) => DEFAULT_PATH_TYPES.includes(t));
  return isDefault ? null : chosen;
}

/** The types a path may cross for a state (the default set when it names none). */
export function crossedTypes(s: Pick<ViewState, 'pathTypes'>): string[] {
  return s.pathTypes ? [...s.pathTypes] : [...DEFAULT_PATH_TYPES];
}

/** Reads `ptypes` (comma-separated RelationshipType names). */
export function parsePathTypes(raw: string | null): string[] | null {
  return raw ? normaliseTypes(raw.split(',').map((t) => t.trim())) : null;
}

/** Reads an integer option within bounds; anything else is the fallback. */
export function parseBounded(raw: string | null, min: number, max: number, fallback: number): number {
  if (!raw || !/^\d{1,2}$/.test(raw)) return fallback;
  const n = Number(raw);
  return n >= min && n <= max ? n : fallback;
}

/** Reads `pperiod`: `all`, or `from..to` (either may be empty); anything else follows the view (null). */
export function parsePathPeriod(raw: string | null): PathPeriod | null {
  if (!raw) return null;
  if (raw === 'all') return 'all';
  const [a, b] = raw.split('..');
  let from = a && DATE_PATTERN.test(a) ? a : null;
  let to = b && DATE_PATTERN.test(b) ? b : null;
  if (!from && !to) return null;
  if (from && to && from > to) [from, to] = [to, from];
  return { from, to };
}

/** Writes `pperiod`; null when the paths follow the view. */
export function encodePathPeriod(p: PathPeriod | null): string | null {
  if (!p) return null;
  if (p === 'all') return 'all';
  return `${p.from ?? ''}..${p.to ?? ''}`;
}

/** The period the paths are asked for: their own, or the view's (the slider, else the filter). */
export function pathPeriodOf(s: Pick<ViewState, 'pathPeriod' | 'time' | 'from' | 'to'>): ViewPeriod {
  const p = s.pathPeriod;
  if (p === 'all') return { from: null, to: null, label: 'all years', origin: 'all' };
  if (p) return { from: p.from, to: p.to, label: describePeriod(p.from, p.to), origin: 'filter' };
  return viewPeriod(s);
}

/** The arguments of the `paths` query for a state's options (types omitted when they are the default set). */
export interface PathQuery {
  k: number;
  maxHops: number;
  types: string[] | null;
  period: PeriodInput | null;
}

/** The `paths` arguments for the state's options and period. */
export function pathQuery(
  s: Pick<ViewState, 'pathTypes' | 'pathHops' | 'pathK' | 'pathPeriod' | 'time' | 'from' | 'to'>,
): PathQuery {
  return {
    k: s.pathK,
    maxHops: s.pathHops,
    types: s.pathTypes ? [...s.pathTypes] : null,
    period: periodInput(pathPeriodOf(s)),
  };
}
