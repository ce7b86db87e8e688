import type { Database } from '../../db/database';
import { analysisQueries } from './analysis-queries';
import type { AnalysisQueries, AnalysisQueryName } from './analysis-queries';

/** Rows of the analysis queries, as the files in cypher/analysis return them. */
export interface UniverseRow {
  universe: string | null;
  missions: number;
  recorded: number;
  withoutStart: number;
  replacedByParts: number;
  outsideUniverse: number;
  missionsWithoutConflict: number;
  missionsWithoutHost: number;
  endsAtLastEvidence: number;
  hybridMissions: number;
}

export interface MspoRow {
  period: string;
  activeMissions: number;
  mspoMissions: number;
  share: number | null;
  mspoMissionIds: string[];
  hostFallbackMissionIds: string[];
}

export interface MissionPairRow {
  missionA: string;
  missionB: string;
  organizationsA: string[];
  organizationsB: string[];
  startA: string;
  endA: string | null;
  startB: string;
  endB: string | null;
  pairStart: string;
  sharedUnits: string[];
  isPair: boolean;
  differentOrganizations: boolean;
  overlapDays: number;
  gapDays: number | null;
  sequentialByWindow: boolean;
  handoverRecorded: boolean;
  bridgingRecorded: boolean;
  linkKinds: string[];
  cooperated: boolean;
  hybrid: boolean;
  hybridA: boolean;
  hybridB: boolean;
  pairType: 'SEQUENTIAL' | 'BRIDGING' | 'PARALLEL';
  tasksA: string[];
  tasksB: string[];
  complementarity: number | null;
}

export interface DyadCooperationRow {
  a: string;
  b: string;
  year: number;
  activeMissionsA: number;
  activeMissionsB: number;
  codeployedPairs: number;
  codeployedUnits: string[];
  linkedPairs: number;
  cooperationRate: number | null;
  cooperationLinks: number;
  cooperationKinds: string[];
  cooperated: boolean;
  hybridMissions: string[];
  complementarityMean: number | null;
  complementarityUnion: number | null;
}

export interface PersonnelRow {
  id: string;
  year: number;
  activeMissions: number;
  personnel: number | null;
  missionsWithPersonnel: number;
  sources: string[];
  monthsActive: number;
  monthsWithFigure: number;
  missionIds: string[];
}

export interface UnitComplexityRow {
  unit: string;
  year: number;
  missions: number;
  organizations: number;
  intensity: number | null;
  missionIds: string[];
  organizationIds: string[];
}

export interface SocialLearningRow {
  a: string[];
  b: string[];
  before: string;
  socialLearning: number;
  earlierUnits: string[];
}

export interface MembershipRow {
  a: string[];
  b: string[];
  year: number;
  membersA: number;
  membersB: number;
  sharedMembers: number;
  memberJaccard: number | null;
  memberOverlap: number | null;
}

export interface NationalityRow {
  a: string;
  b: string;
  year: number | null;
  contributorsA: number;
  contributorsB: number;
  sharedContributors: number;
  contributorsWithFigureA: number;
  contributorsWithFigureB: number;
  nationalityCosine: number | null;
  nationalityJaccard: number | null;
  sourcesA: string[];
  sourcesB: string[];
}

export interface BridgeRow {
  person: string;
  name: string | null;
  postA: {
    organization: string;
    mission: string | null;
    role: string | null;
    start: string | null;
    end: string | null;
  };
  postB: {
    organization: string;
    mission: string | null;
    role: string | null;
    start: string | null;
    end: string | null;
  };
  direction: 'A_TO_B' | 'B_TO_A' | 'SAME_TIME' | null;
}

export interface PersonBridgesRow {
  a: string[];
  b: string[];
  until: string | null;
  personBridges: number;
  bridgesAToB: number;
  bridgesBToA: number;
  bridges: BridgeRow[];
}

export interface ActiveOperationsRow {
  year: number;
  total: number;
  un: number;
  regional: number;
  adHoc: number;
  operationIds: string[];
}

export interface NetworkRow {
  organizations: number;
  ties: number;
  density: number | null;
  centralization: number | null;
  degrees: { organization: string; degree: number }[];
  edges: { a: string; b: string; weight: number }[];
}

/** Parameters shared by the measures over missions. */
export interface Scope {
  universe: string | null;
  unit: 'CONFLICT' | 'HOST_STATE';
}

/** How many dyads or pairs one statement handles: keeps each transaction well under the timeout. */
export const CHUNK_SIZE = 100;

/**
 * Runs the analysis queries of cypher/analysis (their Cypher lives there only) and a few look-ups that check
 * arguments. Lists of dyads or pairs are sent in chunks of CHUNK_SIZE, one transaction each.
 */
export class AnalyticsRepository {
  /**
   * @param include the kinds of operation counted beside the default universe (UniverseExtension values),
   *   passed to every analysis query that declares `$include`.
   */
  constructor(
    private readonly db: Database,
    private readonly queries: AnalysisQueries = analysisQueries(),
    readonly include: readonly string[] = [],
  ) {}

  /**
   * Runs an analysis query with the parameters of the analysis set filled in: `$include` from this repository,
   * `$within` null (every mission) unless the caller restricts the set (`mspoShare`'s `within`).
   */
  private run<T>(name: AnalysisQueryName, params: Record<string, unknown>): Promise<T[]> {
    const declared = this.queries.get(name).parameters;
    const filled = {
      ...params,
      ...(declared.includes('include') ? { include: [...this.include] } : {}),
      ...(declared.includes('within') ? { within: params.within ?? null } : {}),
    };
    return this.queries.run<T>(this.db, name, filled);
  }

