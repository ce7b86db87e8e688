import 'reflect-metadata';
import path from 'node:path';
import { openDatabase } from '../bootstrap';
import { loadConfig } from '../config';
import { createLogger } from '../logger';
import { AnalysisUnit, MembershipStatus, UNIVERSES } from '../modules/analytics/analytics.args';
import { exportPanels } from '../modules/analytics/panel';
import type { PanelSettings } from '../modules/analytics/panel';
import { repoRoot } from '../paths';
import { runMain } from './run-main';

const USAGE = `Usage: npm run analysis:export -- --out <dir> [options]

Writes dyad_years.csv, mission_pairs.csv, mspo_years.csv and codebook.md to <dir>.

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

class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(message: string) {
    super(`${message}\n\n${USAGE}`);
  }
}

/** Reads the command line into the panel settings and the output folder. */
export function parseExportArgs(argv: string[]): { outDir: string; settings: PanelSettings } {
  const settings: PanelSettings = {
    universe: null,
    unit: AnalysisUnit.CONFLICT,
    fromYear: 1990,
    toYear: 2024,
    windowDays: 180,
    differentOrganization: true,
    statuses: [MembershipStatus.FULL],
  };
  let outDir: string | null = null;
  const year = (flag: string, v: string | undefined) => {
    if (!v || !/^\d{4}$/.test(v)) throw new UsageError(`${flag} needs a year (YYYY), got '${v ?? ''}'.`);
    return Number(v);
  };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    const value = () => {
      i += 1;
      return argv[i];
    };
    switch (flag) {
      case '--out':
        outDir = value() ?? null;
        break;
      case '--from':
        settings.fromYear = year(flag, value());
        break;
      case '--to':
        settings.toYear = year(flag, value());
        break;
      case '--universe': {
        const v = value() ?? '';
        if (!(UNIVERSES as readonly string[]).includes(v)) throw new UsageError(`--universe must be one of ${UNIVERSES.join(', ')}, got '${v}'.`);
        settings.universe = v;
        break;
      }
      case '--unit': {
        const v = value() ?? '';
        const unit = Object.values(AnalysisUnit).find((u) => u === (v as AnalysisUnit));
        if (!unit) throw new UsageError(`--unit must be CONFLICT or HOST_STATE, got '${v}'.`);
        settings.unit = unit;
        break;
      }
      case '--window': {
        const v = value() ?? '';
        if (!/^\d{1,4}$/.test(v) || Number(v) > 3650) throw new UsageError(`--window needs a number of days (0 to 3650), got '${v}'.`);
        settings.windowDays = Number(v);
        break;
      }
      case '--different-organization': // the default; kept for scripts written before it was
        settings.differentOrganization = true;
        break;
      case '--same-organization':
        settings.differentOrganization = false;
        break;
      case '--statuses': {
        const all = Object.values(MembershipStatus) as string[];
        const items = (value() ?? '').split(',').map((s) => s.trim()).filter(Boolean);
        if (!items.length || items.some((s) => !all.includes(s))) throw new UsageError(`--statuses takes a comma-separated list of ${all.join(', ')}.`);
        settings.statuses = [...new Set(items)] as MembershipStatus[];
        break;
      }
      case '--help':
      case '-h':
        throw new UsageError('Help.');
      default:
        throw new UsageError(`Unknown argument '${flag}'.`);
    }
  }
  if (!outDir) throw new UsageError('--out <dir> is required.');
  if (settings.toYear < settings.fromYear) throw new UsageError('--to is before --from.');
  return { outDir, settings };
}

/** `npm run analysis:export -- --out <dir>`: the analysis panels and their codebook. */
if (require.main === module) {
  runMain(async () => {
    const { outDir, settings } = parseExportArgs(process.argv.slice(2));
    const config = loadConfig();
    const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
    const root = repoRoot();
    const database = await openDatabase(config, logger, root);
    try {
      const started = Date.now();
      const summary = await exportPanels(database.db, settings, path.resolve(outDir), (msg) => process.stdout.write(`${msg}\n`));
      process.stdout.write(
        `Wrote ${summary.dyadYears} dyad-years, ${summary.missionPairs} mission pairs and ${summary.years} years to ${path.resolve(outDir)} ` +
          `in ${((Date.now() - started) / 1000).toFixed(1)} s:\n` +
          Object.values(summary.files).map((f) => `  ${f}\n`).join(''),
      );
      return 0;
    } finally {
      await database.close();
    }
  }, 2);
}
