import path from 'node:path';
import type { Database } from '../../server/src/db/database';
import { runSeed } from '../../server/src/import/seed';
import type { RunningApp } from '../../server/src/http/app';
import { REPO_ROOT, testConfig, testDatabase, testLogger } from './db';
import { gql, startTestApp } from './http';

/**
 * Makes sure the graph holds the shipped data: seeds it once (files under tests/integration/seeded/ run
 * last, after the files that reset the graph) and marks it, so later files reuse it.
 */
export async function ensureSeeded(db: Database): Promise<void> {
  const marker = await db.read<{ n: number }>('MATCH (m:TestSeedMarker) RETURN count(m) AS n');
  if ((marker[0]?.n ?? 0) > 0) return;
  await db.autoCommit('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  const summaries = await runSeed(db, {
    dataDir: path.join(REPO_ROOT, 'cypher', 'data'),
    batchSize: 2000,
    logger: testLogger,
  });
  const problems = summaries.flatMap((s) => s.issues);
  if (problems.length)
    throw new Error(`seed reported ${problems.length} problems, first: ${JSON.stringify(problems[0])}`);
  await db.write('CREATE (:TestSeedMarker)');
}

/** What a test file of the shipped graph works with: the database, the running API, and a query helper. */
export interface SeededApi {
  db: () => Database;
  app: () => RunningApp;
  /** Runs a GraphQL query over HTTP and fails the test on any error in the answer. */
  data: (query: string, variables?: Record<string, unknown>) => Promise<Record<string, any>>;
}

/** Seeds the shipped graph (once per run) and starts the API before the file's tests; stops it after them. */
export function seededApi(): SeededApi {
  let db: Database;
  let app: RunningApp;
  beforeAll(async () => {
    db = testDatabase();
    await ensureSeeded(db);
    app = await startTestApp(testConfig(), db);
  }, 600_000);
  afterAll(async () => {
    await app?.stop();
    await db?.close();
  });
  return {
    db: () => db,
    app: () => app,
    data: async (query, variables = {}) => {
      const res = await gql<Record<string, any>>(app.url, query, variables);
      expect(res.body.errors).toBeUndefined();
      return res.body.data as Record<string, any>;
    },
  };
}
