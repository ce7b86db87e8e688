import path from 'node:path';
import { openDatabase } from '../bootstrap';
import { loadConfig } from '../config';
import { BackupError, backupGraph, defaultBackupFile } from '../db/backup';
import { createLogger } from '../logger';
import { repoRoot } from '../paths';
import { CommandError, runCommand } from './command';
import { phaseProgress } from './phase-progress';

const USAGE = `Usage: peaceops backup [--out <file.jsonl.gz>]

Writes every node and relationship of the graph, with their labels, types and typed properties, into a
gzip-compressed JSON-lines file (default: backups/peaceops-<UTC timestamp>.jsonl.gz), read in one transaction.
Uses NEO4J_URI, or the local Neo4j on NEO4J_BOLT_PORT. Restore it with npm run restore -- <file>.`;

/** The backup is one read transaction: it may take longer than the API's queries. */
const MIN_TX_TIMEOUT_MS = 600_000;

runCommand({
  name: 'backup',
  usage: USAGE,
  connects: true,
  options: { out: { type: 'string', short: 'o' } },
  run: async ({ values }) => {
    const loaded = loadConfig();
    const config = {
      ...loaded,
      neo4j: { ...loaded.neo4j, txTimeoutMs: Math.max(loaded.neo4j.txTimeoutMs, MIN_TX_TIMEOUT_MS) },
    };
    const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
    const root = repoRoot();
    const out = values.out ? path.resolve(values.out) : defaultBackupFile(root);
    const database = await openDatabase(config, logger, root);
    const progress = phaseProgress();
    try {
      const s = await backupGraph(database.db, out, progress.update);
      progress.stop();
      const c = s.counts;
      process.stdout.write(
        `Backed up ${c.nodes} nodes and ${c.relationships} relationships to ${s.file} ` +
          `(${(s.bytes / 1024).toFixed(0)} KB, ${s.lines} lines) in ${s.seconds.toFixed(1)} s.\n` +
          `  ${Object.entries({ ...c.labels, ...c.types })
            .map(([k, n]) => `${k} ${n}`)
            .join(', ')}\n`,
      );
      return 0;
    } catch (err) {
      progress.stop();
      if (err instanceof BackupError) throw new CommandError(`Backup failed: ${err.message}`);
      throw err;
    } finally {
      await database.close();
    }
  },
});
