import type { ManagedTransaction } from 'neo4j-driver';
import { MISSIONS_OVERLAP } from '../model/mission-time';
import type { Database } from './database';
import { refreshMissionsInBatches } from './mission-batches';

/**
 * The co-deployments of the organization network, kept at write time instead of recomputed on each read.
 *
 * One relationship `(m1:Mission)-[:CO_DEPLOYMENT_PAIR]->(m2:Mission)` per organization `o1` that deploys m1,
 * organization `o2` that deploys m2 (`o1.id < o2.id`) and conflict both missions are in, when the two missions
 * overlap in time by MISSIONS_OVERLAP (model/mission-time.ts, the rule's one place). m1 and m2 may be the same
 * mission (one deployed by both organizations). The relationship holds only its key and the ids of the two
 * organizations and the conflict: the dates, kinds, hosts and sources a read filters on stay on the missions, so
 * a read answers any period and filter exactly (modules/graph/graph.repository.ts, organizationNetwork).
 *
 * The pairs depend on a mission's dates, its DEPLOYED and its IN_CONFLICT relationships only
 * (CO_DEPLOYMENT_INPUTS). A refresh for a set of missions recomputes every pair with one of them on either side,
 * creates the missing ones (MERGE on `key`, unique by cypher/schema.cypher), deletes the stale ones, and leaves
 * the rest untouched: idempotent, and a refresh of an unchanged graph writes nothing.
 */
export const CO_DEPLOYMENT_PAIR = 'CO_DEPLOYMENT_PAIR';

/** The relationship types whose writes change the pairs (with a mission's dates, which come with DEPLOYED). */
export const CO_DEPLOYMENT_INPUTS: readonly string[] = ['DEPLOYED', 'IN_CONFLICT'];

/** Missions refreshed per transaction by a refresh of the whole graph. */
const WHOLE_REFRESH_BATCH = 500;

/** Creates the pairs the rule gives for missions `$ids` (on either side) and returns their keys. */
const MERGE_PAIRS = `
  UNWIND $ids AS id
  MATCH (m:Mission {id: id})
  CALL (m) {
    MATCH (o1:Organization)-[:DEPLOYED]->(m)-[:IN_CONFLICT]->(c:Conflict)<-[:IN_CONFLICT]-(m2:Mission)<-[:DEPLOYED]-(o2:Organization)
    WHERE o1.id < o2.id AND ${MISSIONS_OVERLAP('m', 'm2')}
    RETURN m AS m1, m2, o1.id AS a, o2.id AS b, c.id AS conflict
    UNION
    MATCH (o1:Organization)-[:DEPLOYED]->(m1:Mission)-[:IN_CONFLICT]->(c:Conflict)<-[:IN_CONFLICT]-(m)<-[:DEPLOYED]-(o2:Organization)
    WHERE o1.id < o2.id AND ${MISSIONS_OVERLAP('m1', 'm')}
    RETURN m1, m AS m2, o1.id AS a, o2.id AS b, c.id AS conflict
  }
  WITH DISTINCT m1, m2, a, b, conflict
  WITH m1, m2, a, b, conflict, m1.id + '|' + m2.id + '|' + a + '|' + b + '|' + conflict AS key
  MERGE (m1)-[p:${CO_DEPLOYMENT_PAIR} {key: key}]->(m2)
    ON CREATE SET p.organizationA = a, p.organizationB = b, p.conflict = conflict
  RETURN collect(key) AS keys`;

/** Deletes the pairs of missions `$ids` that the rule no longer gives (their keys are not in `$keep`). */
const DELETE_STALE = `
  UNWIND $ids AS id
  MATCH (:Mission {id: id})-[p:${CO_DEPLOYMENT_PAIR}]-()
  WITH DISTINCT p WHERE NOT p.key IN $keep
  DELETE p
  RETURN count(*) AS deleted`;

/** What a refresh changed. */
export interface PairRefresh {
  missions: number;
  created: number;
  deleted: number;
}

/**
 * Refreshes the pairs of the given missions inside a transaction the caller holds (a mutation of the API: the
 * answer changes with the write that changed it). Missions that no longer exist are skipped (their pairs went
 * with them).
 */
export async function refreshCoDeploymentPairsInTx(
  tx: ManagedTransaction,
  missionIds: readonly string[],
): Promise<PairRefresh> {
  const ids = [...new Set(missionIds)];
  if (!ids.length) return { missions: 0, created: 0, deleted: 0 };
  const merged = await tx.run(MERGE_PAIRS, { ids });
  const keep = (merged.records[0]?.get('keys') as string[] | undefined) ?? [];
  const created = merged.summary.counters.updates().relationshipsCreated;
  const stale = await tx.run(DELETE_STALE, { ids, keep });
  return { missions: ids.length, created, deleted: stale.summary.counters.updates().relationshipsDeleted };
}

/**
 * Refreshes the pairs of the given missions, or of every mission (`null`: after an import or a restore), in
 * transactions of WHOLE_REFRESH_BATCH missions. Each transaction leaves its missions' pairs exact; a pair between
 * missions of two batches is settled by each in turn, so the graph is exact when the call returns, and a
 * failed refresh is repaired by running it again.
 */
export async function refreshCoDeploymentPairs(
  db: Database,
  missionIds: readonly string[] | null = null,
): Promise<PairRefresh> {
  return refreshMissionsInBatches(db, missionIds, WHOLE_REFRESH_BATCH, refreshCoDeploymentPairsInTx, {
    missions: 0,
    created: 0,
    deleted: 0,
  });
}

/** Whether an import that wrote these relationship types may have changed the pairs. */
export function changesCoDeploymentPairs(typesWritten: ReadonlySet<string>): boolean {
  return CO_DEPLOYMENT_INPUTS.some((t) => typesWritten.has(t));
}
