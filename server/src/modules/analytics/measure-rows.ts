/**
 * The arithmetic of the research measures, apart from the database: period counts, ratios, and the
 * step from analysis-query rows to the GraphQL types (missing rows become zeros or nulls, lists are sorted so
 * that answers are stable).
 */
import { AnalysisGranularity, MissionPairType } from './analytics.args';
import type { MembershipStatus } from './analytics.args';
import type {
  MembershipRow,
  MissionPairRow,
  NationalityRow,
  PersonBridgesRow,
  PersonnelRow,
  UniverseRow,
  UnitComplexityRow,
} from './analytics.repository';
import type {
  ComplexityMeasures,
  MembershipSimilarity,
  MissionPair,
  NationalitySimilarity,
  PersonBridges,
  ResourceMeasures,
  UnitComplexity,
} from './analytics.type';

/** Number of years or months from one date to another, both included. */
export function periodCount(from: string, to: string, granularity: AnalysisGranularity): number {
  const [fy, fm] = [Number(from.slice(0, 4)), from.length >= 7 ? Number(from.slice(5, 7)) : 1];
  const [ty, tm] = [Number(to.slice(0, 4)), to.length >= 7 ? Number(to.slice(5, 7)) : 1];
  return granularity === AnalysisGranularity.YEAR ? ty - fy + 1 : (ty - fy) * 12 + tm - fm + 1;
}

/** min / max of two figures; null when either is unknown or the larger is not above 0. */
export function ratio(a: number | null, b: number | null): number | null {
  if (a === null || b === null) return null;
  const max = Math.max(a, b);
  return max > 0 ? Math.min(a, b) / max : null;
}

/** Whether two sets of organizations contain two different organizations, one from each. */
export function hasDistinctPair(a: string[], b: string[]): boolean {
  return a.some((x) => b.some((y) => y !== x));
}

