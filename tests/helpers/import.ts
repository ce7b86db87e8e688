import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from '../../server/src/db/database';
import { Crosswalk } from '../../server/src/import/crosswalk';
import { importFiles } from '../../server/src/import/importer';
import type { ImportOptions, ImportSummary } from '../../server/src/import/importer';
import { guessFormat, selectReader } from '../../server/src/import/registry';
import type { FormatName } from '../../server/src/model/sources';
import { REPO_ROOT } from './db';

export const CURATED_DIR = path.join(REPO_ROOT, 'cypher', 'data', 'curated');

/** Runs the importer in-process, as `npm run import` does. */
export function runImport(
  db: Database,
  format: FormatName,
  files: string[],
  extra: Partial<ImportOptions> = {},
): Promise<ImportSummary> {
  return importFiles(db, {
    format,
    files,
    selectReader: (file, header) => selectReader(format, file, header),
    guessFormat: (_f, header) => guessFormat(header),
    crosswalk: extra.crosswalk ?? Crosswalk.load(CURATED_DIR),
    batchSize: 500,
    ...extra,
  });
}

/** Writes a file into a fresh temporary folder and returns its path. */
export function tempFile(name: string, content: string | Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'peaceops-import-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}
