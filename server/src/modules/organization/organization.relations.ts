import type { PeriodInput } from '../common/period';
import { legacyPeriod, periodArg, toSpan } from '../common/period';
import type { RelationField } from '../../request/relation-field';
import { REL } from '../common/relations.cypher';

/** The year of a membership filter as the relation statements compare it. */
export const yearParam = (a: { year?: number | null }) => ({
  year: a.year === null || a.year === undefined ? null : String(a.year),
});

/** The nested list fields of Organization: read by their loaders, or ahead by the root field (prefetch.ts). */
export const ORGANIZATION_RELATIONS = {
  missions: {
    cypher: REL.organizationMissions,
    itemType: 'Mission',
    params: (a: { period?: PeriodInput | null; activeIn?: PeriodInput | null }) => ({
      span: toSpan(periodArg('missions', a.period, [legacyPeriod('activeIn', a.activeIn)])),
    }),
  },
  members: { cypher: REL.organizationMembers, params: yearParam },
  predecessors: { cypher: REL.organizationPredecessors, itemType: 'Organization' },
  successors: { cypher: REL.organizationSuccessors, itemType: 'Organization' },
  people: { cypher: REL.organizationPosts },
} satisfies Record<string, RelationField<never>>;
