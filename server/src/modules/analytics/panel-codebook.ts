/**
 * The codebook of the analysis panels, twice: codebook.md for people and codebook.json for programs. Both are made
 * from the same column lists as the CSV headers, and both record where the numbers come from: the project's
 * version, the git commit, the export's date, and each imported dataset with its SHA-256.
 */
import { execFileSync } from 'node:child_process';
import type { Database } from '../../db/database';
import { DatasetRepository } from '../dataset/dataset.repository';
import type { Dataset } from '../dataset/dataset.type';
import { projectVersion } from '../../version';
import type { PanelColumn, PanelSettings } from './panel-columns';

/** One file of the export, as the codebooks describe it. */
export interface PanelFileSpec {
  /** The file name (dyad_years.csv). */
  file: string;
  /** What one row is. */
  description: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the columns of any panel
  columns: PanelColumn<any>[];
  rows: number;
}

/** Where an export comes from. */
export interface Provenance {
  project: { name: string; version: string };
  /** `git rev-parse HEAD` of the working tree, null without git (an installed build). */
  commit: string | null;
  /** Whether tracked files differ from that commit; null without git. */
  commitDirty: boolean | null;
  /** When the export was made (ISO 8601, UTC). */
  exportedAt: string;
  datasets: Dataset[];
}

function git(root: string, args: string[]): string | null {
  try {
    return execFileSync('git', args, {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 10_000,
    }).trim();
  } catch {
    return null;
  }
}

/** The commit of the working tree at `root`, and whether tracked files were changed since (nulls without git). */
export function gitCommit(root: string): { commit: string | null; dirty: boolean | null } {
  const commit = git(root, ['rev-parse', 'HEAD']);
  if (!commit || !/^[0-9a-f]{40}$/.test(commit)) return { commit: null, dirty: null };
  const status = git(root, ['status', '--porcelain', '--untracked-files=no']);
  return { commit, dirty: status === null ? null : status.length > 0 };
}

/** The provenance of an export made now from the graph in `db` and the code at `root`. */
export async function readProvenance(db: Database, root: string, now: Date = new Date()): Promise<Provenance> {
  const { commit, dirty } = gitCommit(root);
  return {
    project: projectVersion(),
    commit,
    commitDirty: dirty,
    exportedAt: now.toISOString(),
    datasets: await new DatasetRepository(db).all(),
  };
}

const CONVENTIONS = [
  'UTF-8, comma-separated, one header row, RFC 4180 quoting, LF line ends (written by csv-stringify).',
  'Column names are valid Stata names (letters, digits and _, beginning with a letter, at most 32 characters), unique in each file.',
  'Missing values are empty fields (R: `read.csv(..., na.strings = "")`; pandas reads them as NaN; Stata as missing). An unknown figure is never written as 0.',
  'Booleans are 1 or 0. Decimals have at most 6 digits after the point.',
  'No cell holds a list: a fixed vocabulary is one 0/1 column per value (cooperation_handover, link_support, ...), an open list is a long file of its own (dyad_year_units.csv, mission_pair_units.csv, mission_organizations.csv) with a count in the panel.',
  'Dates are ISO 8601 (YYYY-MM-DD); a date the sources give as a year or month is widened to its first day (starts) or last day (ends).',
  "Organization ids are the graph's (UN, EU, AU, STATE-FRA, COALITION-...), with their COW IGO numbers beside them; units are UCDP conflicts (ucdp-309, with the integer ucdp_conflict_id 309) or host states (ISO-3, with the COW state number).",
];

/** codebook.md: provenance, settings, conventions and every column of every file. */
export function codebookMarkdown(
  settings: PanelSettings,
  universeText: string,
  files: PanelFileSpec[],
  provenance: Provenance,
): string {
  const table = (columns: PanelColumn<unknown>[]) =>
    [
      '| column | type | definition |',
      '| --- | --- | --- |',
      ...columns.map((c) => `| \`${c.name}\` | ${c.type} | ${c.description.replace(/\|/g, '\\|')} |`),
    ].join('\n');
  const datasets = provenance.datasets.length
    ? [
        '| dataset | version | SHA-256 | imported |',
        '| --- | --- | --- | --- |',
        ...provenance.datasets.map((d) => `| \`${d.id}\` | ${d.version} | \`${d.sha256}\` | ${d.importedAt} |`),
      ].join('\n')
    : 'The graph records no imported dataset.';
  return `# Codebook: peace-operations analysis panels

Made by \`peaceops analysis:export\` from the graph, with the measures of the Methods (cypher/analysis/METHODS.md) (their
Cypher is in \`cypher/analysis/\`). codebook.json beside this file says the same for programs.

## Provenance

- ${provenance.project.name} ${provenance.project.version}, commit ${provenance.commit ?? 'unknown (no git)'}${provenance.commitDirty ? ' with uncommitted changes' : ''}.
- Exported ${provenance.exportedAt}.

${datasets}

## Settings

- Universe: ${settings.universe ?? 'the whole graph'}. ${universeText}
- Unit: ${settings.unit}. Years: ${settings.fromYear} to ${settings.toYear}.
- Sequential window: ${settings.windowDays} days. Mission pairs restricted to different organizations: ${settings.differentOrganization ? 'yes' : 'no'}.
- Membership statuses counted: ${settings.statuses.join(', ')}.

## Conventions

${CONVENTIONS.map((c) => `- ${c}`).join('\n')}
${files.map((f) => `\n## ${f.file} (${f.rows} rows)\n\n${f.description}\n\n${table(f.columns)}\n`).join('')}`;
}

/** codebook.json: the same for programs (provenance, settings, and each file's columns with name, type and description). */
export function codebookJson(
  settings: PanelSettings,
  universeText: string,
  files: PanelFileSpec[],
  provenance: Provenance,
): string {
  const doc = {
    title: 'Codebook: peace-operations analysis panels',
    project: provenance.project,
    commit: provenance.commit,
    commitDirty: provenance.commitDirty,
    exportedAt: provenance.exportedAt,
    datasets: provenance.datasets.map((d) => ({
      id: d.id,
      format: d.format,
      file: d.file,
      version: d.version,
      sha256: d.sha256,
      importedAt: d.importedAt,
      rowsImported: d.rowsImported,
    })),
    settings: { ...settings, universeDescription: universeText },
    conventions: CONVENTIONS,
    files: files.map((f) => ({
      file: f.file,
      rows: f.rows,
      description: f.description,
      columns: f.columns.map((c) => ({ name: c.name, type: c.type, description: c.description })),
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
