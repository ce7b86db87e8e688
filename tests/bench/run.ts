/**
 * `npm run bench`: measures the API side by side with its limits and alternatives, on the real graph scaled
 * by 1, 10 and 100, and writes bench/results.json and BENCHMARKS.md. Not a test: it prints figures.
 *   npm run bench -- [--scales 1,10,100] [--runs 40]
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { execute, graphql, parse, validate } from 'graphql';
import type { GraphQLSchema } from 'graphql';
import { loadConfig } from '../../server/src/config';
import { startLocalNeo4j } from '../../server/src/db/local-neo4j';
import { applySchema } from '../../server/src/db/schema';
import { startApp } from '../../server/src/http/app';
import { Crosswalk } from '../../server/src/import/crosswalk';
import { importFiles } from '../../server/src/import/importer';
import { guessFormat, selectReader } from '../../server/src/import/registry';
import { runSeed } from '../../server/src/import/seed';
import { createLogger } from '../../server/src/logger';
import { Loaders } from '../../server/src/request/loaders';
import { repoRoot } from '../../server/src/paths';
import { buildGraphQLSchema } from '../../server/src/schema';
import type { Timing } from './measure';
import { interleaved, round, sideBySide } from './measure';
import { networkViewFigures } from './browser';
import { EQUIVALENT_QUESTIONS, neo4jGraphQLSchema } from './neo4j-graphql';
import { keepPreviousView, runOf } from './previous';
import { RecordingDatabase } from './recording-database';
import { writeReport } from './report';
import { graphSize, replicate } from './scale';

const ROOT = repoRoot();
const logger = createLogger('warn', 'bench');

/** The query families of the API, each a real question. */
export const FAMILIES: { name: string; query: string }[] = [
  { name: 'lookup', query: '{ mission(id: "UNAMID") { id name start end organizations { id } hosts { id } conflicts { id } } }' },
  { name: 'list (50, nested)', query: '{ missions(first: 50, sort: {field: START, direction: DESC}) { items { id organizations { id } hosts { id } contributors { state { id } personnel } } } }' },
  { name: 'search', query: '{ search(text: "eufor", first: 10) { score node { id name } } }' },
  { name: 'neighbors (depth 2)', query: '{ neighbors(id: "UNAMID", depth: 2, types: [DEPLOYED, COOPERATED_WITH, HOSTED_BY]) { nodes { id } edges { id } } }' },
  { name: 'paths (k=3)', query: '{ paths(from: "NATO", to: "EU", k: 3) { length sentence } }' },
  { name: 'sharedPersonnel', query: '{ sharedPersonnel(a: "UNMISS", b: "UNAMID", asOf: "2012-12") { jaccard cosine states { state { id } a b } } }' },
  { name: 'coDeployments', query: '{ coDeployments(host: "MLI") { a { id } b { id } months } }' },
  { name: 'network (organizations)', query: '{ network(filter: {mode: ORGANIZATIONS}) { nodes { id } edges { id weight } } }' },
];

/** The parts of the benchmark; `--only` runs some of them. */
const SECTIONS = ['import', 'roundtrips', 'families', 'versus', 'browser', 'load'] as const;
type Section = (typeof SECTIONS)[number];

/**
 * A keep-alive HTTP client for the API: the lean client of load tools (autocannon works the same way), so that
 * the client's own cost (`fetch` adds about 0.5 ms a request here) is not counted as the API's.
 */
