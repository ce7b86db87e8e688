import { AppError, ErrorCode } from '../../errors';
import { decodeCursor, toPage } from '../common/connection';
import { endOf, startOf } from '../common/period';
import type {
  ConflictComplexityArgs,
  CooperationNetworkArgs,
  DyadArgs,
  MissionPairArgs,
  MspoShareArgs,
  PairTypesArgs,
} from './analytics.args';
import { AnalysisGranularity, MAX_MONTHS, MAX_YEAR, MAX_YEARS, MembershipStatus, MIN_YEAR } from './analytics.args';
import type { AnalysisUnit, UniverseExtension } from './analytics.args';
import { CHUNK_SIZE } from './analytics.repository';
import type { AnalyticsRepository, MissionPairRow, Scope } from './analytics.repository';
import type {
  AnalysisUniverse,
  ComplexityMeasures,
  CooperationNetwork,
  DyadCooperation,
  MembershipSimilarity,
  MissionPair,
  MspoShare,
  NationalitySimilarity,
  PairTypeYear,
  PairTypes,
  PersonBridges,
  ResourceMeasures,
  SocialLearning,
  UnitComplexitySeries,
} from './analytics.type';
import {
  bridgesFrom,
  complexityFrom,
  countTypes,
  describeMspoRule,
  describeUniverse,
  hasDistinctPair,
  key,
  membershipFrom,
  nationalityFrom,
  periodCount,
  resourcesFrom,
  sorted,
  toMissionPair,
  typeField,
} from './measure-rows';

/** A measure's arguments with its period resolved (periodArg): the two dates of its ends as written. */
export type WithPeriod<A> = Omit<A, 'period' | 'from' | 'to'> & { from: string; to: string };

/** conflictComplexity's arguments with its period resolved to years. */
export type ConflictComplexityQuery = Omit<ConflictComplexityArgs, 'period' | 'fromYear' | 'toYear'> & {
  fromYear: number;
  toYear: number;
};

/** The scope of a computation: which missions (universe) and what counts as the same place (unit). */
export interface AnalysisScope {
  universe: string | null;
  unit: AnalysisUnit;
}

/** A pair of organizations in a year. */
export interface Dyad {
  a: string;
  b: string;
  year: number;
}

/** Every measure of a dyad-year (DyadMeasures without the universe, which the caller adds once). */
export interface DyadResult {
  a: string;
  b: string;
  year: number;
  cooperation: DyadCooperation;
  resources: ResourceMeasures;
  complexity: ComplexityMeasures;
  socialLearning: SocialLearning;
  membership: MembershipSimilarity;
  nationality: NationalitySimilarity;
  personBridges: PersonBridges;
}

/** Every measure of a mission pair (MissionPairMeasures without the universe and settings). */
export interface MissionPairResult {
  pair: MissionPair;
  resources: ResourceMeasures;
  complexity: ComplexityMeasures;
  socialLearning: SocialLearning | null;
  membership: MembershipSimilarity;
  nationality: NationalitySimilarity;
  personBridges: PersonBridges | null;
}

/**
 * The research measures (README, Methods): argument checks, then the analysis queries of cypher/analysis
 * through the repository, then the little arithmetic that joins their rows (ratios, maxima, counts, pages).
 */
export class AnalyticsService {
  constructor(private readonly repo: AnalyticsRepository) {}

  async universe(source: string | null): Promise<AnalysisUniverse> {
    const row = await this.repo.universe(source);
    const include = [...this.repo.include] as UniverseExtension[];
    return { ...row, source: row.universe, include, description: describeUniverse(row, include) };
  }

