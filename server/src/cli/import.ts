import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { SingleBar, Presets } from 'cli-progress';
import { openDatabase } from '../bootstrap';
import { loadConfig } from '../config';
import { Crosswalk } from '../import/crosswalk';
import { ImportFatalError, importFiles } from '../import/importer';
import type { ImportProgress, ImportSummary } from '../import/importer';
import { guessFormat, isFormatName, selectReader } from '../import/registry';
import { FORMAT_NAMES } from '../model/sources';
import { createLogger } from '../logger';
import { repoRoot } from '../paths';
import { stringify } from 'csv-stringify/sync';
import { runCommand, UsageError } from './command';

const USAGE = `Usage: peaceops import --format <name> [options] <file...>
       peaceops import --format <name> [options] - < file.csv      (standard input)

Formats: ${FORMAT_NAMES.join(', ')}

Options:
  --format <name>      the format of the files (required)
  --batch-size <n>     rows per transaction (default: IMPORT_BATCH_SIZE or 2000)
  --report <path>      write every rejected row (file, line, field, reason) to this CSV file
  --strict             validate each whole file first; write nothing from a file with any bad row
  --dry-run            validate only; write nothing
  --curated-dir <dir>  crosswalk tables (default: cypher/data/curated)

Exit codes: 0 all rows imported; 1 some rows rejected (the rest imported); 2 usage or fatal error;
130 interrupted (committed batches stay; run the same command again to complete the import).`;

runCommand({
  name: 'import',
  usage: USAGE,
  connects: true,
  failureCode: 2,
  options: {
    format: { type: 'string' },
    'batch-size': { type: 'string' },
    report: { type: 'string' },
    strict: { type: 'boolean', default: false },
    'dry-run': { type: 'boolean', default: false },
    'curated-dir': { type: 'string' },
  },
  run: async ({ values, positionals }) => {
    const format = values.format;
    if (!format || !isFormatName(format))
      throw new UsageError(
        `${format ? `Unknown format '${format}'.` : 'Missing --format.'} Formats: ${FORMAT_NAMES.join(', ')}`,
      );
    if (!positionals.length) throw new UsageError('No file given (use - for standard input).');
    const files = positionals.map((f) => (f === '-' ? stdinToFile() : f));
    const batchSizeText = values['batch-size'];
    const config = loadConfig();
    const batchSize = batchSizeText === undefined ? config.import.batchSize : Number(batchSizeText);
    if (!Number.isInteger(batchSize) || batchSize < 1)
      throw new UsageError(`--batch-size must be a positive whole number, got '${batchSizeText}'.`);

    const root = repoRoot();
    const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
    const crosswalk = Crosswalk.load(values['curated-dir'] ?? path.join(root, 'cypher', 'data', 'curated'));
    const database = await openDatabase(config, logger, root);
    const controller = new AbortController();
    const onSigint = () => {
      if (controller.signal.aborted) process.exit(130);
      process.stderr.write('\nInterrupted: stopping after the current batch (Ctrl-C again to quit at once).\n');
      controller.abort();
    };
    process.on('SIGINT', onSigint);
    process.on('SIGTERM', onSigint);
    const progress = createProgress();
    let summary: ImportSummary;
    try {
      summary = await importFiles(database.db, {
        format,
        files,
        selectReader: (file, header) => selectReader(format, file, header),
        guessFormat: (_file, header) => guessFormat(header),
        crosswalk,
        batchSize,
        strict: values.strict,
        dryRun: values['dry-run'],
        signal: controller.signal,
        onProgress: progress.update,
      });
    } catch (err) {
      if (err instanceof ImportFatalError) {
        process.stderr.write(`Error: ${err.message}\n`);
        return 2;
      }
      throw err;
    } finally {
      progress.stop();
      await database.close();
    }
    if (values.report) writeReport(values.report, summary);
    process.stdout.write(formatSummary(summary, values['dry-run'] ?? false));
    if (summary.interrupted) return 130;
    return summary.issues.length ? 1 : 0;
  },
});

/** Standard input saved to a file of its own (the importer reads files twice: to check, then to write). */
function stdinToFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'peaceops-import-'));
  const file = path.join(dir, 'stdin.csv');
  fs.writeFileSync(file, fs.readFileSync(0));
  return file;
}

/** A progress bar on a terminal (rows, rows/s, ETA); a plain line every few seconds otherwise. */
function createProgress(): { update: (p: ImportProgress) => void; stop: () => void } {
  const started = Date.now();
  if (process.stderr.isTTY) {
    const bar = new SingleBar(
      {
        format: '{file} [{bar}] {percentage}% | {rows} rows | {rate} rows/s | ETA {eta_formatted}',
        stream: process.stderr,
      },
      Presets.shades_classic,
    );
    let active = false;
    return {
      update: (p) => {
        const rate = Math.round(p.rowsRead / Math.max(0.001, (Date.now() - started) / 1000));
        if (!active) {
          bar.start(p.bytesTotal, 0, { file: p.file, rows: 0, rate: 0 });
          active = true;
        }
        bar.setTotal(p.bytesTotal);
        bar.update(p.bytesRead, { file: p.file, rows: p.rowsRead, rate });
      },
      stop: () => active && bar.stop(),
    };
  }
  let last = 0;
  return {
    update: (p) => {
      const now = Date.now();
      if (now - last < 5000 && p.bytesRead < p.bytesTotal) return;
      last = now;
      const pct = p.bytesTotal ? Math.round((100 * p.bytesRead) / p.bytesTotal) : 100;
      process.stderr.write(`${p.file}: ${pct}% (${p.rowsRead} rows)\n`);
    },
    stop: () => undefined,
  };
}

function formatSummary(s: ImportSummary, dryRun: boolean): string {
  const lines: string[] = [];
  for (const f of s.files) {
    lines.push(
      `${f.file} (${f.dataset}, ${f.version}): ${f.rowsRead} rows read, ${f.rowsImported} ${dryRun ? 'valid' : 'imported'}, ` +
        `${f.rowsRejected} rejected, ${f.rowsSkipped} skipped, ${f.rowsCorrected} corrected`,
    );
    for (const [reason, n] of Object.entries(f.skippedReasons)) lines.push(`  skipped ${n}: ${reason}`);
  }
  for (const c of s.corrections.slice(0, 20)) lines.push(`  corrected ${c.file}:${c.line} ${c.field}: ${c.reason}`);
  if (s.corrections.length > 20) lines.push(`  ... and ${s.corrections.length - 20} more corrections`);
  const shown = s.issues.slice(0, 20);
  for (const i of shown) lines.push(`  ${i.file}:${i.line} ${i.field}: ${i.reason}`);
  if (s.issues.length > shown.length)
    lines.push(`  ... and ${s.issues.length - shown.length} more (use --report <path> for all)`);
  const c = s.counters;
  const rate = Math.round(s.files.reduce((n, f) => n + f.rowsRead, 0) / Math.max(s.seconds, 0.001));
  lines.push(
    `${s.written ? '' : 'Nothing written. '}Nodes created ${c.nodesCreated}, relationships created ${c.relationshipsCreated}, ` +
      `properties set ${c.propertiesSet}; ${s.issues.length} problems; ${s.seconds.toFixed(1)} s (${rate} rows/s)` +
      (s.interrupted ? '; INTERRUPTED: run the same command again to complete the import' : ''),
  );
  return `${lines.join('\n')}\n`;
}

function writeReport(file: string, s: ImportSummary): void {
  fs.writeFileSync(
    file,
    stringify([['file', 'line', 'field', 'reason'], ...s.issues.map((i) => [i.file, i.line, i.field, i.reason])]),
  );
}
