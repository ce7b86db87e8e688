import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { AppError, ErrorCode } from '../../errors';
import { UNIVERSE_EXTENSIONS } from '../analytics/analytics.args';
import { AnalyticsRepository } from '../analytics/analytics.repository';
import { Connection, decodeCursor, toPage } from '../common/connection';
import type { GraphQLContext } from '../../request/context';
import { EntityRepository } from '../common/entity.repository';
import { entityById } from '../common/entity.service';
import {
  legacyEnds,
  legacyPeriod,
  legacyYear,
  PeriodInput,
  periodArg,
  periodYears,
  toSpan,
  USE_PERIOD,
} from '../common/period';
import { lookAhead } from '../common/prefetch';
import { Contribution, Cooperation, Post } from '../common/relations.type';
import { MissionSortField, SortDirection } from '../common/sort';
import { Conflict } from '../conflict/conflict.type';
import { Organization } from '../organization/organization.type';
import type { ContributionGroup } from '../../model/contributions';
import { groupFigure } from '../../model/contributions';
import { State } from '../state/state.type';
import { MissionsArgs } from './mission.args';
import { contributorsWindow, MISSION_RELATIONS } from './mission.relations';
import { Mission, MissionPersonnelYear, PersonnelPoint } from './mission.type';

const MissionConnection = Connection(Mission, 'Mission');

/** Monthly personnel: official IPI figures where they exist, else the interpolated Bara & Hultman series. */
const PERSONNEL_RANK: Record<string, number> = { 'ipi-missions': 1, 'bara-hultman': 2 };

export function personnelSeries(rows: (PersonnelPoint & { source: string })[]): PersonnelPoint[] {
  const best = new Map<string, { rank: number; source: string; points: PersonnelPoint[] }>();
  for (const r of rows) {
    const rank = PERSONNEL_RANK[r.source] ?? 9;
    const cur = best.get(r.month);
    if (!cur || rank < cur.rank) best.set(r.month, { rank, source: r.source, points: [r] });
    else if (cur.source === r.source) cur.points.push(r); // another host of the same mission-month
  }
  const sum = (ps: PersonnelPoint[], k: 'troops' | 'police' | 'observers' | 'total') =>
    ps.some((p) => p[k] !== null) ? ps.reduce((n, p) => n + (p[k] ?? 0), 0) : null;
  return [...best.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, b]) => ({
      month,
      source: b.source,
      troops: sum(b.points, 'troops'),
      police: sum(b.points, 'police'),
      observers: sum(b.points, 'observers'),
      total: sum(b.points, 'total'),
    }));
}

