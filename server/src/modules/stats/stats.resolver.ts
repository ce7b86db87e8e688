import { Args, ArgsType, Ctx, Field, Float, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { IsOptional, Length, Max, Min } from 'class-validator';
import { AppError, ErrorCode } from '../../errors';
import type { GraphQLContext } from '../common/context';
import { ORGANIZATION } from '../common/projections';
import { AnalysisGranularity, AnalysisUnit, MspoShareArgs } from '../analytics/analytics.args';
import { AnalyticsRepository } from '../analytics/analytics.repository';
import { AnalyticsService } from '../analytics/analytics.service';
import { Organization } from '../organization/organization.type';

@ObjectType({ description: 'Figures of one year.' })
export class YearStat {
  @Field(() => Int, { description: 'The year.' })
  year!: number;

  @Field(() => Int, { description: 'Missions active at some time in the year.' })
  missionsActive!: number;

  @Field(() => Float, { description: 'Personnel: the sum over missions of their average monthly total in the year (official IPI figures where they exist, else Bara & Hultman).' })
  personnel!: number;

  @Field(() => Float, { description: 'Share of the active missions that were part of an MSPO in the year (another mission active in the same conflict, or host state where no conflict is known), by the rule of `mspoShare`.' })
  mspoShare!: number;
}

@ObjectType({ description: 'Figures of one organization per year.' })
export class OrganizationStat {
  @Field(() => Organization, { description: 'The organization.' })
  organization!: Organization;

  @Field(() => [YearStat], { description: 'One entry per year, in order.' })
  years!: YearStat[];
}

@ObjectType({ description: 'Missions active, personnel and MSPO share per year, overall and per organization.' })
export class Stats {
  @Field(() => [YearStat], { description: 'One entry per year, in order.' })
  years!: YearStat[];

  @Field(() => [OrganizationStat], { description: 'One entry per organization.' })
  organizations!: OrganizationStat[];
}

@ArgsType()
export class StatsArgs {
  @Field(() => Int, { defaultValue: 1990, description: 'First year.' })
  @Min(1945)
  @Max(2100)
  from!: number;

  @Field(() => Int, { nullable: true, description: 'Last year; default the current year.' })
  @IsOptional()
  @Min(1945)
  @Max(2100)
  to?: number | null;

  @Field(() => ID, { nullable: true, description: 'Only this organization\'s missions.' })
  @IsOptional()
  @Length(1, 100)
  organization?: string | null;
}

interface MissionRow {
  id: string;
  start: string | null;
  end: string | null;
  orgs: Organization[];
  personnel: { month: string; source: string; total: number }[];
}

const RANK: Record<string, number> = { 'ipi-missions': 1, 'bara-hultman': 2 };

/** Average monthly personnel per year of one mission, from the best source of each month. */
export function yearlyPersonnel(points: MissionRow['personnel']): Map<number, number> {
  const best = new Map<string, { rank: number; total: number }>();
  for (const p of points) {
    const rank = RANK[p.source] ?? 9;
    const cur = best.get(p.month);
    if (!cur || rank < cur.rank) best.set(p.month, { rank, total: p.total });
  }
  const sums = new Map<number, { total: number; months: number }>();
  for (const [month, b] of best) {
    const y = Number(month.slice(0, 4));
    const s = sums.get(y) ?? { total: 0, months: 0 };
    s.total += b.total;
    s.months += 1;
    sums.set(y, s);
  }
  return new Map([...sums].map(([y, s]) => [y, s.total / s.months]));
}

const activeIn = (m: MissionRow, y: number) => (!m.start || Number(m.start.slice(0, 4)) <= y) && (!m.end || Number(m.end.slice(0, 4)) >= y);

@Resolver()
export class StatsResolver {
  @Query(() => Stats, { description: 'Per year, overall and per organization: missions active, personnel, and the share of missions that were part of an MSPO.', complexity: 50 })
  async stats(@Args() args: StatsArgs, @Ctx() ctx: GraphQLContext): Promise<Stats> {
    const to = args.to ?? new Date().getUTCFullYear();
    if (to < args.from) throw new AppError(ErrorCode.BAD_USER_INPUT, `'to' (${to}) is before 'from' (${args.from}).`, { argument: 'to' });
    const missions = await ctx.db.read<MissionRow>(
      `MATCH (m:Mission) WHERE NOT (m)<-[:PART_OF]-(:Mission)
       CALL (m) {
         OPTIONAL MATCH (m)-[p:PERSONNEL_IN]->()
         WITH p.month AS month, p.source AS source, sum(p.total) AS total WHERE month IS NOT NULL AND total IS NOT NULL
         RETURN collect({month: month, source: source, total: total}) AS personnel
       }
       RETURN m.id AS id, m.start AS start, m.end AS end, personnel,
              [(o:Organization)-[:DEPLOYED]->(m) | ${ORGANIZATION('o')}] AS orgs`,
    );
    // The MSPO rule has one definition, cypher/analysis/mspo-share.cypher, shared with the analytics queries.
    const mspo = await new AnalyticsService(new AnalyticsRepository(ctx.db)).mspoShare(
      Object.assign(new MspoShareArgs(), { from: String(args.from), to: String(to), granularity: AnalysisGranularity.YEAR, unit: AnalysisUnit.CONFLICT, differentOrganization: false, universe: null }),
    );
    const mspoIds = new Map(mspo.periods.map((p) => [Number(p.period), new Set(p.mspoMissionIds)]));
    const yearly = new Map(missions.map((m) => [m.id, yearlyPersonnel(m.personnel)]));
    const statsFor = (subset: MissionRow[], y: number): YearStat => {
      const active = subset.filter((m) => activeIn(m, y));
      const inMspo = mspoIds.get(y) ?? new Set<string>();
      const mspo = active.filter((m) => inMspo.has(m.id)).length;
      const personnel = active.reduce((n, m) => n + (yearly.get(m.id)?.get(y) ?? 0), 0);
      return { year: y, missionsActive: active.length, personnel: Math.round(personnel), mspoShare: active.length ? mspo / active.length : 0 };
    };
    const years: number[] = [];
    for (let y = args.from; y <= to; y += 1) years.push(y);
    const scoped = args.organization ? missions.filter((m) => m.orgs.some((o) => o.id === args.organization)) : missions;
    const orgs = new Map<string, Organization>();
    for (const m of scoped) for (const o of m.orgs) if (!args.organization || o.id === args.organization) orgs.set(o.id, o);
    return {
      years: years.map((y) => statsFor(scoped, y)),
      organizations: [...orgs.values()]
        .sort((a, b) => a.id.localeCompare(b.id))
        .map((o) => ({ organization: o, years: years.map((y) => statsFor(missions.filter((m) => m.orgs.some((x) => x.id === o.id)), y)) })),
    };
  }
}
