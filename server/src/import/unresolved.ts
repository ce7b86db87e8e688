import fs from 'node:fs';
import path from 'node:path';
import { Crosswalk } from './crosswalk';
import { FieldReader } from './fields';
import { selectReader } from './registry';
import { SEED_PLAN } from './seed';
import { readCsv } from './source-file';

/** An entity name a source writes that no crosswalk resolves. */
export interface UnresolvedName {
  format: string;
  file: string;
  field: string;
  reason: string;
  rows: number;
  firstLine: number;
}

/**
 * Runs every reader of the seed over its files without a database and collects the names that do not
 * resolve (the errors that say "unknown"), grouped by format, field and reason.
 */
export async function findUnresolvedNames(dataDir: string): Promise<UnresolvedName[]> {
  const crosswalk = Crosswalk.load(path.join(dataDir, 'curated'));
  const found = new Map<string, UnresolvedName>();
  for (const step of SEED_PLAN) {
    for (const rel of step.files) {
      const file = path.join(dataDir, rel);
      if (!fs.existsSync(file)) continue;
      let header: string[] | undefined;
      records: for await (const batch of readCsv(file, { onBadRecord: () => undefined })) {
        for (const rec of batch) {
          if (!header) {
            header = rec.fields.map((h) => h.trim());
            continue;
          }
          const reader = selectReader(step.format, file, header);
          if (!reader) break records;
          const row: Record<string, string> = {};
          header.forEach((h, i) => (row[h] = rec.fields[i] ?? ''));
          const res = reader.mapRow(new FieldReader(row), { line: rec.line, file: path.basename(file), crosswalk });
          for (const e of res.errors) {
            if (!/unknown|not resolve|unresolved/i.test(e.reason)) continue;
            const key = `${step.format}|${file}|${e.field}|${e.reason}`;
            const hit = found.get(key);
            if (hit) hit.rows += 1;
            else
              found.set(key, {
                format: step.format,
                file: path.basename(file),
                field: e.field,
                reason: e.reason,
                rows: 1,
                firstLine: rec.line,
              });
          }
        }
      }
    }
  }
  return [...found.values()];
}