  async mspoShare(args: WithPeriod<MspoShareArgs>): Promise<MspoShare> {
    checkOrder(args.from, args.to);
    const n = periodCount(args.from, args.to, args.granularity);
    const max = args.granularity === AnalysisGranularity.YEAR ? MAX_YEARS : MAX_MONTHS;
    if (n > max)
      throw badInput(
        `At most ${max} ${args.granularity === AnalysisGranularity.YEAR ? 'years' : 'months'} at a time; asked for ${n}.`,
        'to',
      );
    const universe = args.universe ?? null;
    const [u, rows] = await Promise.all([
      this.universe(universe),
      this.repo.mspoShare({
        universe,
        unit: args.unit,
        granularity: args.granularity,
        from: args.from,
        to: args.to,
        differentOrganization: args.differentOrganization,
      }),
    ]);
    return {
      universe: u,
      unit: args.unit,
      granularity: args.granularity,
      differentOrganization: args.differentOrganization,
      definition: describeMspoRule(args.differentOrganization, args.unit),
      periods: rows.map(({ hostFallbackMissionIds, ...r }) => ({
        ...r,
        mspoMissionIds: sorted(r.mspoMissionIds),
        hostFallbackMissions: hostFallbackMissionIds.length,
      })),
    };
  }

  async pairTypes(args: WithPeriod<PairTypesArgs>): Promise<PairTypes> {
    checkOrder(args.from, args.to);
    const universe = args.universe ?? null;
    const [u, rows] = await Promise.all([
      this.universe(universe),
      this.repo.missionPairs({
        universe,
        unit: args.unit,
        differentOrganization: args.differentOrganization,
        windowDays: args.sequentialWindowDays,
        missions: null,
        from: args.from,
        to: args.to,
      }),
    ]);
    const pairs = rows.map(toMissionPair);
    const counts = countTypes(pairs);
    const byYear = new Map<number, PairTypeYear>();
    for (const p of pairs) {
      const year = Number(p.pairStart.slice(0, 4));
      const entry = byYear.get(year) ?? { year, parallel: 0, sequential: 0, hybrid: 0, bridging: 0, total: 0 };
      entry[typeField(p.pairType)] += 1;
      if (p.hybrid) entry.hybrid += 1;
      entry.total += 1;
      byYear.set(year, entry);
    }
    const skip = decodeCursor(args.after);
    return {
      universe: u,
      unit: args.unit,
      differentOrganization: args.differentOrganization,
      sequentialWindowDays: args.sequentialWindowDays,
      ...counts,
      byYear: [...byYear.values()].sort((x, y) => x.year - y.year),
      pairs: toPage(pairs.slice(skip, skip + args.first + 1), args.first, skip, pairs.length),
    };
  }

  async missionPairMeasures(args: MissionPairArgs) {
    if (args.a === args.b) throw badInput('a and b must be two different missions.', 'b');
    const missing = await this.repo.missing('Mission', [args.a, args.b]);
    if (missing.length) throw badInput(`No mission with id ${missing.map((m) => `'${m}'`).join(' or ')}.`, 'a');
    const universe = args.universe ?? null;
    const scope = { universe, unit: args.unit };
    const [u, rows] = await Promise.all([
      this.universe(universe),
      this.repo.missionPairs({
        ...scope,
        differentOrganization: args.differentOrganization,
        windowDays: args.sequentialWindowDays,
        missions: [args.a, args.b],
        from: '1900',
        to: '2100',
      }),
    ]);
    const row = rows[0];
    if (!row) {
      throw badInput(
        `${args.a} and ${args.b} are not both in the analysis set of ${universe ? `the universe '${universe}'` : 'the graph'} (a mission needs a start date, must be recorded by the universe's source, and an umbrella mission whose parts are recorded is replaced by them).`,
        'a',
      );
    }
    const [result] = await this.measurePairs(scope, [row], {
      statuses: args.membershipStatuses,
      nationalityYear: args.year ?? null,
    });
    return { universe: u, unit: args.unit, sequentialWindowDays: args.sequentialWindowDays, ...result };
  }

