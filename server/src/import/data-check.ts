import path from 'node:path';
import type { Database } from '../db/database';
import { repoRoot } from '../paths';
import { MEMBERSHIP_CORRECTIONS_TABLE, readMembershipCorrection } from './crosswalk';
import type { MembershipCorrection } from './crosswalk';
import { readCsvTable } from './csv-table';
import { FieldReader } from './fields';

/** What `npm run data:check` reports; the test suite fails on orphans and unresolved names. */
export interface DataCheckReport {
  counts: { labels: Record<string, number>; relationships: Record<string, number> };
  orphans: { kind: string; ids: string[] }[];
  disagreements: {
    field: string;
    source: string;
    rows: { id: string; graph: string | null; source: string | null }[];
  }[];
  /** Missions without a recorded end that the measures count as active up to their last evidence only. */
  endsAtLastEvidence: { id: string; lastEvidence: string }[];
  /** Non-UN operations with contributing states recorded / all, per deploying organization and decade of start. */
  contributorCoverage: { organization: string; decade: number; operations: number; withContributors: number }[];
  /** Checks of the missions' headquarters pairs against their hosts' capitals (state_capitals.csv). */
  headquarters: {
    /** Missions whose HQ lies farther than HQ_FAR_FROM_HOSTS_KM from every capital of their hosts (a swapped pair?): should be none. */
    farFromHosts: { id: string; hq: string | null; capital: string; km: number }[];
    /** Missions whose HQ is named as the capital of a host but lies farther than HQ_AWAY_FROM_NAMED_CAPITAL_KM from it. */
    awayFromNamedCapital: { id: string; hq: string; state: string; km: number }[];
  };
}

/**
 * The distance from every capital of a mission's hosts (the hosts of its parts for an umbrella operation)
 * beyond which its headquarters pair is listed: the farthest in the shipped graph, El Fasher (UNAMID) and Abyei
 * (UNISFA), lie about 800 km from Khartoum, while a swapped pair that keeps both values in range lies 2,000 km
 * or more from the capital of the city it names (mission_hq_corrections.csv).
 */
export const HQ_FAR_FROM_HOSTS_KM = 1000;
/** The distance from the capital a headquarters is named after beyond which the pair is listed. */
export const HQ_AWAY_FROM_NAMED_CAPITAL_KM = 50;

/** The checks of the missions' headquarters pairs (DataCheckReport.headquarters). */
async function headquartersChecks(db: Database): Promise<DataCheckReport['headquarters']> {
  const farFromHosts = await db.read<DataCheckReport['headquarters']['farFromHosts'][number]>(
    `MATCH (m:Mission) WHERE m.hqLatitude IS NOT NULL
     CALL (m) {
       MATCH (m)<-[:PART_OF*0..1]-(:Mission)-[:HOSTED_BY]->(s:State) WHERE s.capitalLatitude IS NOT NULL
       WITH DISTINCT s
       RETURN s.capital AS capital,
              point.distance(point({latitude: m.hqLatitude, longitude: m.hqLongitude}),
                             point({latitude: s.capitalLatitude, longitude: s.capitalLongitude})) / 1000 AS km
       ORDER BY km LIMIT 1
     }
     WITH m, capital, km WHERE km > $limit
     RETURN m.id AS id, m.hq AS hq, capital, round(km) AS km ORDER BY id`,
    { limit: HQ_FAR_FROM_HOSTS_KM },
  );
  const awayFromNamedCapital = await db.read<DataCheckReport['headquarters']['awayFromNamedCapital'][number]>(
    `MATCH (m:Mission)-[:HOSTED_BY]->(s:State)
     WHERE m.hqLatitude IS NOT NULL AND s.capitalLatitude IS NOT NULL AND toLower(trim(m.hq)) = toLower(s.capital)
     WITH DISTINCT m, s,
          point.distance(point({latitude: m.hqLatitude, longitude: m.hqLongitude}),
                         point({latitude: s.capitalLatitude, longitude: s.capitalLongitude})) / 1000 AS km
     WHERE km > $limit
     RETURN m.id AS id, m.hq AS hq, s.id AS state, round(km) AS km ORDER BY id`,
    { limit: HQ_AWAY_FROM_NAMED_CAPITAL_KM },
  );
  return { farFromHosts, awayFromNamedCapital };
}

