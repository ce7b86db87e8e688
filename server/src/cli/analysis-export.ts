import 'reflect-metadata';
import path from 'node:path';
import { openDatabase } from '../bootstrap';
import { loadConfig } from '../config';
import { createLogger } from '../logger';
import { exportPanels } from '../modules/analytics/panel';
import { repoRoot } from '../paths';
import { OPTIONS, settingsFrom, USAGE } from './analysis-export-args';
import { runCommand } from './command';

/** `peaceops analysis:export --out <dir>`: the analysis panels and their codebook. */
runCommand({
  name: 'analysis:export',
  usage: USAGE,
  connects: true,
  failureCode: 2,
  options: OPTIONS,
  run: async ({ values }) => {
    const { outDir, settings } = settingsFrom(values);
    const config = loadConfig();
    const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
    const root = repoRoot();
    const database = await openDatabase(config, logger, root);
    try {
      const started = Date.now();
      const summary = await exportPanels(database.db, settings, path.resolve(outDir), (msg) => process.stderr.write(`${msg}\n`));
      process.stdout.write(
        `Wrote ${summary.dyadYears} dyad-years, ${summary.missionPairs} mission pairs, ${summary.years} years and ${summary.contributions} contributions to ${path.resolve(outDir)} ` +
          `in ${((Date.now() - started) / 1000).toFixed(1)} s:\n` +
          Object.values(summary.files).map((f) => `  ${f}\n`).join(''),
      );
      return 0;
    } finally {
      await database.close();
    }
  },
});
