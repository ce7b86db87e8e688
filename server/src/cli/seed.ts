import path from 'node:path';
import { runSeed } from '../import/seed';
import { runCommand } from './command';
import { withCommandDatabase } from './command-database';

/** `npm run seed`: builds the shipped graph from cypher/data (idempotent: running it again changes nothing). */
const USAGE = `Usage: peaceops seed

Builds the shipped graph from cypher/data: every source file and the curated tables (idempotent: running it
again changes nothing). Prints a line per file; exit 1 when a row was rejected, 130 when interrupted.`;

runCommand({
  name: 'seed',
  usage: USAGE,
  connects: true,
  failureCode: 1,
  options: {},
  run: () =>
    withCommandDatabase(async ({ config, logger, root, database }) => {
      const controller = new AbortController();
      process.once('SIGINT', () => controller.abort());
      const started = Date.now();
      const summaries = await runSeed(database.db, {
        dataDir: path.join(root, 'cypher', 'data'),
        batchSize: config.import.batchSize,
        logger,
        signal: controller.signal,
      });
      let rejected = 0;
      for (const s of summaries) {
        for (const f of s.files) {
          process.stdout.write(
            `${s.format.padEnd(20)} ${f.file}: ${f.rowsRead} rows, ${f.rowsImported} imported, ${f.rowsRejected} rejected, ${f.rowsSkipped} skipped, ${f.rowsCorrected} corrected\n`,
          );
        }
        for (const c of s.corrections.slice(0, 20))
          process.stdout.write(`  corrected ${c.file}:${c.line} ${c.field}: ${c.reason}\n`);
        if (s.corrections.length > 20) process.stdout.write(`  ... ${s.corrections.length - 20} more corrections\n`);
        for (const i of s.issues.slice(0, 10)) process.stdout.write(`  ${i.file}:${i.line} ${i.field}: ${i.reason}\n`);
        if (s.issues.length > 10) process.stdout.write(`  ... ${s.issues.length - 10} more\n`);
        rejected += s.issues.length;
      }
      process.stdout.write(`Seeded in ${((Date.now() - started) / 1000).toFixed(1)} s; ${rejected} problems.\n`);
      return controller.signal.aborted ? 130 : rejected ? 1 : 0;
    }),
});