/** Checks over the whole graph, each a constant statement. */
const ORPHAN_CHECKS: { kind: string; cypher: string }[] = [
  {
    kind: 'mission without an organization',
    cypher: 'MATCH (m:Mission) WHERE NOT (:Organization)-[:DEPLOYED]->(m) RETURN m.id AS id ORDER BY id',
  },
  {
    kind: 'mission without a host state (maritime operations and umbrella operations excepted)',
    cypher: `MATCH (m:Mission) WHERE NOT (m)-[:HOSTED_BY]->(:State) AND NOT 'maritime' IN coalesce(m.kinds, [])
             AND NOT (m)<-[:PART_OF]-(:Mission) RETURN m.id AS id ORDER BY id`,
  },
  {
    kind: 'mission not in the curated mission table',
    cypher: "MATCH (m:Mission) WHERE NOT 'curated' IN coalesce(m.sources, []) RETURN m.id AS id ORDER BY id",
  },
  {
    kind: 'mission without an operation type (no row in mission_universe.csv)',
    cypher: 'MATCH (m:Mission) WHERE m.operationType IS NULL RETURN m.id AS id ORDER BY id',
  },
  {
    kind: 'state not in the curated state table (no codes)',
    cypher: "MATCH (s:State) WHERE NOT 'curated' IN coalesce(s.sources, []) RETURN s.id AS id ORDER BY id",
  },
  {
    kind: 'organization not in the curated organization table',
    cypher: "MATCH (o:Organization) WHERE NOT 'curated' IN coalesce(o.sources, []) RETURN o.id AS id ORDER BY id",
  },
  {
    kind: 'conflict without UCDP data',
    cypher: "MATCH (c:Conflict) WHERE NOT 'ucdp-acd' IN coalesce(c.sources, []) RETURN c.id AS id ORDER BY id",
  },
];

/** Fields where a source's own value (`field@source`) is compared with the graph's value. */
const DISAGREEMENT_FIELDS: {
  label: 'Mission' | 'Organization';
  field: 'start' | 'end' | 'founded' | 'dissolved';
  source: string;
}[] = [
  { label: 'Mission', field: 'start', source: 'un-pko-list' },
  { label: 'Mission', field: 'end', source: 'un-pko-list' },
  { label: 'Organization', field: 'founded', source: 'cow-igo' },
  { label: 'Organization', field: 'dissolved', source: 'cow-igo' },
];

/**
 * The correcting rows of membership_corrections.csv whose COW spell is not in the graph as corrected (a
 * cow-igo MEMBER_OF with the corrected start and status and COW's start kept as `cowStart`): the COW file was
 * not imported, or its row was rejected (e.g. its end year no longer matches `cow_end`). As
 * `state|organization|status|cow_start (line n)`.
 */
async function unappliedCorrections(db: Database, curatedDir: string): Promise<string[]> {
  const rows = readCsvTable(path.join(curatedDir, MEMBERSHIP_CORRECTIONS_TABLE))
    .map((r, i) => readMembershipCorrection(new FieldReader(r), i + 2))
    .filter((c): c is MembershipCorrection => c !== undefined && c.cowStart !== null)
    .map((c) => ({
      id: `${c.stateId}|${c.orgId}|${c.status}|${c.cowStart} (line ${c.line})`,
      stateId: c.stateId,
      orgId: c.orgId,
      status: c.status,
      start: c.start,
      cowStart: c.cowStart,
    }));
  if (!rows.length) return [];
  const found = await db.read<{ id: string }>(
    `UNWIND $rows AS c
     MATCH (:State {id: c.stateId})-[r:MEMBER_OF {source: 'cow-igo', start: c.start, status: c.status}]->(:Organization {id: c.orgId})
     WHERE r.cowStart = c.cowStart
     RETURN DISTINCT c.id AS id`,
    { rows },
  );
  const applied = new Set(found.map((f) => f.id));
  return rows.map((r) => r.id).filter((id) => !applied.has(id));
}

