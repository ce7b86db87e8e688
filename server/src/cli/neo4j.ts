import { localNeo4jOptions } from '../bootstrap';
import { loadConfig } from '../config';
import { createLogger } from '../logger';
import { startLocalNeo4j } from '../db/local-neo4j';
import { repoRoot } from '../paths';
import { runCommand, UsageError } from './command';

/** `npm run neo4j`: runs only the local Neo4j, until Ctrl-C. */
const USAGE = `Usage: peaceops neo4j

Runs only the project's local Neo4j (fetched from Maven Central on first use) until Ctrl-C: Bolt on
NEO4J_BOLT_PORT (7687), store in NEO4J_DATA_DIR (.neo4j). The other commands attach to it.`;

runCommand({
  name: 'neo4j',
  usage: USAGE,
  connects: false,
  failureCode: 1,
  options: {},
  run: async () => {
    const config = loadConfig();
    const logger = createLogger(config.logLevel);
    if (config.neo4j.target.kind !== 'local') {
      throw new UsageError('NEO4J_URI is set: there is no local Neo4j to start.');
    }
    const t = config.neo4j.target;
    const db = await startLocalNeo4j(localNeo4jOptions(config, t, logger, repoRoot()));
    process.stdout.write(`Neo4j ${db.version} listens at ${db.uri}. Ctrl-C stops it.\n`);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await db.stop();
  },
});