  private async chunked<I, T>(items: I[], work: (chunk: I[]) => Promise<T[]>): Promise<T[]> {
    const out: T[] = [];
    for (let i = 0; i < items.length; i += CHUNK_SIZE) out.push(...(await work(items.slice(i, i + CHUNK_SIZE))));
    return out;
  }

  async universe(universe: string | null): Promise<UniverseRow> {
    const rows = await this.run<UniverseRow>('universe', { universe });
    return rows[0];
  }

  /** `within`: only these missions in the analysis set (their rows are exact for the missions whose place-mates it holds). */
  mspoShare(
    p: Scope & {
      granularity: 'YEAR' | 'MONTH';
      from: string;
      to: string;
      differentOrganization: boolean;
      within?: readonly string[] | null;
    },
  ): Promise<MspoRow[]> {
    return this.run('mspo-share', { ...p });
  }

  /**
   * Missions `ids` and every mission that shares a conflict or a host state with one of them: all that the MSPO
   * rule compares them with (a unit is a shared conflict, or a shared host state), so the flags of `ids` computed
   * within this set are those computed over the whole graph.
   */
  async placeMates(ids: readonly string[]): Promise<string[]> {
    const rows = await this.db.read<{ mates: string[] }>(
      `UNWIND $ids AS id
       MATCH (m:Mission {id: id})
       OPTIONAL MATCH (m)-[:IN_CONFLICT|HOSTED_BY]->(place)<-[:IN_CONFLICT|HOSTED_BY]-(mate:Mission)
       WITH collect(DISTINCT m.id) + collect(DISTINCT mate.id) AS ids
       UNWIND ids AS id
       RETURN collect(DISTINCT id) AS mates`,
      { ids },
    );
    return rows[0]?.mates ?? [];
  }

  missionPairs(
    p: Scope & {
      differentOrganization: boolean;
      windowDays: number;
      missions: string[] | null;
      from: string;
      to: string;
    },
  ): Promise<MissionPairRow[]> {
    return this.run('mission-pairs', { ...p });
  }

  dyadCooperation(p: Scope & { dyads: { a: string; b: string; year: number }[] }): Promise<DyadCooperationRow[]> {
    return this.chunked(p.dyads, (dyads) =>
      this.run('dyad-cooperation', { universe: p.universe, unit: p.unit, dyads }),
    );
  }

  personnel(p: {
    universe: string | null;
    level: 'ORGANIZATION' | 'ALL' | 'MISSION';
    ids: string[] | null;
    fromYear: number;
    toYear: number;
  }): Promise<PersonnelRow[]> {
    return this.run('personnel', { ...p });
  }

  unitComplexity(p: {
    universe: string | null;
    units: string[] | null;
    fromYear: number;
    toYear: number;
  }): Promise<UnitComplexityRow[]> {
    if (p.units && p.units.length === 0) return Promise.resolve([]);
    return this.run('unit-complexity', { ...p });
  }

  socialLearning(p: Scope & { dyads: { a: string[]; b: string[]; before: string }[] }): Promise<SocialLearningRow[]> {
    return this.chunked(p.dyads, (dyads) => this.run('social-learning', { universe: p.universe, unit: p.unit, dyads }));
  }

  membership(p: { statuses: string[]; dyads: { a: string[]; b: string[]; year: number }[] }): Promise<MembershipRow[]> {
    return this.chunked(p.dyads, (dyads) => this.run('membership-similarity', { statuses: p.statuses, dyads }));
  }

  nationality(p: {
    universe: string | null;
    level: 'ORGANIZATION' | 'MISSION';
    pairs: { a: string; b: string; year: number | null }[];
  }): Promise<NationalityRow[]> {
    return this.chunked(p.pairs, (pairs) =>
      this.run('nationality-similarity', { universe: p.universe, level: p.level, pairs }),
    );
  }

  personBridges(p: {
    universe: string | null;
    dyads: { a: string[]; b: string[]; until: string | null }[];
  }): Promise<PersonBridgesRow[]> {
    // Only posts of the organizations' own officials make bridges (a member state's role does not).
    return this.chunked(p.dyads, (dyads) =>
      this.run('person-bridges', { universe: p.universe, capacities: ['official'], dyads }),
    );
  }

  async network(p: Scope & { tie: 'CODEPLOYMENT' | 'COOPERATION'; from: string; to: string }): Promise<NetworkRow> {
    const rows = await this.run<NetworkRow>('cooperation-network', { ...p });
    return rows[0];
  }

  /** Operations active per year by who conducts them (UN, regional, ad hoc), as SIPRI counts them. */
  activeOperations(p: { universe: string | null; fromYear: number; toYear: number }): Promise<ActiveOperationsRow[]> {
    return this.run('active-operations', { ...p });
  }

  /** Of the ids given, those that are not nodes of the label. */
  async missing(label: 'Organization' | 'Mission', ids: string[]): Promise<string[]> {
    const cypher =
      label === 'Organization'
        ? 'UNWIND $ids AS id OPTIONAL MATCH (n:Organization {id: id}) WITH id, n WHERE n IS NULL RETURN id'
        : 'UNWIND $ids AS id OPTIONAL MATCH (n:Mission {id: id}) WITH id, n WHERE n IS NULL RETURN id';
    const rows = await this.db.read<{ id: string }>(cypher, { ids });
    return rows.map((r) => r.id);
  }

  /** Whether a conflict or a state has this id. */
  async unitExists(id: string): Promise<boolean> {
    const rows = await this.db.read<{ n: number }>(
      'OPTIONAL MATCH (c:Conflict {id: $id}) OPTIONAL MATCH (s:State {id: $id}) RETURN count(c) + count(s) AS n',
      { id },
    );
    return (rows[0]?.n ?? 0) > 0;
  }
}
