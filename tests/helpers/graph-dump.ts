import type { Database } from '../../server/src/db/database';

/** JSON with sorted keys, so that equal maps print equally. */
function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    return `{${Object.keys(obj)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable(obj[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * A canonical, sorted text form of the whole graph (Dataset nodes left out), so that two ways of building a
 * graph can be compared with toEqual.
 */
export async function dumpGraph(db: Database): Promise<{ nodes: string[]; rels: string[] }> {
  const nodes = await db.read<{ label: string; props: Record<string, unknown> }>(
    'MATCH (n) WHERE NOT n:Dataset RETURN labels(n)[0] AS label, properties(n) AS props',
  );
  const rels = await db.read<{ type: string; a: string; b: string; props: Record<string, unknown> }>(
    'MATCH (x)-[r]->(y) RETURN type(r) AS type, x.id AS a, y.id AS b, properties(r) AS props',
  );
  return {
    nodes: nodes.map((n) => `${n.label} ${stable(n.props)}`).sort(),
    rels: rels.map((r) => `${r.type} ${r.a}->${r.b} ${stable(r.props)}`).sort(),
  };
}

/** Counts of nodes per label and relationships per type. */
export async function graphCounts(db: Database): Promise<Record<string, number>> {
  const rows = await db.read<{ k: string; n: number }>(
    `CALL () { MATCH (n) RETURN labels(n)[0] AS k, count(*) AS n
               UNION ALL MATCH ()-[r]->() RETURN type(r) AS k, count(*) AS n }
     RETURN k, n ORDER BY k`,
  );
  return Object.fromEntries(rows.map((r) => [r.k, r.n]));
}