  async dyadMeasures(args: DyadArgs) {
    if (args.a === args.b) throw badInput('a and b must be two different organizations.', 'b');
    const missing = await this.repo.missing('Organization', [args.a, args.b]);
    if (missing.length) throw badInput(`No organization with id ${missing.map((m) => `'${m}'`).join(' or ')}.`, 'a');
    const universe = args.universe ?? null;
    const [u, results] = await Promise.all([
      this.universe(universe),
      this.measureDyads(
        { universe, unit: args.unit },
        [{ a: args.a, b: args.b, year: args.year }],
        args.membershipStatuses,
      ),
    ]);
    return { universe: u, unit: args.unit, ...results[0] };
  }

  async cooperationNetwork(args: WithPeriod<CooperationNetworkArgs>): Promise<CooperationNetwork> {
    checkOrder(args.from, args.to);
    const universe = args.universe ?? null;
    const [u, row] = await Promise.all([
      this.universe(universe),
      this.repo.network({ universe, unit: args.unit, tie: args.tie, from: args.from, to: args.to }),
    ]);
    return {
      universe: u,
      unit: args.unit,
      tie: args.tie,
      from: startOf(args.from),
      to: endOf(args.to),
      organizations: row.organizations,
      ties: row.ties,
      density: row.density,
      centralization: row.centralization,
      degrees: [...row.degrees].sort((x, y) => y.degree - x.degree || x.organization.localeCompare(y.organization)),
      edges: [...row.edges].sort((x, y) => y.weight - x.weight || x.a.localeCompare(y.a) || x.b.localeCompare(y.b)),
    };
  }

  async conflictComplexity(args: ConflictComplexityQuery): Promise<UnitComplexitySeries> {
    if (args.toYear < args.fromYear) throw badInput('toYear is before fromYear.', 'toYear');
    if (args.toYear - args.fromYear + 1 > MAX_YEARS) throw badInput(`At most ${MAX_YEARS} years at a time.`, 'toYear');
    if (args.fromYear < MIN_YEAR || args.toYear > MAX_YEAR)
      throw badInput(
        `Years from ${args.fromYear} to ${args.toYear} are not a period of ${MIN_YEAR}-${MAX_YEAR}.`,
        'period',
      );
    if (!(await this.repo.unitExists(args.unitId)))
      throw badInput(`No conflict or state with id '${args.unitId}'.`, 'unitId');
    const universe = args.universe ?? null;
    const [u, rows] = await Promise.all([
      this.universe(universe),
      this.repo.unitComplexity({ universe, units: [args.unitId], fromYear: args.fromYear, toYear: args.toYear }),
    ]);
    return {
      universe: u,
      unitId: args.unitId,
      years: rows
        .map((r) => ({ ...r, missionIds: sorted(r.missionIds), organizationIds: sorted(r.organizationIds) }))
        .sort((x, y) => x.year - y.year),
    };
  }

