import { AppError, ErrorCode } from '../../errors';
import { AnalysisUnit } from '../analytics/analytics.args';
import type { AnalyticsRepository, MspoRow, PersonnelRow } from '../analytics/analytics.repository';
import { AnalyticsService } from '../analytics/analytics.service';
import { describeMspoRule } from '../analytics/measure-rows';
import type { StatsRepository } from './stats.repository';
import type { Stats, YearStat } from './stats.type';

/** What `stats` asks for: its years (resolved from `period` or the older `from`/`to`) and, optionally, one organization. */
export interface StatsQuery {
  from: number;
  /** Last year; null: the current year. */
  to: number | null;
  organization: string | null;
}

/**
 * The yearly figures of the charts: no rule of its own. Missions active and MSPO membership come from
 * cypher/analysis/mspo-share.cypher, personnel from cypher/analysis/personnel.cypher, both with the measures'
 * defaults (the field's universe and MSPO rule); this service only joins their rows per year.
 */
export class StatsService {
  constructor(
    private readonly analytics: AnalyticsRepository,
    private readonly repo: StatsRepository,
  ) {}

  async stats(args: StatsQuery, now = new Date()): Promise<Stats> {
    const to = args.to ?? now.getUTCFullYear();
    if (to < args.from)
      throw new AppError(ErrorCode.BAD_USER_INPUT, `'to' (${to}) is before 'from' (${args.from}).`, { argument: 'to' });
    if (args.from < 1945 || to > 2100)
      throw new AppError(ErrorCode.BAD_USER_INPUT, `Years from ${args.from} to ${to} are not a period of 1945-2100.`, {
        argument: 'period',
      });
    const span = { fromYear: args.from, toYear: to };
    const [universe, mspo, all, byOrganization] = await Promise.all([
      new AnalyticsService(this.analytics).universe(null),
      this.analytics.mspoShare({
        universe: null,
        unit: AnalysisUnit.CONFLICT,
        granularity: 'YEAR',
        from: String(args.from),
        to: String(to),
        differentOrganization: true,
      }),
      args.organization
        ? Promise.resolve([])
        : this.analytics.personnel({ universe: null, level: 'ALL', ids: null, ...span }),
      this.analytics.personnel({
        universe: null,
        level: 'ORGANIZATION',
        ids: args.organization ? [args.organization] : null,
        ...span,
      }),
    ]);
    const mspoByYear = new Map(mspo.map((p) => [Number(p.period), p]));
    const years: number[] = [];
    for (let y = args.from; y <= to; y += 1) years.push(y);
    const series = (rows: PersonnelRow[]): YearStat[] => {
      const byYear = new Map(rows.map((r) => [r.year, r]));
      return years.map((y) => yearStat(y, byYear.get(y), mspoByYear.get(y)));
    };
    const orgIds = [...new Set(byOrganization.map((r) => r.id))].sort();
    const organizations = await this.repo.organizations(orgIds);
    return {
      universe,
      mspoDefinition: describeMspoRule(true, AnalysisUnit.CONFLICT),
      years: args.organization ? series(byOrganization) : series(all),
      organizations: organizations.map((o) => ({
        organization: o,
        years: series(byOrganization.filter((r) => r.id === o.id)),
      })),
    };
  }
}

/** One year's figures from the personnel row of a set of missions and the year's MSPO row. */
export function yearStat(year: number, p: PersonnelRow | undefined, mspo: MspoRow | undefined): YearStat {
  const active = p?.missionIds ?? [];
  const inMspo = new Set(mspo?.mspoMissionIds ?? []);
  const byFallback = new Set(mspo?.hostFallbackMissionIds ?? []);
  const mspoMissions = active.filter((id) => inMspo.has(id)).length;
  return {
    year,
    missionsActive: active.length,
    mspoMissions: mspo ? mspoMissions : null,
    mspoShare: mspo && active.length ? mspoMissions / active.length : null,
    hostFallbackMissions: mspo ? active.filter((id) => byFallback.has(id)).length : null,
    personnel: p?.personnel ?? null,
    missionsWithPersonnel: p?.missionsWithPersonnel ?? 0,
    personnelCoverage: active.length ? (p?.missionsWithPersonnel ?? 0) / active.length : null,
    personnelSources: p?.sources ?? [],
  };
}
