/**
 * `npm run bench`: measures the API side by side with its limits and alternatives, on the real graph scaled
 * by 1, 10 and 100, and writes bench/results.json and BENCHMARKS.md. Not a test: it prints figures.
 *   npm run bench -- [--scales 1,10,100] [--runs 40] [--only families,...] [--families network,...]
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../server/src/config';
import { startLocalNeo4j } from '../../server/src/db/local-neo4j';
import { applySchema } from '../../server/src/db/schema';
import { startApp } from '../../server/src/http/app';
import { Crosswalk } from '../../server/src/import/crosswalk';
import { importFiles } from '../../server/src/import/importer';
import { guessFormat, selectReader } from '../../server/src/import/registry';
import { runSeed } from '../../server/src/import/seed';
import { createLogger } from '../../server/src/logger';
import { repoRoot } from '../../server/src/paths';
import { buildGraphQLSchema } from '../../server/src/schema';
import { analyticsFigures } from './analytics';
import { interleaved, round } from './measure';
import { startBareEndpoint } from './bare-endpoint';
import { networkViewFigures } from './browser';
import { queryFamilies } from './families';
import { graphqlClient } from './http-client';
import { loadTest, memoryFigures } from './load';
import { neo4jGraphQLSchema } from './neo4j-graphql';
import { keepPreviousView, runOf } from './previous';
import { RecordingDatabase } from './recording-database';
import { writeReport } from './report';
import { graphSize, replicate } from './scale';
import { keptVersusLive, marksWithinVersusWhole, refreshAggregates } from './aggregates';
import { versusNeo4jGraphQL } from './versus';

const ROOT = repoRoot();
const logger = createLogger('warn', 'bench');

/** The parts of the benchmark; `--only` runs some of them. */
const SECTIONS = ['import', 'roundtrips', 'families', 'versus', 'browser', 'load', 'analytics'] as const;
type Section = (typeof SECTIONS)[number];

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { scales: { type: 'string', default: '1,10,100' }, runs: { type: 'string', default: '40' }, only: { type: 'string', default: SECTIONS.join(',') }, families: { type: 'string' } },
  });
  // `--families network,coDeployments`: only the query families whose names start with one of these.
  const familyNames = values.families ? values.families.split(',').filter(Boolean) : null;
  const scales = (values.scales ?? '1,10,100').split(',').map(Number);
  const runs = Number(values.runs);
  const only = new Set((values.only ?? '').split(',').filter(Boolean));
  const unknown = [...only].filter((x) => !(SECTIONS as readonly string[]).includes(x));
  if (unknown.length) throw new Error(`--only takes ${SECTIONS.join(', ')}; not ${unknown.join(', ')}`);
  const wants = (section: Section) => only.has(section);
  const started = new Date();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'peaceops-bench-'));
  const local = await startLocalNeo4j({
    repoRoot: ROOT,
    dataDir,
    boltPort: Number(process.env.BENCH_NEO4J_BOLT_PORT ?? 7751),
    pageCacheMb: 2048,
    heapMb: 4096,
    txTimeoutMs: 600_000,
    startTimeoutS: 300,
    logger,
  });
  // The network view served from client/dist, or from CLIENT_DIST_DIR (a build made elsewhere). The request budget
  // as long as the transaction timeout (on a loaded machine a traversal at 10x once took over the default 10 s and
  // ended the run; the budget's own test is in tests/integration), or GRAPHQL_REQUEST_BUDGET_MS where given.
  const fromEnv = Object.fromEntries(['CLIENT_DIST_DIR', 'GRAPHQL_REQUEST_BUDGET_MS'].filter((k) => process.env[k]).map((k) => [k, process.env[k]]));
  const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', NEO4J_URI: local.uri, PORT: '0', NEO4J_TX_TIMEOUT_MS: '600000', GRAPHQL_REQUEST_BUDGET_MS: '600000', ...fromEnv });
  const db = new RecordingDatabase({ ...config.neo4j, logger });
  const results: Record<string, unknown> = {
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGiB: round(os.totalmem() / 2 ** 30, 1), node: process.version, neo4j: local.version },
    date: started.toISOString(),
    commit: gitCommit(),
    command: `npm run bench -- --scales ${scales.join(',')} --runs ${runs}${only.size < SECTIONS.length ? ` --only ${[...only].join(',')}` : ''}${familyNames ? ` --families ${familyNames.join(',')}` : ''}`,
    runs,
  };
  const log = (msg: string) => process.stdout.write(`${msg}\n`);
  // Servers started below, stopped in `finally`: a run that fails must end, not wait on their open sockets.
  const servers: { stop(): Promise<void> }[] = [];
  try {
    await applySchema(db, ROOT);
    log('seeding the real graph (scale 1)...');
    await runSeed(db, { dataDir: path.join(ROOT, 'cypher', 'data'), batchSize: 2000, logger });
    const app = await startApp({ config, db, logger, repoRoot: ROOT });
    servers.push(app);
    const schema = await buildGraphQLSchema();
    const neoSchema = await neo4jGraphQLSchema(db.driver);
    const http = graphqlClient(app.url);
    const bare = await startBareEndpoint(db);
    servers.push(bare);

    // The fixed cost of one request through HTTP and Apollo, without any database work.
    const [fixed] = await interleaved([() => http('{ __typename }')], runs * 2);
    results.httpFixedCost = fixed;
    log(`fixed cost of an HTTP request ({ __typename }): median ${fixed?.median.toFixed(2)} ms`);
    if (wants('roundtrips')) results.roundTrips = await roundTrips(db, http);
    const byScale: Record<string, unknown> = {};
    let current = 1;
    let aggregateRefresh: Awaited<ReturnType<typeof refreshAggregates>> | undefined;
    for (const scale of scales) {
      if (scale > current) {
        log(`scaling the graph to ${scale}x...`);
        const t = Date.now();
        await db.autoCommit("MATCH (n) WHERE n.id CONTAINS '~' CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS");
        await replicate(db, scale, log);
        await db.write('CALL db.awaitIndexes(600)').catch(() => undefined);
        log(`  scaled in ${((Date.now() - t) / 1000).toFixed(0)} s`);
        // The copies are written without the importer: the aggregates kept at write time are refreshed as after an import.
        aggregateRefresh = await refreshAggregates(db, log);
        current = scale;
      }
      const size = await graphSize(db);
      log(`scale ${scale}: ${size.nodes} nodes, ${size.relationships} relationships`);
      const families = wants('families') ? await queryFamilies(db, schema, http, bare, { runs, logger, log, names: familyNames }) : undefined;
      const coDeploymentsKeptVersusLive = wants('families') ? await keptVersusLive(db, runs, log) : undefined;
      const mspoMarksWithinVersusWhole = wants('families') ? await marksWithinVersusWhole(db, runs, log) : undefined;
      const analytics = wants('analytics') ? await analyticsFigures(db, schema, logger, runs, log) : undefined;
      const versus = scale === 1 && wants('versus') ? await versusNeo4jGraphQL(db, schema, neoSchema, { runs, logger, log }) : undefined;
      const memory = await memoryFigures(db, local.pid);
      // Into the graph at this scale (the file's rows of the original missions cleared first, then written again).
      const imported = wants('import') ? await importThroughput(db, log) : undefined;
      // The canvas renderer at every scale: the view's WebGL renderer (chosen above 3000 elements) runs in software
      // in headless Chromium without a GPU, which says nothing of a user's machine. The whole graph at 100x
      // (tens of thousands of elements laid out by fcose) is not drawn here.
      const browser = wants('browser') && scale <= 10 ? await networkViewFigures(app.url, { runs: Math.min(runs, 5), log, renderer: 'canvas' }) : undefined;
      const networkView = browser ? { ...browser, run: runOf(results) } : undefined;
      byScale[String(scale)] = { size, memory, ...(families ? { families } : {}), ...(coDeploymentsKeptVersusLive ? { coDeploymentsKeptVersusLive } : {}), ...(mspoMarksWithinVersusWhole ? { mspoMarksWithinVersusWhole } : {}), ...(aggregateRefresh && scale > 1 ? { aggregateRefresh } : {}), ...(analytics ? { analytics } : {}), ...(versus ? { versusNeo4jGraphQL: versus } : {}), ...(imported ? { importThroughput: imported } : {}), ...(networkView ? { networkView } : {}) };
    }
    results.scales = byScale;
    if (wants('load')) {
      // The client in a process of its own (as a real client), then as before issue 19 in the API's own process.
      const ownProcess = await loadTest(app.url, 'own process', log);
      const memory = await memoryFigures(db, local.pid);
      const inProcess = await loadTest(app.url, 'in-process', log);
      results.load = { ...ownProcess, scale: current, memoryAfter: memory, inProcessClient: inProcess };
    }
  } finally {
    for (const server of servers.reverse()) await server.stop().catch(() => undefined);
    await db.close();
    await local.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  const out = path.join(ROOT, 'bench');
  fs.mkdirSync(out, { recursive: true });
  // The network view's figures of the run before, beside the new ones.
  const before = fs.existsSync(path.join(out, 'results.json')) ? (JSON.parse(fs.readFileSync(path.join(out, 'results.json'), 'utf8')) as Record<string, any>) : null;
  if (before) for (const [scale, sc] of Object.entries((results.scales ?? {}) as Record<string, Record<string, unknown>>)) keepPreviousView(before.scales?.[scale], sc, runOf(before));
  fs.writeFileSync(path.join(out, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeReport(path.join(ROOT, 'BENCHMARKS.md'), results);
  log('wrote bench/results.json and BENCHMARKS.md');
}

/** The commit the benchmark measures (with `+changes` when the working tree differs from it, its outputs aside). */
function gitCommit(): string | undefined {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    // The benchmark's own outputs (from an earlier run) do not change what is measured.
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no', '--', '.', ':!BENCHMARKS.md', ':!bench/results.json'], { cwd: ROOT, encoding: 'utf8' }).trim();
    return dirty ? `${head}+changes` : head;
  } catch {
    return undefined; // not a git checkout
  }
}

/** Database round trips of a nested list query as the list grows. */
async function roundTrips(db: RecordingDatabase, http: (q: string) => Promise<void>) {
  const out = [];
  for (const n of [10, 50, 200]) {
    const before = db.transactionCount;
    await http(`{ missions(first: ${n}) { items { id organizations { id } hosts { id } conflicts { id } contributors { state { id } personnel } } } }`);
    out.push({ missions: n, roundTrips: db.transactionCount - before });
  }
  return out;
}

/** The import command against LOAD CSV ... CALL { } IN TRANSACTIONS on the same file, alternately, into the graph as it is. */
async function importThroughput(db: RecordingDatabase, log: (m: string) => void) {
  const rel = 'sources/ipi-peacekeeping/ipi_gender_full_2009-11_to_2012-12.csv';
  const file = path.join(ROOT, 'cypher', 'data', rel);
  const rows = fs.readFileSync(file, 'utf8').trim().split('\n').length - 1;
  const crosswalk = Crosswalk.load(path.join(ROOT, 'cypher', 'data', 'curated'));
  // Only the file's own rows: the copies of a scaled graph (ids with '~') keep theirs.
  const clear = () =>
    db.autoCommit("MATCH ()-[c:CONTRIBUTED_TO]->(m:Mission) WHERE c.source IN ['ipi-contributions', 'loadcsv'] AND NOT m.id CONTAINS '~' CALL (c) { DELETE c } IN TRANSACTIONS OF 10000 ROWS");
  const loadCsv = `LOAD CSV WITH HEADERS FROM 'file:///${rel}' AS row
    CALL (row) {
      MATCH (s:State {id: row.\`Contributor ISO-3\`}) MATCH (m:Mission {id: row.Mission})
      MERGE (s)-[c:CONTRIBUTED_TO {uid: 'loadcsv|' + s.id + '|' + m.id + '|' + substring(row.Date, 0, 7)}]->(m)
      ON CREATE SET c.source = 'loadcsv', c.from = substring(row.Date, 0, 7), c.site = ''
      SET c.to = substring(row.Date, 0, 7), c.granularity = 'month', c.police = toInteger(row.\`Individual Police Total\`),
          c.formedPolice = toInteger(row.\`Formed Police Units Total\`), c.experts = toInteger(row.\`Experts on Mission Total\`),
          c.troops = toInteger(row.\`Troops Total\`), c.total = toInteger(row.\`Total Total\`),
          c.female = toInteger(row.\`Total Female\`), c.male = toInteger(row.\`Total Male\`)
    } IN TRANSACTIONS OF 2000 ROWS`;
  const ours: number[] = [];
  const theirs: number[] = [];
  // One warm-up round of each (not counted: the first LOAD CSV of a JVM compiles its whole path), then 5.
  for (let i = -1; i < 5; i += 1) {
    await clear();
    let t = Date.now();
    await importFiles(db, {
      format: 'ipi-contributions',
      files: [file],
      selectReader: (f, h) => selectReader('ipi-contributions', f, h),
      guessFormat: (_f, h) => guessFormat(h),
      crosswalk,
      batchSize: 2000,
    });
    if (i >= 0) ours.push(rows / ((Date.now() - t) / 1000));
    await clear();
    t = Date.now();
    await db.autoCommit(loadCsv);
    if (i >= 0) theirs.push(rows / ((Date.now() - t) / 1000));
  }
  await clear();
  await importFiles(db, { format: 'ipi-contributions', files: [file], selectReader: (f, h) => selectReader('ipi-contributions', f, h), crosswalk, batchSize: 2000 });
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const r = { file: rel, rows, importCommandRowsPerSecond: Math.round(med(ours)), loadCsvRowsPerSecond: Math.round(med(theirs)), ratio: round(med(ours) / med(theirs)), runs: ours.length };
  log(`import: ${r.importCommandRowsPerSecond} rows/s vs LOAD CSV ${r.loadCsvRowsPerSecond} rows/s (ratio ${r.ratio})`);
  return r;
}

main()
  .catch((err: unknown) => {
    process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 1;
  })
  // Ends when the report is written: after a load test the process stayed open with nothing left to do.
  .finally(() => process.exit());
