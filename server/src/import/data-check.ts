import type { Database } from '../db/database';

/** What `npm run data:check` reports; the test suite fails on orphans and unresolved names. */
export interface DataCheckReport {
  counts: { labels: Record<string, number>; relationships: Record<string, number> };
  orphans: { kind: string; ids: string[] }[];
  disagreements: { field: string; source: string; rows: { id: string; graph: string | null; source: string | null }[] }[];
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
const DISAGREEMENT_FIELDS: { label: 'Mission' | 'Organization'; field: 'start' | 'end' | 'founded' | 'dissolved'; source: string }[] = [
  { label: 'Mission', field: 'start', source: 'un-pko-list' },
  { label: 'Mission', field: 'end', source: 'un-pko-list' },
  { label: 'Organization', field: 'founded', source: 'cow-igo' },
  { label: 'Organization', field: 'dissolved', source: 'cow-igo' },
];

export async function runDataCheck(db: Database): Promise<DataCheckReport> {
  const labels = await db.read<{ k: string; n: number }>('MATCH (n) RETURN labels(n)[0] AS k, count(*) AS n ORDER BY k');
  const rels = await db.read<{ k: string; n: number }>('MATCH ()-[r]->() RETURN type(r) AS k, count(*) AS n ORDER BY k');
  const orphans: DataCheckReport['orphans'] = [];
  for (const check of ORPHAN_CHECKS) {
    const rows = await db.read<{ id: string }>(check.cypher);
    orphans.push({ kind: check.kind, ids: rows.map((r) => r.id) });
  }
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
  return {
    counts: {
      labels: Object.fromEntries(labels.map((r) => [r.k, r.n])),
      relationships: Object.fromEntries(rels.map((r) => [r.k, r.n])),
    },
    orphans,
    disagreements,
  };
}
