import 'reflect-metadata';
import path from 'node:path';
import { exportPanels } from '../modules/analytics/panel';
import { OPTIONS, settingsFrom, USAGE } from './analysis-export-args';
import { runCommand } from './command';
import { withCommandDatabase } from './command-database';

/** `peaceops analysis:export --out <dir>`: the analysis panels and their codebook. */
runCommand({
  name: 'analysis:export',
  usage: USAGE,
  connects: true,
  failureCode: 2,
  options: OPTIONS,
  run: ({ values }) =>
    withCommandDatabase(async ({ database }) => {
      const { outDir, settings } = settingsFrom(values);
      const started = Date.now();
      const summary = await exportPanels(database.db, settings, path.resolve(outDir), (msg) =>
        process.stderr.write(`${msg}\n`),
      );
      process.stdout.write(
        `Wrote ${summary.dyadYears} dyad-years, ${summary.missionPairs} mission pairs, ${summary.years} years and ${summary.contributions} contributions to ${path.resolve(outDir)} ` +
          `in ${((Date.now() - started) / 1000).toFixed(1)} s:\n` +
          Object.values(summary.files)
            .map((f) => `  ${f}\n`)
            .join(''),
      );
      return 0;
    }, 'quiet'),
});
