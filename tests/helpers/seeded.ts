import path from 'node:path';
import type { Database } from '../../server/src/db/database';
import { runSeed } from '../../server/src/import/seed';
import { REPO_ROOT, testLogger } from './db';

/**
 * Makes sure the graph holds the shipped data: seeds it once (files under tests/integration/seeded/ run
 * last, after the files that reset the graph) and marks it, so later files reuse it.
 */
export async function ensureSeeded(db: Database): Promise<void> {
  const marker = await db.read<{ n: number }>('MATCH (m:TestSeedMarker) RETURN count(m) AS n');
  if ((marker[0]?.n ?? 0) > 0) return;
  await db.autoCommit('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  const summaries = await runSeed(db, { dataDir: path.join(REPO_ROOT, 'cypher', 'data'), batchSize: 2000, logger: testLogger });
  const problems = summaries.flatMap((s) => s.issues);
  if (problems.length) throw new Error(`seed reported ${problems.length} problems, first: ${JSON.stringify(problems[0])}`);
  await db.write('CREATE (:TestSeedMarker)');
}
