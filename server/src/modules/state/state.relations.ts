import type { PeriodInput } from '../common/period';
import { checkPeriod } from '../common/period';
import type { RelationField } from '../common/prefetch';
import { REL } from '../common/relations.cypher';
import { yearParam } from '../organization/organization.relations';
import type { MonthWindow } from '../personnel/contributions';
import { monthWindow } from '../personnel/contributions';

/** The arguments of `State.contributions`. */
export interface StateContributionsArgs {
  between?: PeriodInput | null;
  source?: string | null;
}

export function stateContributionsWindow(a: StateContributionsArgs): MonthWindow | null {
  const between = checkPeriod(a.between, 'between');
  return monthWindow(between?.from, between?.to);
}

/** The nested list fields of State: read by their loaders, or ahead by the root field (prefetch.ts). */
export const STATE_RELATIONS = {
  hostedMissions: { cypher: REL.stateHosted },
  memberships: { cypher: REL.stateMemberships, params: yearParam },
  contributions: {
    cypher: REL.stateContributions,
    params: (a: StateContributionsArgs) => ({ window: stateContributionsWindow(a), source: a.source ?? null }),
  },
} satisfies Record<string, RelationField<never>>;
