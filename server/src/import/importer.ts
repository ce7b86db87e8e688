import fs from 'node:fs';
import type { Database } from '../db/database';
import { deriveSummaries } from './derive';
import { importFile } from './file-import';
import type { ImportOptions, ImportSummary } from './import-summary';
import { ImportFatalError, zeroCounters } from './import-summary';

export { ImportFatalError } from './import-summary';
export type { FileSummary, ImportOptions, ImportProgress, ImportSummary } from './import-summary';
export { MAX_FIELD_CHARS } from './row-checks';

/**
 * Imports files of one format: streams each file, maps every row through the format's reader, and writes the
 * resulting ops in batches (one transaction each; file-import.ts). Bad rows are reported with file, line, field
 * and reason and never stop good ones; values a reader corrects (a swapped coordinate pair) are reported the
 * same way in `corrections`; `strict` and `dryRun` validate the whole file before anything is written. The
 * summaries derived from what was written are refreshed once, at the end (unless `deferDerived`).
 */
export async function importFiles(db: Database, opts: ImportOptions): Promise<ImportSummary> {
  const started = Date.now();
  const summary: ImportSummary = {
    format: opts.format,
    files: [],
    issues: [],
    corrections: [],
    counters: zeroCounters(),
    seconds: 0,
    written: false,
    typesWritten: [],
    contributionMissions: [],
    interrupted: false,
  };
  for (const file of opts.files) {
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new ImportFatalError(`${file}: no such file`);
  }
  for (const file of opts.files) {
    if (opts.signal?.aborted) {
      summary.interrupted = true;
      break;
    }
    const validateFirst = opts.strict || opts.dryRun;
    if (validateFirst) {
      const correctionsBefore = summary.corrections.length;
      const check = await importFile(db, file, opts, summary, 'validate');
      if (opts.dryRun || check.rowsRejected > 0) {
        summary.files.push(check);
        continue;
      }
      summary.issues.length = 0;
      summary.corrections.length = correctionsBefore; // the write pass reports them again
    }
    summary.files.push(await importFile(db, file, opts, summary, 'write'));
    if (summary.interrupted) break;
  }
  if (summary.written && !opts.deferDerived)
    await deriveSummaries(db, new Set(summary.typesWritten), summary.contributionMissions);
  summary.seconds = (Date.now() - started) / 1000;
  return summary;
}
