import path from 'node:path';
import { loadConfig } from '../../server/src/config';
import type { Config } from '../../server/src/config';
import { refreshCoDeploymentPairs } from '../../server/src/db/co-deployment-pairs';
import { refreshContributionPeaks } from '../../server/src/db/contribution-peaks';
import { Database } from '../../server/src/db/database';
import { refreshOrganizationTies } from '../../server/src/db/organization-network';
import { createLogger } from '../../server/src/logger';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** The configuration tests use: the run's Neo4j, quiet logs, test mode. */
export function testConfig(overrides: NodeJS.ProcessEnv = {}): Config {
  const uri = process.env.TEST_NEO4J_URI;
  if (!uri) throw new Error('TEST_NEO4J_URI is not set: integration tests run through jest global setup.');
  return loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    NEO4J_URI: uri,
    PORT: '0',
    ...overrides,
  });
}

export const testLogger = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent', 'test');

/** A driver on the run's Neo4j. */
export function testDatabase(config: Config = testConfig()): Database {
  return new Database({ ...config.neo4j, logger: testLogger });
}

/** Deletes every node and relationship (the schema stays): each integration test file starts from an empty graph. */
export async function resetGraph(db: Database): Promise<void> {
  await db.autoCommit('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
}

/**
 * Brings the aggregates kept at write time (the co-deployment pairs, the organization network, the contribution
 * peaks) up to date with a graph a test wrote with plain Cypher, as `peaceops start` does for a graph loaded
 * without the tool.
 */
export async function refreshKeptAggregates(db: Database): Promise<void> {
  await refreshCoDeploymentPairs(db);
  await refreshOrganizationTies(db);
  await refreshContributionPeaks(db);
}
