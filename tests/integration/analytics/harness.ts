import type { Database } from '../../../server/src/db/database';
import type { RunningApp } from '../../../server/src/http/app';
import { resetGraph, testConfig, testDatabase } from '../../helpers/db';
import { gql, startTestApp } from '../../helpers/http';
import { buildTestGraph } from './test-graph';

/** What a test file of the research measures works with: the hand-built graph behind a running API. */
export interface MeasuresHarness {
  /** The database holding the graph of test-graph.ts. */
  db: () => Database;
  /** Runs a GraphQL query; throws on any error in the answer. */
  query: <T>(q: string, variables?: Record<string, unknown>) => Promise<T>;
  /** The code of the first error of a query's answer. */
  errorCode: (q: string, variables?: Record<string, unknown>) => Promise<string | undefined>;
}

/**
 * Builds a hand-made graph (by default the one of test-graph.ts) and starts the API before the file's tests;
 * removes both after them.
 */
export function measuresHarness(build: (db: Database) => Promise<void> = buildTestGraph): MeasuresHarness {
  // A graph of a few dozen nodes: the tests compare several variants of a measure in one request, so the cap of
  // expensive fields per request (tested in seeded/limits.test.ts) is raised here.
  const config = testConfig({ GRAPHQL_MAX_EXPENSIVE_FIELDS: '10' });
  let db: Database;
  let app: RunningApp;

  beforeAll(async () => {
    db = testDatabase(config);
    await resetGraph(db);
    await build(db);
    app = await startTestApp(config, db);
  });

  afterAll(async () => {
    await app.stop();
    await resetGraph(db);
    await db.close();
  });

  return {
    db: () => db,
    query: async <T>(q: string, variables: Record<string, unknown> = {}): Promise<T> => {
      const res = await gql<T>(app.url, q, variables);
      if (res.body.errors?.length) throw new Error(JSON.stringify(res.body.errors));
      return res.body.data as T;
    },
    errorCode: async (q: string, variables: Record<string, unknown> = {}): Promise<string | undefined> => {
      const res = await gql(app.url, q, variables);
      return res.body.errors?.[0]?.extensions?.code;
    },
  };
}

/** The universe fields every measure reports. */
export const UNIVERSE =
  'universe { source missions recorded withoutStart replacedByParts missionsWithoutConflict missionsWithoutHost description }';