function graphqlClient(baseUrl: string): (query: string) => Promise<void> {
  const url = new URL('/graphql', baseUrl);
  const agent = new HttpAgent({ keepAlive: true, maxSockets: 4 });
  // A kept-alive socket that the server closes after its idle timeout (5 s) just as a request is written fails
  // with "socket hang up" before the server read anything: such a request (a read) is sent again, once.
  const send = (query: string): Promise<void> =>
    once(query).catch((err: Error & { code?: string }) => {
      if (err.code === 'ECONNRESET' || /socket hang up/.test(err.message)) return once(query);
      throw err;
    });
  const once = (query: string) =>
    new Promise<void>((resolve, reject) => {
      const body = JSON.stringify({ query });
      const req = httpRequest(
        { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { errors?: unknown[] };
            if (parsed.errors || res.statusCode !== 200) reject(new Error(`${query}: ${res.statusCode} ${JSON.stringify(parsed.errors).slice(0, 300)}`));
            else resolve();
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  return send;
}

interface FamilyResult {
  family: string;
  graphqlHttp: Timing;
  /** The same document executed in-process (parsed and validated once, as Apollo caches them): the GraphQL layer without HTTP. */
  execute: Timing;
  direct: Timing;
  ratio: number;
  executeRatio: number;
  statements: number;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { scales: { type: 'string', default: '1,10,100' }, runs: { type: 'string', default: '40' }, only: { type: 'string', default: SECTIONS.join(',') } },
  });
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
  // The network view served from client/dist, or from CLIENT_DIST_DIR (a build made elsewhere); a request's time
  // budget from GRAPHQL_REQUEST_BUDGET_MS where given (a machine so loaded that the opening network takes longer
  // than the default 10 s).
  const fromEnv = Object.fromEntries(['CLIENT_DIST_DIR', 'GRAPHQL_REQUEST_BUDGET_MS'].filter((k) => process.env[k]).map((k) => [k, process.env[k]]));
  const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', NEO4J_URI: local.uri, PORT: '0', NEO4J_TX_TIMEOUT_MS: '600000', ...fromEnv });
  const db = new RecordingDatabase({ ...config.neo4j, logger });
  const results: Record<string, unknown> = {
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGiB: round(os.totalmem() / 2 ** 30, 1), node: process.version, neo4j: local.version },
    date: started.toISOString(),
    commit: gitCommit(),
    command: `npm run bench -- --scales ${scales.join(',')} --runs ${runs}${only.size < SECTIONS.length ? ` --only ${[...only].join(',')}` : ''}`,
    runs,
  };
  const log = (msg: string) => process.stdout.write(`${msg}\n`);
  try {
    await applySchema(db, ROOT);
    log('seeding the real graph (scale 1)...');
    await runSeed(db, { dataDir: path.join(ROOT, 'cypher', 'data'), batchSize: 2000, logger });
    const app = await startApp({ config, db, logger, repoRoot: ROOT });
    const schema = await buildGraphQLSchema();
    const neoSchema = await neo4jGraphQLSchema(db.driver);
    const http = graphqlClient(app.url);

    // The fixed cost of one request through HTTP and Apollo, without any database work.
    const [fixed] = await interleaved([() => http('{ __typename }')], runs * 2);
    results.httpFixedCost = fixed;
    log(`fixed cost of an HTTP request ({ __typename }): median ${fixed?.median.toFixed(2)} ms`);
    if (wants('roundtrips')) results.roundTrips = await roundTrips(db, http);
    const byScale: Record<string, unknown> = {};
    let current = 1;
    for (const scale of scales) {
      if (scale > current) {
        log(`scaling the graph to ${scale}x...`);
        const t = Date.now();
        await db.autoCommit("MATCH (n) WHERE n.id CONTAINS '~' CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS");
        await replicate(db, scale, log);
        await db.write('CALL db.awaitIndexes(600)').catch(() => undefined);
        log(`  scaled in ${((Date.now() - t) / 1000).toFixed(0)} s`);
        current = scale;
      }
      const size = await graphSize(db);
      log(`scale ${scale}: ${size.nodes} nodes, ${size.relationships} relationships`);
      const families = wants('families') ? await queryFamilies(db, schema, http, runs, log) : undefined;
      const versus = scale === 1 && wants('versus') ? await versusNeo4jGraphQL(db, schema, neoSchema, runs, log) : undefined;
      // Into the graph at this scale (the file's rows of the original missions cleared first, then written again).
      const imported = wants('import') ? await importThroughput(db, log) : undefined;
      // The canvas renderer at every scale: the view's WebGL renderer (chosen above 3000 elements) runs in software
      // in headless Chromium without a GPU, which says nothing of a user's machine. The whole graph at 100x
      // (tens of thousands of elements laid out by fcose) is not drawn here.
      const browser = wants('browser') && scale <= 10 ? await networkViewFigures(app.url, { runs: Math.min(runs, 5), log, renderer: 'canvas' }) : undefined;
      const networkView = browser ? { ...browser, run: runOf(results) } : undefined;
      byScale[String(scale)] = { size, ...(families ? { families } : {}), ...(versus ? { versusNeo4jGraphQL: versus } : {}), ...(imported ? { importThroughput: imported } : {}), ...(networkView ? { networkView } : {}) };
    }
    results.scales = byScale;
    if (wants('load')) results.load = { ...(await loadTest(app.url, log)), scale: current };
    await app.stop();
  } finally {
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

/** Each family through GraphQL over HTTP against the very statements it sent, replayed with the driver. */
async function queryFamilies(db: RecordingDatabase, schema: GraphQLSchema, http: (q: string) => Promise<void>, runs: number, log: (m: string) => void): Promise<FamilyResult[]> {
  const out: FamilyResult[] = [];
  for (const f of FAMILIES) {
    db.recording = [];
    await graphql({ schema, source: f.query, contextValue: { db, config: null, logger, requestId: 'bench', loaders: new Loaders(db), caller: () => Promise.resolve(null) } });
    const statements = db.recording;
    db.recording = null;
    const direct = async () => {
      for (const s of statements) await db.read(s.cypher, s.params);
    };
    const document = parse(f.query);
    const invalid = validate(schema, document);
    if (invalid.length) throw new Error(`${f.name}: ${invalid[0]?.message}`);
    const inProcess = async () => {
      const res = await execute({ schema, document, contextValue: { db, config: null, logger, requestId: 'bench', loaders: new Loaders(db), caller: () => Promise.resolve(null) } });
      if (res.errors) throw new Error(`${f.name}: ${res.errors[0]?.message}`);
    };
    const [g, e, d] = await interleaved([() => http(f.query), inProcess, direct], runs);
    const r = { family: f.name, graphqlHttp: g, execute: e, direct: d, ratio: round(g.median / d.median), executeRatio: round(e.median / d.median), statements: statements.length };
    log(`  ${f.name.padEnd(26)} GraphQL ${g.median.toFixed(2)} ms (p95 ${g.p95.toFixed(2)}), in-process ${e.median.toFixed(2)} ms, driver ${d.median.toFixed(2)} ms, ratio ${r.ratio} (in-process ${r.executeRatio})`);
    out.push(r);
  }
  return out;
}

/** The same questions through this API and through @neo4j/graphql, both executed in-process on the same database. */
async function versusNeo4jGraphQL(db: RecordingDatabase, ours: GraphQLSchema, theirs: GraphQLSchema, runs: number, log: (m: string) => void) {
  const out = [];
  for (const q of EQUIVALENT_QUESTIONS) {
    const runOurs = async () => {
      const r = await graphql({ schema: ours, source: q.ours, contextValue: { db, logger, requestId: 'bench', loaders: new Loaders(db), caller: () => Promise.resolve(null) } });
      if (r.errors) throw new Error(`ours: ${r.errors[0]?.message}`);
    };
    const runTheirs = async () => {
      const r = await graphql({ schema: theirs, source: q.theirs, contextValue: {} });
      if (r.errors) throw new Error(`@neo4j/graphql: ${r.errors[0]?.message}`);
    };
    // Short questions on a noisy machine: three times the runs of the families (at least 60) steady the medians.
    const n = Math.max(runs * 3, 60);
    const [a, b] = await sideBySide(runOurs, runTheirs, n);
    log(`  vs @neo4j/graphql: ${q.name.padEnd(48)} ours ${a.median.toFixed(2)} ms, theirs ${b.median.toFixed(2)} ms`);
    out.push({ question: q.name, ours: a, neo4jGraphql: b, ratio: round(a.median / b.median), runs: n });
  }
  return out;
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

/** A mix of queries from concurrent clients (autocannon), loopback only, bounded in time. */
async function loadTest(url: string, log: (m: string) => void) {
  const autocannon = (await import('autocannon')).default;
  const bodies = FAMILIES.filter((f) => !f.name.startsWith('network')).map((f) => JSON.stringify({ query: f.query }));
  let i = 0;
  const result = await autocannon({
    url: `${url}/graphql`,
    connections: 20,
    duration: 20,
    requests: [{ method: 'POST', headers: { 'content-type': 'application/json' }, setupRequest: (req) => ({ ...req, body: bodies[i++ % bodies.length] }) }],
  });
  const r = { connections: 20, seconds: 20, requests: result.requests.total, throughputPerSecond: round(result.requests.average, 1), errors: result.errors + result.non2xx, latencyMs: { p50: result.latency.p50, p97_5: result.latency.p97_5, p99: result.latency.p99 } };
  log(`load: ${r.requests} requests, ${r.throughputPerSecond}/s, ${r.errors} errors, p50 ${r.latencyMs.p50} ms, p99 ${r.latencyMs.p99} ms`);
  return r;
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exitCode = 1;
});