/** The largest of some values, ignoring nulls; null when there is none. */
export function maxOf(values: (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length ? Math.max(...known) : null;
}

/** What a universe row means, in words: the definition used, the kinds brought in, what was left out. */
export function describeUniverse(u: UniverseRow, include: readonly string[] = []): string {
  const scope = u.universe ? `recorded by the source '${u.universe}'` : 'of the graph';
  const extra = include.length
    ? `, with ${include.map((k) => k.replace(/_/g, ' ')).join(', ')} operations brought in (a variant)`
    : '';
  const left: string[] = [];
  if (u.withoutStart) left.push(`${u.withoutStart} without a start date left out`);
  if (u.replacedByParts) left.push(`${u.replacedByParts} umbrella missions counted through their parts`);
  if (u.outsideUniverse) left.push(`${u.outsideUniverse} operations of other kinds left out`);
  if (u.endsAtLastEvidence)
    left.push(`${u.endsAtLastEvidence} without a recorded end counted active up to their last evidence`);
  return `Peace operations deployed by international organizations${extra}, ${scope}: ${u.missions} missions${left.length ? ` (${left.join('; ')})` : ''}.`;
}

/** The MSPO rule an answer used, in words (cypher/analysis/mspo-share.cypher defines it). */
export function describeMspoRule(differentOrganization: boolean, unit: string): string {
  const other = differentOrganization
    ? "another organization's peace operation (the two missions' sets of organizations differ; Balas's definition)"
    : "any other peace operation, the same organization's included (a variant, not the field's definition)";
  const place =
    unit === 'HOST_STATE'
      ? 'in the same host state'
      : 'in the same UCDP conflict (in the same host state only where a mission has no conflict recorded)';
  return `A mission is part of an MSPO in a period when ${other} is active in that period ${place}.`;
}

/** A map key made of several values. */
export const key = (...parts: unknown[]): string => JSON.stringify(parts);
/** A sorted copy. */
export const sorted = (xs: string[]): string[] => [...xs].sort();

/** The officials who moved between two organizations up to a date, sorted by name. */
export function bridgesFrom(row: PersonBridgesRow | undefined, until: string | null): PersonBridges {
  return {
    until,
    count: row?.personBridges ?? 0,
    aToB: row?.bridgesAToB ?? 0,
    bToA: row?.bridgesBToA ?? 0,
    bridges: (row?.bridges ?? [])
      .map((b) => ({ ...b, direction: b.direction }))
      .sort((x, y) => x.person.localeCompare(y.person)),
  };
}

/** The resources of the two sides of a pair in a year; a side without a row has no active mission and no known personnel. */
export function resourcesFrom(
  year: number,
  a: PersonnelRow | undefined,
  b: PersonnelRow | undefined,
): ResourceMeasures {
  return {
    year,
    activeMissionsA: a?.activeMissions ?? 0,
    activeMissionsB: b?.activeMissions ?? 0,
    personnelA: a?.personnel ?? null,
    personnelB: b?.personnel ?? null,
    missionsWithPersonnelA: a?.missionsWithPersonnel ?? 0,
    missionsWithPersonnelB: b?.missionsWithPersonnel ?? 0,
    personnelRatio: ratio(a?.personnel ?? null, b?.personnel ?? null),
  };
}

/** The complexity of the units a pair shares in a year, and its largest figures. */
export function complexityFrom(
  units: string[],
  year: number,
  byUnitYear: Map<string, UnitComplexityRow>,
): ComplexityMeasures {
  const rows: UnitComplexity[] = sorted(units)
    .map((u) => byUnitYear.get(key(u, year)))
    .filter((r): r is UnitComplexityRow => r !== undefined)
    .map((r) => ({ ...r, missionIds: sorted(r.missionIds), organizationIds: sorted(r.organizationIds) }));
  return {
    year,
    units: rows,
    maxMissions: maxOf(rows.map((r) => r.missions)),
    maxOrganizations: maxOf(rows.map((r) => r.organizations)),
    maxIntensity: maxOf(rows.map((r) => r.intensity)),
  };
}

/** The membership similarity of a pair in a year; no row means no members. */
export function membershipFrom(
  m: MembershipRow | undefined,
  year: number,
  statuses: MembershipStatus[],
): MembershipSimilarity {
  return {
    year,
    statuses,
    membersA: m?.membersA ?? 0,
    membersB: m?.membersB ?? 0,
    sharedMembers: m?.sharedMembers ?? 0,
    jaccard: m?.memberJaccard ?? null,
    overlap: m?.memberOverlap ?? null,
  };
}

/** The nationality similarity of a pair's contributors; no row means no contributors. */
export function nationalityFrom(n: NationalityRow | undefined, year: number | null): NationalitySimilarity {
  return {
    year,
    contributorsA: n?.contributorsA ?? 0,
    contributorsB: n?.contributorsB ?? 0,
    sharedContributors: n?.sharedContributors ?? 0,
    contributorsWithFigureA: n?.contributorsWithFigureA ?? 0,
    contributorsWithFigureB: n?.contributorsWithFigureB ?? 0,
    cosine: n?.nationalityCosine ?? null,
    jaccard: n?.nationalityJaccard ?? null,
    sourcesA: sorted(n?.sourcesA ?? []),
    sourcesB: sorted(n?.sourcesB ?? []),
  };
}

/** A row of mission-pairs.cypher as the GraphQL type (the enum value is the row's string). */
export function toMissionPair(r: MissionPairRow): MissionPair {
  return { ...r, pairType: r.pairType };
}

/** The field of `countTypes`' answer that counts a pair type (pairs are typed by their timing only). */
export function typeField(t: MissionPairType): 'parallel' | 'sequential' | 'bridging' {
  switch (t) {
    case MissionPairType.SEQUENTIAL:
      return 'sequential';
    case MissionPairType.BRIDGING:
      return 'bridging';
    default:
      return 'parallel';
  }
}

/**
 * Counts of pairs per type; `hybrid` counts the pairs that include a hybrid operation (one jointly led by two
 * organizations), which are also counted under their type.
 */
export function countTypes(pairs: { pairType: MissionPairType; hybrid: boolean }[]): {
  total: number;
  parallel: number;
  sequential: number;
  hybrid: number;
  bridging: number;
} {
  const counts = { total: pairs.length, parallel: 0, sequential: 0, hybrid: 0, bridging: 0 };
  for (const p of pairs) {
    counts[typeField(p.pairType)] += 1;
    if (p.hybrid) counts.hybrid += 1;
  }
  return counts;
}
