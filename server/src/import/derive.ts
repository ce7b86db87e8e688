import { changesCoDeploymentPairs, refreshCoDeploymentPairs } from '../db/co-deployment-pairs';
import { changesContributionPeaks, refreshContributionPeaks } from '../db/contribution-peaks';
import type { Database } from '../db/database';
import { changesOrganizationNetwork, refreshOrganizationTies } from '../db/organization-network';
import type { RelType } from '../model/graph';

/**
 * Summary properties derived from the imported facts, refreshed after an import that wrote the relationships
 * they are derived from, so that queries read them instead of aggregating series each time. Idempotent,
 * constant statements that write only what changed (a refresh of every mission at 100x wrote 57,000 nodes).
 */
export const DERIVE_STATEMENTS: readonly { after: RelType; cypher: string }[] = [
  // The largest monthly personnel total recorded for a mission (sizes nodes in the network view).
  {
    after: 'PERSONNEL_IN',
    cypher: `MATCH (m:Mission)
   CALL (m) { OPTIONAL MATCH (m)-[p:PERSONNEL_IN]->() RETURN max(p.total) AS peak }
   WITH m, peak WHERE coalesce(m.maxPersonnel, -1) <> coalesce(peak, -1)
   SET m.maxPersonnel = peak`,
  },
];

/**
 * Refreshes the summaries derived from the relationship types an import wrote, and the contribution peaks of the
 * missions whose records it wrote (`contributionMissions`; null: every mission).
 */
export async function deriveSummaries(
  db: Database,
  written: ReadonlySet<string>,
  contributionMissions: readonly string[] | null = null,
): Promise<void> {
  for (const stmt of DERIVE_STATEMENTS) if (written.has(stmt.after)) await db.write(stmt.cypher);
  // The co-deployments of the organization network (db/co-deployment-pairs.ts), right after the batches that changed them.
  if (changesCoDeploymentPairs(written)) await refreshCoDeploymentPairs(db);
  // The organization network without a filter (db/organization-network.ts), from the pairs and the peaks above.
  if (changesOrganizationNetwork(written)) await refreshOrganizationTies(db);
  // Each state's peak contribution to each mission (db/contribution-peaks.ts), from the records.
  if (changesContributionPeaks(written)) await refreshContributionPeaks(db, contributionMissions ?? undefined);
}
