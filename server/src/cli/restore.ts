import { openDatabase } from '../bootstrap';
import { loadConfig } from '../config';
import { BackupError, restoreGraph } from '../db/backup';
import { createLogger } from '../logger';
import { repoRoot } from '../paths';
import { CommandError, runCommand, UsageError } from './command';
import { phaseProgress } from './phase-progress';

const USAGE = `Usage: peaceops restore <file.jsonl.gz> [--replace]

Loads a file written by npm run backup. The whole file is checked first; the database must be empty unless
--replace is given, which deletes the current graph first. The schema (cypher/schema.cypher) is applied, and at
the end the counts must equal the file's. Uses NEO4J_URI, or the local Neo4j on NEO4J_BOLT_PORT.`;

runCommand({
  name: 'restore',
  usage: USAGE,
  connects: true,
  options: { replace: { type: 'boolean', default: false } },
  run: async ({ values, positionals }) => {
    if (positionals.length !== 1) throw new UsageError(positionals.length ? 'One file only.' : 'No file given.');
    const file = positionals[0];
    const config = loadConfig();
    const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
    const root = repoRoot();
    const database = await openDatabase(config, logger, root);
    const progress = phaseProgress();
    try {
      const s = await restoreGraph(database.db, file, { replace: values.replace, repoRoot: root }, progress.update);
      progress.stop();
      const c = s.counts;
      const lines = [];
      if (s.deleted.nodes || s.deleted.relationships)
        lines.push(`Deleted the previous graph: ${s.deleted.nodes} nodes, ${s.deleted.relationships} relationships.`);
      lines.push(
        `Restored ${c.nodes} nodes and ${c.relationships} relationships from ${s.file} (backed up ${s.header.createdAt} from Neo4j ${s.header.neo4jVersion}) in ${s.seconds.toFixed(1)} s; the counts equal the file's.`,
        `  ${Object.entries({ ...c.labels, ...c.types })
          .map(([k, n]) => `${k} ${n}`)
          .join(', ')}`,
      );
      process.stdout.write(`${lines.join('\n')}\n`);
      return 0;
    } catch (err) {
      progress.stop();
      if (err instanceof BackupError) throw new CommandError(`Restore failed: ${err.message}`);
      throw err;
    } finally {
      await database.close();
    }
  },
});