/** `curatedDir`: where membership_corrections.csv is (the repository's cypher/data/curated unless given). */
export async function runDataCheck(
  db: Database,
  curatedDir = path.join(repoRoot(), 'cypher', 'data', 'curated'),
): Promise<DataCheckReport> {
  const labels = await db.read<{ k: string; n: number }>(
    'MATCH (n) RETURN labels(n)[0] AS k, count(*) AS n ORDER BY k',
  );
  const rels = await db.read<{ k: string; n: number }>(
    'MATCH ()-[r]->() RETURN type(r) AS k, count(*) AS n ORDER BY k',
  );
  const orphans: DataCheckReport['orphans'] = [];
  for (const check of ORPHAN_CHECKS) {
    const rows = await db.read<{ id: string }>(check.cypher);
    orphans.push({ kind: check.kind, ids: rows.map((r) => r.id) });
  }
  orphans.push({
    kind: 'membership correction whose COW IGO spell is not in the graph as corrected',
    ids: await unappliedCorrections(db, curatedDir),
  });
  const disagreements: DataCheckReport['disagreements'] = [];
  for (const d of DISAGREEMENT_FIELDS) {
    // Label and field names come from the constant list above, never from input.
    const key = `${d.field}@${d.source}`;
    const rows = await db.read<{ id: string; graph: string | null; source: string | null }>(
      `MATCH (n:${d.label}) WHERE n[$key] IS NOT NULL
       WITH n, coalesce(toString(n.${d.field}), '') AS g, toString(n[$key]) AS s
       // A date given to the year by one source and to the day by another agrees when one is a prefix of the other.
       WHERE NOT (g STARTS WITH s OR s STARTS WITH g) OR g = ''
       RETURN n.id AS id, toString(n.${d.field}) AS graph, toString(n[$key]) AS source ORDER BY id`,
      { key },
    );
    disagreements.push({ field: `${d.label}.${d.field}`, source: d.source, rows });
  }
  const endsAtLastEvidence = await db.read<{ id: string; lastEvidence: string }>(
    'MATCH (m:Mission) WHERE m.end IS NULL AND m.lastEvidence IS NOT NULL RETURN m.id AS id, m.lastEvidence AS lastEvidence ORDER BY id',
  );
  const contributorCoverage = await db.read<DataCheckReport['contributorCoverage'][number]>(
    `MATCH (o:Organization)-[d:DEPLOYED]->(m:Mission)
     WHERE o.id <> 'UN' AND m.start IS NOT NULL AND NOT coalesce(d.role, '') IN ['authorizing', 'supporting']
       AND NOT EXISTS { (:Organization {id: 'UN'})-[:DEPLOYED]->(m) }
     WITH o.id AS organization, toInteger(left(m.start, 3) + '0') AS decade, m,
          EXISTS { (:State)-[:CONTRIBUTED_TO]->(m) } AS has
     RETURN organization, decade, count(DISTINCT m) AS operations, count(DISTINCT CASE WHEN has THEN m END) AS withContributors
     ORDER BY organization, decade`,
  );
  const headquarters = await headquartersChecks(db);
  return {
    endsAtLastEvidence,
    contributorCoverage,
    headquarters,
    counts: {
      labels: Object.fromEntries(labels.map((r) => [r.k, r.n])),
      relationships: Object.fromEntries(rels.map((r) => [r.k, r.n])),
    },
    orphans,
    disagreements,
  };
}