  /** Every measure of many dyad-years, with one pass of each analysis query (chunked) for all of them. */
  async measureDyads(
    scope: AnalysisScope,
    dyads: Dyad[],
    statuses: MembershipStatus[] = [MembershipStatus.FULL],
  ): Promise<DyadResult[]> {
    if (dyads.length === 0) return [];
    const s: Scope = { universe: scope.universe, unit: scope.unit };
    const years = dyads.map((d) => d.year);
    const [fromYear, toYear] = [Math.min(...years), Math.max(...years)];
    const orgs = [...new Set(dyads.flatMap((d) => [d.a, d.b]))];
    const single = (d: Dyad) => ({ a: [d.a], b: [d.b] });
    const [coop, personnel, social, membership, nationality, bridges] = await together(dyads.length, [
      () => this.repo.dyadCooperation({ ...s, dyads }),
      () => this.repo.personnel({ universe: s.universe, level: 'ORGANIZATION', ids: orgs, fromYear, toYear }),
      () => this.repo.socialLearning({ ...s, dyads: dyads.map((d) => ({ ...single(d), before: `${d.year}-01-01` })) }),
      () => this.repo.membership({ statuses, dyads: dyads.map((d) => ({ ...single(d), year: d.year })) }),
      () => this.repo.nationality({ universe: s.universe, level: 'ORGANIZATION', pairs: dyads }),
      () =>
        this.repo.personBridges({
          universe: s.universe,
          dyads: dyads.map((d) => ({ ...single(d), until: `${d.year}-12-31` })),
        }),
    ] as const);
    const units = [...new Set(coop.flatMap((c) => c.codeployedUnits))];
    const complexity = await this.repo.unitComplexity({ universe: s.universe, units, fromYear, toYear });

    const coopBy = new Map(coop.map((r) => [key(r.a, r.b, r.year), r]));
    const personnelBy = new Map(personnel.map((r) => [key(r.id, r.year), r]));
    const socialBy = new Map(social.map((r) => [key(r.a, r.b, r.before), r]));
    const membershipBy = new Map(membership.map((r) => [key(r.a, r.b, r.year), r]));
    const nationalityBy = new Map(nationality.map((r) => [key(r.a, r.b, r.year), r]));
    const bridgesBy = new Map(bridges.map((r) => [key(r.a, r.b, r.until), r]));
    const complexityBy = new Map(complexity.map((r) => [key(r.unit, r.year), r]));

    return dyads.map((d) => {
      const c = coopBy.get(key(d.a, d.b, d.year));
      const pa = personnelBy.get(key(d.a, d.year));
      const pb = personnelBy.get(key(d.b, d.year));
      const before = `${d.year}-01-01`;
      const until = `${d.year}-12-31`;
      const sl = socialBy.get(key([d.a], [d.b], before));
      const m = membershipBy.get(key([d.a], [d.b], d.year));
      const n = nationalityBy.get(key(d.a, d.b, d.year));
      const codeployedUnits = sorted(c?.codeployedUnits ?? []);
      return {
        a: d.a,
        b: d.b,
        year: d.year,
        cooperation: {
          codeployed: (c?.codeployedPairs ?? 0) > 0,
          codeployedPairs: c?.codeployedPairs ?? 0,
          codeployedUnits,
          linkedPairs: c?.linkedPairs ?? 0,
          cooperationRate: c?.cooperationRate ?? null,
          cooperated: c?.cooperated ?? false,
          cooperationLinks: c?.cooperationLinks ?? 0,
          cooperationKinds: c?.cooperationKinds ?? [],
          hybridMissions: sorted(c?.hybridMissions ?? []),
          complementarityMean: c?.complementarityMean ?? null,
          complementarityUnion: c?.complementarityUnion ?? null,
        },
        resources: resourcesFrom(d.year, pa, pb),
        complexity: complexityFrom(codeployedUnits, d.year, complexityBy),
        socialLearning: { before, count: sl?.socialLearning ?? 0, earlierUnits: sorted(sl?.earlierUnits ?? []) },
        membership: membershipFrom(m, d.year, statuses),
        nationality: nationalityFrom(n, d.year),
        personBridges: bridgesFrom(bridgesBy.get(key([d.a], [d.b], until)), until),
      };
    });
  }