@Resolver(() => Mission)
export class MissionResolver {
  @Query(() => Mission, {
    nullable: true,
    description: 'One mission by its id (`UNMISS`, `EUFOR-ALTHEA`); null when there is none.',
  })
  mission(
    @Arg('id', () => ID, { description: 'The mission id, usually its acronym (UNMISS).' }) id: string,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Mission | null> {
    return entityById<Mission>(ctx, info, 'Mission', id, MISSION_RELATIONS);
  }

  @Query(() => MissionConnection, { description: 'Missions, filtered and ordered, a page at a time.', complexity: 10 })
  async missions(@Args() a: MissionsArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    const skip = decodeCursor(a.after);
    const span = toSpan(
      periodArg('missions', a.period, [
        legacyYear('activeInYear', a.activeInYear),
        legacyPeriod('activeIn', a.activeIn),
      ]),
    );
    const { rows, total } = await new EntityRepository(ctx.db).missions(
      {
        organization: a.organization ?? null,
        kind: a.kind ?? null,
        hostState: a.hostState ?? null,
        conflict: a.conflict ?? null,
        region: a.region ?? null,
        span,
        sortField: a.sort?.field ?? MissionSortField.START,
        sortDirection: a.sort?.direction ?? SortDirection.ASC,
        skip,
        limit: a.first + 1,
      },
      lookAhead(info, ctx.loaders, 'Mission', MISSION_RELATIONS, ['items']),
    );
    return toPage(rows, a.first, skip, total);
  }

  @FieldResolver(() => [MissionPersonnelYear], {
    description:
      'Personnel per year while the mission was active, from the one rule of the measures (a year without a figure has personnel null).',
    complexity: 10,
  })
  async personnelByYear(
    @Root() m: Mission,
    @Arg('period', () => PeriodInput, {
      nullable: true,
      description:
        'The years the period\'s dates fall in (`{from: "2005", to: "2010"}`); an open start is 1945, an open end this year; default 1945 to this year.',
    })
    period: PeriodInput | null,
    @Arg('from', () => Int, {
      nullable: true,
      description: 'First year (default 1945): period.from.',
      deprecationReason: USE_PERIOD,
    })
    from: number | null,
    @Arg('to', () => Int, {
      nullable: true,
      description: 'Last year (default this year): period.to.',
      deprecationReason: USE_PERIOD,
    })
    to: number | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<MissionPersonnelYear[]> {
    const asked = periodArg('personnelByYear', period, [legacyEnds(['from', 'to'], from, to)]);
    const years = periodYears(asked, { from: 1945, to: new Date().getUTCFullYear() });
    if (years.from < 1900 || years.to > 2100 || years.to < years.from) {
      throw new AppError(
        ErrorCode.BAD_USER_INPUT,
        `Years from ${years.from} to ${years.to} are not a period of 1900-2100.`,
        { argument: period ? 'period' : 'to' },
      );
    }
    // Every kind of operation: the figure of a mission does not depend on whether the measures count it.
    const repo = new AnalyticsRepository(ctx.db, undefined, UNIVERSE_EXTENSIONS);
    const rows = await repo.personnel({
      universe: null,
      level: 'MISSION',
      ids: [m.id],
      fromYear: years.from,
      toYear: years.to,
    });
    return rows.map((r) => ({
      year: r.year,
      personnel: r.personnel,
      monthsActive: r.monthsActive,
      monthsWithFigure: r.monthsWithFigure,
      sources: r.sources,
    }));
  }

  @FieldResolver(() => [Organization], {
    description: 'Organizations that deployed the mission, the lead first (two or more for a hybrid).',
  })
  organizations(
    @Root() m: Mission,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Organization[]> {
    return ctx.loaders.relation<Organization>(MISSION_RELATIONS.organizations, {}, info).load(m.id);
  }

  @FieldResolver(() => [State], { description: 'Host states.' })
  hosts(@Root() m: Mission, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo): Promise<State[]> {
    return ctx.loaders.relation<State>(MISSION_RELATIONS.hosts, {}, info).load(m.id);
  }

  @FieldResolver(() => [Conflict], { description: 'Armed conflicts the mission was deployed in.' })
  conflicts(@Root() m: Mission, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo): Promise<Conflict[]> {
    return ctx.loaders.relation<Conflict>(MISSION_RELATIONS.conflicts, {}, info).load(m.id);
  }

  @FieldResolver(() => [Cooperation], {
    description: 'Recorded cooperation with other missions (handovers, bridging, support...).',
  })
  cooperations(@Root() m: Mission, @Ctx() ctx: GraphQLContext): Promise<Cooperation[]> {
    return ctx.loaders.relation<Cooperation>(MISSION_RELATIONS.cooperations).load(m.id);
  }

  @FieldResolver(() => [Post], {
    description: 'Posts held in the mission (heads of mission, special representatives, force commanders).',
  })
  people(@Root() m: Mission, @Ctx() ctx: GraphQLContext): Promise<Post[]> {
    return ctx.loaders.relation<Post>(MISSION_RELATIONS.people).load(m.id);
  }

  @FieldResolver(() => Mission, {
    nullable: true,
    description: 'The umbrella operation this host-country mission belongs to.',
  })
  async parent(
    @Root() m: Mission,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Mission | null> {
    return (await ctx.loaders.relation<Mission>(MISSION_RELATIONS.parent, {}, info).load(m.id))[0] ?? null;
  }

  @FieldResolver(() => [Mission], { description: 'Host-country parts of an umbrella operation.' })
  parts(@Root() m: Mission, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo): Promise<Mission[]> {
    return ctx.loaders.relation<Mission>(MISSION_RELATIONS.parts, {}, info).load(m.id);
  }

  @FieldResolver(() => [PersonnelPoint], {
    description:
      'Monthly personnel, summed over host states; per month the official IPI figure where it exists, else Bara & Hultman.',
  })
  async personnelSeries(
    @Root() m: Mission,
    @Ctx() ctx: GraphQLContext,
    @Arg('source', () => String, { nullable: true, description: 'Only this source (ipi-missions or bara-hultman).' })
    source: string | null,
  ): Promise<PersonnelPoint[]> {
    const rows = await ctx.loaders
      .relation<PersonnelPoint & { source: string }, { source: string | null }>(MISSION_RELATIONS.personnelSeries, {
        source,
      })
      .load(m.id);
    return personnelSeries(rows);
  }

  @FieldResolver(() => [Contribution], { description: 'States with personnel in the mission, largest first.' })
  async contributors(
    @Root() m: Mission,
    @Ctx() ctx: GraphQLContext,
    @Arg('period', () => PeriodInput, {
      nullable: true,
      description:
        'The months counted: a state\'s figure is its peak monthly personnel in them. One month (`{from: "2012-12", to: "2012-12"}`) gives that month\'s figure, a year the peak month of the year; default all months.',
    })
    period: PeriodInput | null,
    @Arg('asOf', () => String, {
      nullable: true,
      description: 'A month (YYYY-MM), a day (its month), or a year (its peak month): period {from: asOf, to: asOf}.',
      deprecationReason: USE_PERIOD,
    })
    asOf: string | null,
    @Arg('between', () => PeriodInput, {
      nullable: true,
      description: 'A period; the peak monthly figure in it counts: the same as period.',
      deprecationReason: USE_PERIOD,
    })
    between: PeriodInput | null,
    @Arg('source', () => String, {
      nullable: true,
      description: 'Only this source (ipi-contributions, ipi-snapshot, un-country-by-year, geopko-tcc, curated).',
    })
    source: string | null,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Contribution[]> {
    const args = { period, asOf, between, source };
    const window = contributorsWindow(args);
    const groups = await ctx.loaders
      .relation<ContributionGroup<State>, typeof args>(MISSION_RELATIONS.contributors, args, info)
      .load(m.id);
    // One group per state: its kept peak, or its records in this mission reduced.
    const out: Contribution[] = [];
    for (const g of groups) {
      const fig = groupFigure(g, { state: g.node.id, stateName: g.node.name, mission: m.id }, window, source);
      if (fig) out.push({ state: g.node, personnel: fig.personnel, sources: fig.sources });
    }
    return out.sort((a, b) => (b.personnel ?? -1) - (a.personnel ?? -1) || a.state.id.localeCompare(b.state.id));
  }
}
