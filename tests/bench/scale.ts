import type { Database } from '../../server/src/db/database';
import { NODE_LABELS, REL_SPECS } from '../../server/src/model/graph';
import type { RelType } from '../../server/src/model/graph';

/**
 * Scales the shipped graph by k: k - 1 disjoint copies of every entity and relationship, ids suffixed `~i`,
 * so that every degree distribution (missions per organization, contributors per mission, contributions per
 * state) stays exactly that of the real graph while the graph grows k times.
 */
export async function replicate(db: Database, k: number, onStep?: (msg: string) => void): Promise<void> {
  for (let i = 1; i < k; i += 1) {
    for (const label of NODE_LABELS) {
      await db.autoCommit(
        `MATCH (n:${label}) WHERE NOT n.id CONTAINS '~'
         CALL (n) { CREATE (c:${label}) SET c = n { .*, id: n.id + '~' + $i } } IN TRANSACTIONS OF 5000 ROWS`,
        { i: String(i) },
      );
    }
    for (const type of Object.keys(REL_SPECS) as RelType[]) {
      const spec = REL_SPECS[type];
      await db.autoCommit(
        `MATCH (a:${spec.from})-[r:${type}]->(b:${spec.to}) WHERE NOT a.id CONTAINS '~'
         CALL (a, r, b) {
           MATCH (a2:${spec.from} {id: a.id + '~' + $i}) MATCH (b2:${spec.to} {id: b.id + '~' + $i})
           // A series relationship's uid is unique (cypher/schema.cypher): the copy gets its own.
           CREATE (a2)-[r2:${type}]->(b2) SET r2 = r { .*, uid: CASE WHEN r.uid IS NULL THEN null ELSE r.uid + '~' + $i END }
         } IN TRANSACTIONS OF 10000 ROWS`,
        { i: String(i) },
      );
    }
    onStep?.(`copy ${i} of ${k - 1} done`);
  }
}

export async function graphSize(db: Database): Promise<{ nodes: number; relationships: number }> {
  const n = await db.read<{ n: number }>('MATCH (n) RETURN count(n) AS n');
  const r = await db.read<{ n: number }>('MATCH ()-[r]->() RETURN count(r) AS n');
  return { nodes: n[0]?.n ?? 0, relationships: r[0]?.n ?? 0 };
}
