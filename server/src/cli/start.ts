import path from 'node:path';
import { refreshCoDeploymentPairs } from '../db/co-deployment-pairs';
import { refreshContributionPeaks } from '../db/contribution-peaks';
import { refreshOrganizationTies } from '../db/organization-network';
import { isGraphEmpty, runSeed } from '../import/seed';
import { startApp } from '../http/app';
import { runCommand } from './command';
import { openCommandDatabase } from './command-database';

/**
 * `npm start`: the whole tool on the local default. Starts Neo4j (or connects to NEO4J_URI), applies the
 * schema, serves the API and the network view; Ctrl-C or SIGTERM drains HTTP, closes the driver, then stops
 * the local Neo4j.
 */
const USAGE = `Usage: peaceops start

The whole tool on the local default: starts Neo4j (or connects to NEO4J_URI), seeds an empty graph, serves
the API, the playground and the network view on http://127.0.0.1:4000 (PORT). Ctrl-C stops everything.`;

runCommand({
  name: 'start',
  usage: USAGE,
  connects: true,
  failureCode: 1,
  options: {},
  run: async () => {
    const started = Date.now();
    const { config, logger, root, database } = await openCommandDatabase();
    if (await isGraphEmpty(database.db)) {
      logger.info('the graph is empty: seeding it from cypher/data (once)');
      await runSeed(database.db, {
        dataDir: path.join(root, 'cypher', 'data'),
        batchSize: config.import.batchSize,
        logger,
      });
    } else {
      // The tool's own writes keep the co-deployment pairs, the organization network and the contribution peaks; a
      // graph loaded otherwise (a LOAD CSV script, cypher-shell) gets them here. A refresh of an unchanged graph
      // writes nothing.
      const refreshed = await refreshCoDeploymentPairs(database.db);
      if (refreshed.created || refreshed.deleted) logger.info(refreshed, 'co-deployment pairs refreshed');
      const ties = await refreshOrganizationTies(database.db);
      if (ties.written || ties.deleted) logger.info(ties, 'organization network refreshed');
      const peaks = await refreshContributionPeaks(database.db);
      if (peaks.written || peaks.deleted) logger.info(peaks, 'contribution peaks refreshed');
    }
    const local = database.local;
    const app = await startApp({
      config,
      db: database.db,
      logger,
      repoRoot: root,
      neo4jProcess: local ? () => local.state() : undefined,
    }).catch(async (err: unknown) => {
      await database.close();
      throw err;
    });
    logger.info({ url: app.url, ms: Date.now() - started }, 'ready');
    process.stdout.write(
      `Ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${app.url}/ (network view), ${app.url}/graphql (API), ${app.url}/healthz\n`,
    );

    await new Promise<void>((resolve) => {
      let stopping = false;
      const onSignal = (signal: NodeJS.Signals) => {
        if (stopping) {
          logger.warn({ signal }, 'second signal: exiting at once');
          process.exit(130);
        }
        stopping = true;
        logger.info({ signal }, 'shutting down');
        resolve();
      };
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
    });
    const force = setTimeout(() => {
      logger.error('shutdown took too long: exiting');
      process.exit(1);
    }, config.http.shutdownTimeoutMs + 70_000);
    force.unref();
    await app.stop();
    await database.close();
    logger.info('stopped');
    return 0;
  },
});
