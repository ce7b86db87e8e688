import type { PeriodInput } from '../common/period';
import { legacyDate, legacyPeriod, periodArg } from '../common/period';
import type { RelationField } from '../../request/relation-field';
import { REL } from '../common/relations.cypher';
import { monthWindow } from '../../model/contributions';
import type { MonthWindow } from '../../model/contributions';

/** The arguments of `Mission.contributors`. */
export interface ContributorsArgs {
  period?: PeriodInput | null;
  /** Deprecated: period. */
  asOf?: string | null;
  /** Deprecated: period. */
  between?: PeriodInput | null;
  source?: string | null;
}

/** The month window of `Mission.contributors`: the months of its period (or of the older `asOf` or `between`), or all. */
export function contributorsWindow(a: ContributorsArgs): MonthWindow | null {
  const period = periodArg('contributors', a.period, [legacyDate('asOf', a.asOf), legacyPeriod('between', a.between)]);
  return monthWindow(period?.from, period?.to);
}

/** The nested list fields of Mission: read by their loaders, or ahead by the root field (prefetch.ts). */
export const MISSION_RELATIONS = {
  organizations: { cypher: REL.missionOrganizations, itemType: 'Organization' },
  hosts: { cypher: REL.missionHosts, itemType: 'State' },
  conflicts: { cypher: REL.missionConflicts, itemType: 'Conflict' },
  cooperations: { cypher: REL.missionCooperations },
  people: { cypher: REL.missionPosts },
  parent: { cypher: REL.missionParent, itemType: 'Mission' },
  parts: { cypher: REL.missionParts, itemType: 'Mission' },
  personnelSeries: {
    cypher: REL.missionPersonnel,
    params: (a: { source?: string | null }) => ({ source: a.source ?? null }),
  },
  contributors: {
    cypher: REL.missionContributions,
    params: (a: ContributorsArgs) => ({ window: contributorsWindow(a), source: a.source ?? null }),
    entityField: 'state',
    streamed: true,
  },
} satisfies Record<string, RelationField<never>>;
