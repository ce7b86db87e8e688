/**
 * `node dist/tests/bench/merge.js <base results.json> <supplement results.json> <scale>...`: adds the named scales
 * of a second benchmark run (for example scale 100, which takes long to build) to the results of a first run,
 * or, for a scale the first run has, replaces the sections the second run measured (`--only import`); notes
 * where they came from, and writes bench/results.json and BENCHMARKS.md again.
 */
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../server/src/paths';
import { keepPreviousView, runOf } from './previous';
import { writeReport } from './report';

type Results = Record<string, any>;

/** The sections of a scale, as the report names them. */
const SECTION_NAMES: Record<string, string> = {
  families: 'Query families',
  versusNeo4jGraphQL: 'versus @neo4j/graphql',
  importThroughput: 'import',
  networkView: 'network view',
  analytics: 'analytics',
};

function main(): void {
  const [basePath, extraPath, ...scales] = process.argv.slice(2);
  if (!basePath || !extraPath || !scales.length) throw new Error('usage: merge <base results.json> <supplement results.json> <scale>...');
  const base = JSON.parse(fs.readFileSync(basePath, 'utf8')) as Results;
  const extra = JSON.parse(fs.readFileSync(extraPath, 'utf8')) as Results;
  const sections = new Set<string>();
  for (const scale of scales) {
    if (!extra.scales?.[scale]) throw new Error(`${extraPath} has no scale ${scale}`);
    // The supplement's sections of the scale replace the base's; the others are kept. Query families keep the
    // fixed HTTP cost measured in the same run.
    const measured = { ...extra.scales[scale], ...(extra.scales[scale].families && extra.httpFixedCost ? { httpFixedCost: extra.httpFixedCost } : {}) };
    if (measured.networkView) measured.networkView = { ...measured.networkView, run: measured.networkView.run ?? runOf(extra) };
    // The network view's figures that the supplement replaces stay beside the new ones.
    keepPreviousView(base.scales[scale], measured, runOf(base));
    base.scales[scale] = { ...(base.scales[scale] ?? {}), ...measured };
    for (const key of Object.keys(extra.scales[scale])) if (SECTION_NAMES[key]) sections.add(SECTION_NAMES[key]);
  }
  if (extra.load) sections.add('load test');
  // A load test of the supplement ran on its largest scale.
  if (extra.load) base.supplementLoads = [...(base.supplementLoads ?? []), { ...extra.load, scale: extra.load.scale ?? Math.max(...scales.map(Number)) }];
  base.supplements = [
    ...(base.supplements ?? []),
    { what: `${[...sections].join(', ') || 'Nothing'} at scale ${scales.join(', ')}`, command: extra.command, date: extra.date, commit: extra.commit, note: extra.note, mergedBy: `node dist/tests/bench/merge.js ${path.basename(basePath)} ${path.basename(extraPath)} ${scales.join(' ')}` },
  ];
  const root = repoRoot();
  fs.writeFileSync(path.join(root, 'bench', 'results.json'), `${JSON.stringify(base, null, 2)}\n`);
  writeReport(path.join(root, 'BENCHMARKS.md'), base);
}

main();
