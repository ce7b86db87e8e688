import type { Span } from '../common/period';
import { AnalysisUnit } from './analytics.args';
import type { AnalyticsRepository } from './analytics.repository';

/** What a period of the network view asks of the MSPO rule: its years, or its months when it is shorter. */
export interface MspoWindow {
  granularity: 'YEAR' | 'MONTH';
  from: string;
  to: string;
}

/** The first year the MSPO rule is asked about when a period has no start (the first UN operations: 1948). */
export const FIRST_MSPO_YEAR = 1945;

/**
 * The periods of `mspoShare` that cover a span: whole years when the span covers whole years, else its months
 * (a span from 2008-03-01 to 2008-05-31 asks about March to May 2008). Open ends reach from 1945 to this year;
 * null when the span ends before 1945 or starts after this year.
 */
export function mspoWindow(span: Span | null, now = new Date()): MspoWindow | null {
  const thisYear = now.getUTCFullYear();
  const from = span && span.from > `${FIRST_MSPO_YEAR}-01-01` ? span.from : `${FIRST_MSPO_YEAR}-01-01`;
  const to = span && span.to < `${thisYear}-12-31` ? span.to : `${thisYear}-12-31`;
  if (to < from) return null;
  const wholeYears = from.slice(5) === '01-01' && to.slice(5) === '12-31';
  if (wholeYears || Number(to.slice(0, 4)) - Number(from.slice(0, 4)) >= 10)
    return { granularity: 'YEAR', from: from.slice(0, 4), to: to.slice(0, 4) };
  return { granularity: 'MONTH', from: from.slice(0, 7), to: to.slice(0, 7) };
}

/**
 * The missions that were part of an MSPO at some time in a span: those `mspoShare` (its default rule and
 * universe, cypher/analysis/mspo-share.cypher) lists in any year (or month) of the span. The network view's
 * MSPO marks come from here, so that they always agree with `mspoShare`; the view keeps no rule of its own.
 * With `missions`, only those are asked about: the rule then runs on them and the missions that share a conflict
 * or a host state with them (`placeMates`), not on the whole graph, and gives them the same flags.
 */
export async function mspoMissionsIn(
  repo: AnalyticsRepository,
  span: Span | null,
  missions?: readonly string[],
  now = new Date(),
): Promise<Set<string>> {
  const w = mspoWindow(span, now);
  if (!w || missions?.length === 0) return new Set();
  const within = missions ? await repo.placeMates(missions) : null;
  const rows = await repo.mspoShare({
    universe: null,
    unit: AnalysisUnit.CONFLICT,
    differentOrganization: true,
    ...w,
    within,
  });
  const flagged = new Set(rows.flatMap((r) => r.mspoMissionIds));
  return missions ? new Set(missions.filter((id) => flagged.has(id))) : flagged;
}
