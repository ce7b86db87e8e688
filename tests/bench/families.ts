import { execute, graphql, parse, validate } from 'graphql';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from '../../server/src/logger';
import { Loaders } from '../../server/src/request/loaders';
import type { BareEndpoint } from './bare-endpoint';
import { postJson } from './http-client';
import type { Timing } from './measure';
import { round, summarize } from './measure';
import type { RecordingDatabase } from './recording-database';

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

/** One family's figures: four sides measured alternately, run by run. */
export interface FamilyResult {
  family: string;
  graphqlHttp: Timing;
  /** The same statements behind a bare Node HTTP endpoint (bare-endpoint.ts): the limit of an HTTP API. */
  bareHttp: Timing;
  /** The same document executed in-process (parsed and validated once, as Apollo caches them): the GraphQL layer without HTTP. */
  execute: Timing;
  direct: Timing;
  /** GraphQL over HTTP / driver alone (unlike things: the driver pays no HTTP; kept to compare with earlier reports). */
  ratio: number;
  /** GraphQL over HTTP / the bare endpoint: the goal's ratio over HTTP. */
  bareRatio: number;
  /** In-process / driver: the goal's ratio in process. */
  executeRatio: number;
  statements: number;
  /** CPU time of this process per request (milliseconds, user + system), GraphQL over HTTP and the bare endpoint: the server's own work, which the load of other processes on the machine does not lengthen (Neo4j's is not in it). */
  cpuMs?: { graphqlHttp: number; bareHttp: number };
}

/**
 * Times functions interleaved run by run (as `interleaved` of measure.ts) and also sums the CPU time this
 * process spends in each: wall times on a shared machine wait for other processes, CPU times do not.
 */
async function interleavedWithCpu(fns: (() => Promise<unknown>)[], runs: number, warmup = 5): Promise<{ timing: Timing; cpuMs: number }[]> {
  for (let i = 0; i < warmup; i += 1) for (const fn of fns) await fn();
  const samples: number[][] = fns.map(() => []);
  const cpu: number[] = fns.map(() => 0);
  for (let i = 0; i < runs; i += 1) {
    for (const [k, fn] of fns.entries()) {
      const c = process.cpuUsage();
      const t = process.hrtime.bigint();
      await fn();
      samples[k]?.push(Number(process.hrtime.bigint() - t) / 1e6);
      const d = process.cpuUsage(c);
      cpu[k] = (cpu[k] ?? 0) + (d.user + d.system) / 1000;
    }
  }
  return samples.map((s, k) => ({ timing: summarize(s), cpuMs: round((cpu[k] ?? 0) / runs, 3) }));
}

/**
 * Each family through GraphQL over HTTP, against the very statements it sent served by a bare HTTP endpoint,
 * the document executed in-process, and the statements replayed with the driver alone, all four alternately.
 */
export async function queryFamilies(
  db: RecordingDatabase,
  schema: GraphQLSchema,
  http: (q: string) => Promise<void>,
  bare: BareEndpoint,
  opts: { runs: number; logger: Logger; log: (m: string) => void; names?: string[] | null },
): Promise<FamilyResult[]> {
  const { runs, logger, log, names } = opts;
  const context = () => ({ db, config: null, logger, requestId: 'bench', loaders: new Loaders(db), caller: () => Promise.resolve(null) });
  const out: FamilyResult[] = [];
  // `names`: only the families whose names start with one of these (`--families network,coDeployments`).
  for (const f of FAMILIES.filter((x) => !names || names.some((n) => x.name.startsWith(n)))) {
    db.recording = [];
    await graphql({ schema, source: f.query, contextValue: context() });
    const statements = db.recording;
    db.recording = null;
    bare.register(f.name, statements);
    const direct = async () => {
      for (const s of statements) await db.read(s.cypher, s.params);
    };
    const viaBare = () => postJson(bare.url, { family: f.name });
    const document = parse(f.query);
    const invalid = validate(schema, document);
    if (invalid.length) throw new Error(`${f.name}: ${invalid[0]?.message}`);
    const inProcess = async () => {
      const res = await execute({ schema, document, contextValue: context() });
      if (res.errors) throw new Error(`${f.name}: ${res.errors[0]?.message}`);
    };
    const sides = await interleavedWithCpu([() => http(f.query), viaBare, inProcess, direct], runs);
    const [gc, bc, ec, dc] = sides;
    if (!gc || !bc || !ec || !dc) throw new Error(`${f.name}: a side was not measured`);
    const [g, b, e, d] = [gc.timing, bc.timing, ec.timing, dc.timing];
    const r: FamilyResult = {
      family: f.name,
      graphqlHttp: g,
      bareHttp: b,
      execute: e,
      direct: d,
      ratio: round(g.median / d.median),
      bareRatio: round(g.median / b.median),
      executeRatio: round(e.median / d.median),
      statements: statements.length,
      cpuMs: { graphqlHttp: gc.cpuMs, bareHttp: bc.cpuMs },
    };
    log(
      `  ${f.name.padEnd(26)} GraphQL ${g.median.toFixed(2)} ms (p95 ${g.p95.toFixed(2)}), bare HTTP ${b.median.toFixed(2)} ms, in-process ${e.median.toFixed(2)} ms, driver ${d.median.toFixed(2)} ms; ` +
        `over HTTP ${r.bareRatio}x the bare endpoint, in process ${r.executeRatio}x the driver; CPU per request ${r.cpuMs?.graphqlHttp} ms vs bare ${r.cpuMs?.bareHttp} ms`,
    );
    out.push(r);
  }
  return out;
}
