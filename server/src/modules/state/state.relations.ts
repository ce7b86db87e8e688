import type { PeriodInput } from '../common/period';
import { legacyPeriod, periodArg } from '../common/period';
import type { RelationField } from '../../request/relation-field';
import { REL } from '../common/relations.cypher';
import { yearParam } from '../organization/organization.relations';
import type { MonthWindow } from '../../model/contributions';
import { monthWindow } from '../../model/contributions';

/** The arguments of `State.contributions`. */
export interface StateContributionsArgs {
  period?: PeriodInput | null;
  /** Deprecated: period. */
  between?: PeriodInput | null;
  source?: string | null;
}

/** The month window of `State.contributions`: the months of its period (or of the older `between`), or all. */
export function stateContributionsWindow(a: StateContributionsArgs): MonthWindow | null {
  const period = periodArg('contributions', a.period, [legacyPeriod('between', a.between)]);
  return monthWindow(period?.from, period?.to);
}

/** The nested list fields of State: read by their loaders, or ahead by the root field (prefetch.ts). */
export const STATE_RELATIONS = {
  hostedMissions: { cypher: REL.stateHosted, itemType: 'Mission' },
  memberships: { cypher: REL.stateMemberships, params: yearParam },
  contributions: {
    cypher: REL.stateContributions,
    params: (a: StateContributionsArgs) => ({ window: stateContributionsWindow(a), source: a.source ?? null }),
    entityField: 'mission',
    streamed: true,
  },
} satisfies Record<string, RelationField<never>>;
