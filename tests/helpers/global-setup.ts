import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../server/src/config';
import { startLocalNeo4j } from '../../server/src/db/local-neo4j';
import type { LocalNeo4j } from '../../server/src/db/local-neo4j';
import { Database } from '../../server/src/db/database';
import { applySchema } from '../../server/src/db/schema';
import { createLogger } from '../../server/src/logger';

declare global {
  var __TEST_NEO4J__: LocalNeo4j | undefined;
}

/**
 * Starts one Neo4j for the whole test run, unless NEO4J_URI names one: a fresh store in `.neo4j-test/` on
 * Bolt port 7697 (TEST_NEO4J_BOLT_PORT), so that tests never touch the data of `npm start`. The URI reaches
 * the test files through TEST_NEO4J_URI.
 */
export default async function globalSetup(): Promise<void> {
  const root = path.resolve(__dirname, '..', '..');
  const config = loadConfig();
  const logger = createLogger(process.env.TEST_LOG_LEVEL ?? 'warn', 'test-neo4j');
  let uri = config.neo4j.uri;
  if (config.neo4j.target.kind === 'local') {
    const dataDir = path.resolve(root, process.env.TEST_NEO4J_DATA_DIR ?? '.neo4j-test');
    fs.rmSync(dataDir, { recursive: true, force: true });
    const local = await startLocalNeo4j({
      repoRoot: root,
      dataDir,
      boltPort: Number(process.env.TEST_NEO4J_BOLT_PORT ?? 7697),
      pageCacheMb: 256,
      heapMb: 1024,
      txTimeoutMs: 30_000,
      startTimeoutS: 300,
      logger,
    });
    globalThis.__TEST_NEO4J__ = local;
    uri = local.uri;
  }
  process.env.TEST_NEO4J_URI = uri;
  const db = new Database({ ...config.neo4j, uri, logger });
  try {
    await applySchema(db, root);
  } finally {
    await db.close();
  }
}
