import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../db/database';
import type { Logger } from '../logger';
import { CURATED_TABLES } from './curated/tables';
import { Crosswalk } from './crosswalk';
import { deriveSummaries } from './derive';
import { importFiles } from './importer';
import type { ImportSummary } from './importer';
import { guessFormat, selectReader } from './registry';
import type { FormatName } from '../model/sources';

/** One step of the seed: a format and its files, relative to `cypher/data`. */
export interface SeedStep {
  format: FormatName;
  files: string[];
}

/**
 * The shipped graph, in order: the curated tables first (they are the authority on names and dates, and
 * create the organizations, states and missions the sources refer to), then the public sources.
 */
export const SEED_PLAN: readonly SeedStep[] = [
  { format: 'curated', files: CURATED_TABLES.map(([name]) => `curated/${name}`) },
  { format: 'cow-states', files: ['sources/cow-igo-v3/cow_states2016.csv'] },
  {
    format: 'cow-igo',
    files: ['sources/cow-igo-v3/cow_igo_v3_organizations.csv', 'sources/cow-igo-v3/cow_igo_v3_membership_spells.csv'],
  },
  { format: 'ucdp-acd', files: ['sources/ucdp-prio-acd/UcdpPrioConflict_v23_1.csv'] },
  { format: 'un-pko-list', files: ['sources/un-supplementary/un_psdata_DPPADPOSS-PKO.csv'] },
  { format: 'bara-hultman', files: ['sources/sipri-bara-hultman/un_nonun_peacekeeping_v2-2019.csv'] },
  { format: 'ipi-missions', files: ['sources/ipi-peacekeeping/ipi_data_mission_1990-11_to_2017-03.csv'] },
  { format: 'ipi-contributions', files: ['sources/ipi-peacekeeping/ipi_gender_full_2009-11_to_2012-12.csv'] },
  { format: 'ipi-snapshot', files: ['sources/ipi-peacekeeping/ipi_contributions_2014-03_snapshot.csv'] },
  { format: 'geopko-tcc', files: ['sources/un-supplementary/geopko_TCCMap_v2.3.csv'] },
  {
    format: 'un-country-by-year',
    files: ['sources/un-supplementary/un_country_mission_year_2010-2021_CountryByYear.csv'],
  },
];

/** Whether the graph holds no peace-operations data yet (schema-only or brand new). */
export async function isGraphEmpty(db: Database): Promise<boolean> {
  const rows = await db.read<{ n: number }>('MATCH (n) WHERE n:Organization OR n:Mission RETURN count(n) AS n');
  return (rows[0]?.n ?? 0) === 0;
}

/**
 * Builds the shipped graph from `cypher/data` with the import engine: deterministic and idempotent. The
 * derived summaries are refreshed once, after the last step (or the step an interruption stopped at).
 */
export async function runSeed(
  db: Database,
  opts: { dataDir: string; batchSize: number; logger: Logger; signal?: AbortSignal },
): Promise<ImportSummary[]> {
  const crosswalk = Crosswalk.load(path.join(opts.dataDir, 'curated'));
  const summaries: ImportSummary[] = [];
  const typesWritten = new Set<string>();
  const contributionMissions = new Set<string>();
  for (const step of SEED_PLAN) {
    const files = step.files.map((f) => path.join(opts.dataDir, f)).filter((f) => fs.existsSync(f));
    const summary = await importFiles(db, {
      format: step.format,
      files,
      selectReader: (file, header) => selectReader(step.format, file, header),
      guessFormat: (_f, header) => guessFormat(header),
      crosswalk,
      batchSize: opts.batchSize,
      signal: opts.signal,
      deferDerived: true,
    });
    for (const t of summary.typesWritten) typesWritten.add(t);
    for (const m of summary.contributionMissions) contributionMissions.add(m);
    const rows = summary.files.reduce((n, f) => n + f.rowsRead, 0);
    opts.logger.info(
      {
        format: step.format,
        files: files.length,
        rows,
        rejected: summary.issues.length,
        corrected: summary.corrections.length,
        seconds: summary.seconds,
      },
      'seed step done',
    );
    summaries.push(summary);
    if (summary.interrupted) break;
  }
  await deriveSummaries(db, typesWritten, [...contributionMissions]);
  return summaries;
}
