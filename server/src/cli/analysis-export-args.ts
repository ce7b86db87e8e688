/** The options of `peaceops analysis:export` and their checks (apart from the command, so that tests can use them). */
import { parseArgs } from 'node:util';
import { AnalysisUnit, MembershipStatus, UNIVERSES } from '../modules/analytics/analytics.args';
import type { PanelSettings } from '../modules/analytics/panel';
import { UsageError } from './command';

export const USAGE = `Usage: peaceops analysis:export --out <dir> [options]

Writes to <dir>, in long, tidy form: dyad_years.csv (with dyad_year_units.csv), mission_pairs.csv (with
mission_pair_units.csv and mission_organizations.csv), mspo_years.csv, contributions.csv (state x mission x period
x source), and their codebook as codebook.md and codebook.json (version, commit, dataset SHA-256s, columns).

  --out <dir>                 where to write (created if needed)
  --from <year>               first year (default 1990)
  --to <year>                 last year (default 2024)
  --universe <source>         count only missions recorded by this import source (${UNIVERSES.join(', ')})
  --unit CONFLICT|HOST_STATE  what missions share to be deployed together (default CONFLICT)
  --window <days>             sequential window (default 180)
  --same-organization         a variant: mission pairs of one organization's missions too (default: only
                              pairs of different sets of organizations, the field's rule)
  --statuses <list>           membership statuses, comma-separated (default full; also associate, observer)
`;

/** The command's options (parseArgs); each is checked and turned into the panel settings by settingsFrom. */
export const OPTIONS = {
  out: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  universe: { type: 'string' },
  unit: { type: 'string' },
  window: { type: 'string' },
  'different-organization': { type: 'boolean' }, // the default; kept for scripts written before it was
  'same-organization': { type: 'boolean' },
  statuses: { type: 'string' },
} as const;

export type ExportValues = {
  [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K]['type'] extends 'string' ? string : boolean;
};

/** Reads a command line (without the command's name) into the panel settings and the output folder. */
export function parseExportArgs(argv: string[]): { outDir: string; settings: PanelSettings } {
  let values: ExportValues;
  try {
    values = parseArgs({ args: argv, options: OPTIONS, strict: true }).values;
  } catch (err) {
    throw new UsageError(`Unknown argument: ${(err as Error).message}`);
  }
  return settingsFrom(values);
}

/** Checks the options and turns them into the panel settings and the output folder. */
export function settingsFrom(v: ExportValues): { outDir: string; settings: PanelSettings } {
  const year = (flag: string, text: string | undefined, fallback: number): number => {
    if (text === undefined) return fallback;
    if (!/^\d{4}$/.test(text)) throw new UsageError(`${flag} needs a year (YYYY), got '${text}'.`);
    return Number(text);
  };
  if (v.universe !== undefined && !(UNIVERSES as readonly string[]).includes(v.universe))
    throw new UsageError(`--universe must be one of ${UNIVERSES.join(', ')}, got '${v.universe}'.`);
  const unit =
    v.unit === undefined
      ? AnalysisUnit.CONFLICT
      : Object.values(AnalysisUnit).find((u) => u === (v.unit as AnalysisUnit));
  if (!unit) throw new UsageError(`--unit must be CONFLICT or HOST_STATE, got '${v.unit}'.`);
  if (v.window !== undefined && (!/^\d{1,4}$/.test(v.window) || Number(v.window) > 3650))
    throw new UsageError(`--window needs a number of days (0 to 3650), got '${v.window}'.`);
  const all = Object.values(MembershipStatus) as string[];
  const statuses =
    v.statuses === undefined
      ? [MembershipStatus.FULL]
      : [
          ...new Set(
            v.statuses
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean),
          ),
        ];
  if (!statuses.length || statuses.some((s) => !all.includes(s)))
    throw new UsageError(`--statuses takes a comma-separated list of ${all.join(', ')}.`);
  if (!v.out) throw new UsageError('--out <dir> is required.');
  const settings: PanelSettings = {
    universe: v.universe ?? null,
    unit,
    fromYear: year('--from', v.from, 1990),
    toYear: year('--to', v.to, 2024),
    windowDays: v.window === undefined ? 180 : Number(v.window),
    differentOrganization: !v['same-organization'],
    statuses: statuses as MembershipStatus[],
  };
  if (settings.toYear < settings.fromYear) throw new UsageError('--to is before --from.');
  return { outDir: v.out, settings };
}
