import type { Database } from '../db/database';

/**
 * Summary properties derived from the imported facts, refreshed after every import that wrote something, so
 * that queries read them instead of aggregating series each time. Idempotent, constant statements.
 */
export const DERIVE_STATEMENTS: readonly string[] = [
  // The largest monthly personnel total recorded for a mission (sizes nodes in the network view).
  `MATCH (m:Mission)
   CALL (m) { OPTIONAL MATCH (m)-[p:PERSONNEL_IN]->() RETURN max(p.total) AS peak }
   SET m.maxPersonnel = peak`,
];

export async function deriveSummaries(db: Database): Promise<void> {
  for (const stmt of DERIVE_STATEMENTS) await db.write(stmt);
}
