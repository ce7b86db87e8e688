import type { Config } from './config';
import { Database } from './db/database';
import { runningLocalNeo4j, waitForBolt } from './db/local-neo4j';
import type { LocalNeo4jOptions } from './db/local-neo4j';
import { superviseLocalNeo4j } from './db/neo4j-supervisor';
import type { SupervisedNeo4j } from './db/neo4j-supervisor';
import { applySchema } from './db/schema';
import neo4j from 'neo4j-driver';
import type { Logger } from './logger';

export interface DatabaseHandle {
  db: Database;
  /** The local Neo4j this process launched and supervises (started again if it dies), if any. */
  local: SupervisedNeo4j | null;
  /** Closes the driver, then stops the local Neo4j if this process launched it. */
  close(): Promise<void>;
}

/** The local Neo4j's options as the configuration gives them (`npm start`, `peaceops neo4j`). */
export function localNeo4jOptions(
  config: Config,
  target: LocalTarget,
  logger: Logger,
  repoRoot: string,
): LocalNeo4jOptions {
  const { dataDir, boltPort, pageCacheMb, heapMb, startTimeoutS } = target;
  return {
    repoRoot,
    dataDir,
    boltPort,
    pageCacheMb,
    heapMb,
    txTimeoutMs: config.neo4j.txTimeoutMs,
    startTimeoutS,
    logger,
  };
}

/** The configuration of a local Neo4j (NEO4J_URI unset). */
type LocalTarget = Extract<Config['neo4j']['target'], { kind: 'local' }>;

/**
 * Brings up the database side: launches the local Neo4j (supervised: started again when it dies) unless
 * `NEO4J_URI` names one, waits until Bolt answers, opens the driver and applies the schema.
 */
export async function openDatabase(config: Config, logger: Logger, repoRoot: string): Promise<DatabaseHandle> {
  const t = config.neo4j.target;
  let local: SupervisedNeo4j | null = null;
  let uri = config.neo4j.uri;
  const running = t.kind === 'local' ? runningLocalNeo4j(repoRoot, t.dataDir) : null;
  if (t.kind === 'local' && running !== null) {
    // `npm start` (or `npm run neo4j`) already runs the local Neo4j on this store: use it, launch none.
    logger.info({ uri, pid: running }, 'the local Neo4j already runs: using it');
    await waitForBolt(uri, config.neo4j.connectTimeoutMs);
  } else if (t.kind === 'local') {
    local = await superviseLocalNeo4j(localNeo4jOptions(config, t, logger, repoRoot));
    uri = local.uri;
  } else {
    logger.info({ uri }, 'NEO4J_URI is set: using that Neo4j, launching none');
    await waitForBolt(uri, config.neo4j.connectTimeoutMs, neo4j.auth.basic(config.neo4j.user, config.neo4j.password));
  }
  const db = new Database({ ...config.neo4j, uri, logger });
  try {
    const applied = await applySchema(db, repoRoot);
    logger.info({ statements: applied }, 'schema applied');
  } catch (err) {
    await db.close();
    await local?.stop();
    throw err;
  }
  return {
    db,
    local,
    async close() {
      await db.close();
      await local?.stop();
    },
  };
}