  /** Every measure of many mission pairs (rows of mission-pairs.cypher), each analysis query run once for all. */
  async measurePairs(
    scope: AnalysisScope,
    rows: MissionPairRow[],
    opts: { statuses: MembershipStatus[]; nationalityYear: number | null },
  ): Promise<MissionPairResult[]> {
    if (rows.length === 0) return [];
    const s: Scope = { universe: scope.universe, unit: scope.unit };
    const yearOf = (r: MissionPairRow) => Number(r.pairStart.slice(0, 4));
    const years = rows.map(yearOf);
    const [fromYear, toYear] = [Math.min(...years), Math.max(...years)];
    const missionIds = [...new Set(rows.flatMap((r) => [r.missionA, r.missionB]))];
    const units = [...new Set(rows.flatMap((r) => r.sharedUnits))];
    const distinct = rows.filter((r) => hasDistinctPair(r.organizationsA, r.organizationsB));
    const [personnel, complexity, social, membership, nationality, bridges] = await together(rows.length, [
      () => this.repo.personnel({ universe: s.universe, level: 'MISSION', ids: missionIds, fromYear, toYear }),
      () => this.repo.unitComplexity({ universe: s.universe, units, fromYear, toYear }),
      () =>
        this.repo.socialLearning({
          ...s,
          dyads: distinct.map((r) => ({ a: r.organizationsA, b: r.organizationsB, before: r.pairStart })),
        }),
      () =>
        this.repo.membership({
          statuses: opts.statuses,
          dyads: rows.map((r) => ({ a: r.organizationsA, b: r.organizationsB, year: yearOf(r) })),
        }),
      () =>
        this.repo.nationality({
          universe: s.universe,
          level: 'MISSION',
          pairs: rows.map((r) => ({ a: r.missionA, b: r.missionB, year: opts.nationalityYear })),
        }),
      () =>
        this.repo.personBridges({
          universe: s.universe,
          dyads: distinct.map((r) => ({ a: r.organizationsA, b: r.organizationsB, until: `${yearOf(r)}-12-31` })),
        }),
    ] as const);
    const personnelBy = new Map(personnel.map((r) => [key(r.id, r.year), r]));
    const complexityBy = new Map(complexity.map((r) => [key(r.unit, r.year), r]));
    const socialBy = new Map(social.map((r) => [key(r.a, r.b, r.before), r]));
    const membershipBy = new Map(membership.map((r) => [key(r.a, r.b, r.year), r]));
    const nationalityBy = new Map(nationality.map((r) => [key(r.a, r.b, r.year), r]));
    const bridgesBy = new Map(bridges.map((r) => [key(r.a, r.b, r.until), r]));

    return rows.map((r) => {
      const year = yearOf(r);
      const pa = personnelBy.get(key(r.missionA, year));
      const pb = personnelBy.get(key(r.missionB, year));
      const orgPair = hasDistinctPair(r.organizationsA, r.organizationsB);
      const sl = socialBy.get(key(r.organizationsA, r.organizationsB, r.pairStart));
      const until = `${year}-12-31`;
      return {
        pair: toMissionPair(r),
        resources: resourcesFrom(year, pa, pb),
        complexity: complexityFrom(r.sharedUnits, year, complexityBy),
        socialLearning: orgPair
          ? { before: r.pairStart, count: sl?.socialLearning ?? 0, earlierUnits: sorted(sl?.earlierUnits ?? []) }
          : null,
        membership: membershipFrom(
          membershipBy.get(key(r.organizationsA, r.organizationsB, year)),
          year,
          opts.statuses,
        ),
        nationality: nationalityFrom(
          nationalityBy.get(key(r.missionA, r.missionB, opts.nationalityYear)),
          opts.nationalityYear,
        ),
        personBridges: orgPair
          ? bridgesFrom(bridgesBy.get(key(r.organizationsA, r.organizationsB, until)), until)
          : null,
      };
    });
  }
}

type Results<T extends readonly (() => Promise<unknown>)[]> = { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };

/**
 * Runs independent queries: at the same time for one request's few rows (less waiting), one after the other
 * for a bulk computation (each already runs in chunks), so that a busy database never has several long
 * transactions competing for it.
 */
async function together<T extends readonly (() => Promise<unknown>)[]>(rows: number, work: T): Promise<Results<T>> {
  if (rows <= CHUNK_SIZE) return (await Promise.all(work.map((w) => w()))) as Results<T>;
  const out: unknown[] = [];
  for (const w of work) out.push(await w());
  return out as Results<T>;
}

function badInput(message: string, argument: string): AppError {
  return new AppError(ErrorCode.BAD_USER_INPUT, message, { argument });
}

function checkOrder(from: string, to: string): void {
  if (startOf(from) > endOf(to)) throw badInput(`The period starts (${from}) after it ends (${to}).`, 'from');
}
