/**
 * Soak test (issue 9): N concurrent clients send a mix of GraphQL queries to a running server for a fixed time,
 * then the script reports requests, errors (non-2xx, GraphQL errors, network errors), latency percentiles and
 * the resident memory of the server (and of its Neo4j: --pid may be repeated) before, during and after. Loopback only, bounded in time, no dependency.
 *
 *   npm run soak -- http://127.0.0.1:4000 --pid <server pid> [--pid <neo4j pid>] [--clients 50] [--seconds 60] [--json]
 *
 * The queries use ids of the shipped graph (the one `npm start` seeds). Exit code 0 when there was no error.
 */
import fs from 'node:fs';
import http from 'node:http';
import { parseArgs } from 'node:util';

/** The mix: lookups, lists, search, graph traversal and the analytical queries a researcher runs. */
const QUERIES: { name: string; query: string }[] = [
  { name: 'organizations', query: '{ organizations(first: 50) { totalCount items { id name kind } } }' },
  {
    name: 'mission',
    query:
      '{ mission(id: "UNAMID") { id name organizations { id } hosts { id } conflicts { id } cooperations { kind other { id } } } }',
  },
  {
    name: 'missions',
    query:
      '{ missions(first: 20, organization: "EU", sort: {field: START, direction: DESC}) { totalCount items { id start end hosts { id } } } }',
  },
  { name: 'search', query: '{ search(text: "unmi", first: 10) { score node { id label } } }' },
  {
    name: 'neighbors',
    query: '{ neighbors(id: "UNAMID", depth: 1) { nodes { id label } edges { type source target } } }',
  },
  {
    name: 'paths',
    query: '{ paths(from: "NATO", to: "EU", types: [DEPLOYED, COOPERATED_WITH], k: 3) { length sentence } }',
  },
  {
    name: 'sharedPersonnel',
    query:
      '{ sharedPersonnel(a: "UNMISS", b: "UNAMID", asOf: "2012-12") { jaccard cosine states { state { id } a b } } }',
  },
  {
    name: 'coDeployments',
    query: '{ coDeployments(host: "MLI", differentOrganization: true) { a { id } b { id } months } }',
  },
  {
    name: 'stateContributions',
    query:
      '{ state(id: "NPL") { name contributions(between: {from: "2010", to: "2012"}) { personnel mission { id } } } }',
  },
  {
    name: 'network',
    query:
      '{ network(filter: {period: {from: "2013", to: "2013"}, organizations: ["AU"]}) { nodes { id label } edges { type source target } } }',
  },
];

interface Sample {
  name: string;
  ms: number;
  status: number;
  graphqlErrors: number;
}

interface Options {
  url: URL;
  pids: number[];
  clients: number;
  seconds: number;
  json: boolean;
}

function options(argv: string[]): Options {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      pid: { type: 'string', multiple: true },
      clients: { type: 'string', default: '50' },
      seconds: { type: 'string', default: '60' },
      json: { type: 'boolean', default: false },
    },
  });
  const target = positionals[0];
  if (!target)
    throw new Error(
      'usage: soak <server url, e.g. http://127.0.0.1:4000> [--pid <pid>]... [--clients 50] [--seconds 60] [--json]',
    );
  const url = new URL(target);
  // Loopback only: a soak is a test of one's own server, never of someone else's.
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) || url.protocol !== 'http:')
    throw new Error(`refusing ${target}: the soak runs against http on the loopback interface only`);
  const clients = Number(values.clients);
  const seconds = Number(values.seconds);
  if (!Number.isInteger(clients) || clients < 1 || clients > 500) throw new Error('--clients must be 1 to 500');
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 3600)
    throw new Error('--seconds must be more than 0 and at most 3600');
  const pids = (values.pid ?? []).map(Number);
  for (const pid of pids)
    if (!Number.isInteger(pid) || !fs.existsSync(`/proc/${pid}/status`))
      throw new Error(`no process ${pid} (/proc/${pid}/status)`);
  return { url, pids, clients, seconds, json: values.json };
}

/** Resident memory of a process in MiB, from /proc/<pid>/status (VmRSS). */
function rssMiB(pid: number): number | undefined {
  const m = /^VmRSS:\s+(\d+)\s+kB$/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round((Number(m[1]) / 1024) * 10) / 10 : undefined;
}

function post(agent: http.Agent, url: URL, body: string, timeoutMs: number): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      new URL('/graphql', url),
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

function graphqlErrors(text: string): number {
  try {
    const json = JSON.parse(text) as { errors?: unknown[] };
    return json.errors?.length ?? 0;
  } catch {
    return 1;
  }
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

async function main(): Promise<number> {
  const opts = options(process.argv.slice(2));
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.clients });
  const bodies = QUERIES.map((q) => ({ name: q.name, body: JSON.stringify({ query: q.query }) }));

  // Each query once first: an error here is a wrong query or a wrong graph, not load.
  for (const b of bodies) {
    const r = await post(agent, opts.url, b.body, 30_000);
    if (r.status !== 200 || graphqlErrors(r.text))
      throw new Error(`the query '${b.name}' fails before any load (${r.status}): ${r.text.slice(0, 300)}`);
  }

  const rssBefore = opts.pids.map(rssMiB);
  const rssMax = [...rssBefore];
  const sampler = setInterval(() => {
    opts.pids.forEach((pid, i) => {
      const v = rssMiB(pid);
      if (v !== undefined && v > (rssMax[i] ?? 0)) rssMax[i] = v;
    });
  }, 1000);
  const samples: Sample[] = [];
  let networkErrors = 0;
  const firstErrors: string[] = [];
  const started = Date.now();
  const deadline = started + opts.seconds * 1000;

  const client = async (index: number) => {
    for (let i = index; Date.now() < deadline; i += 1) {
      const b = bodies[i % bodies.length];
      const t0 = performance.now();
      try {
        const r = await post(agent, opts.url, b.body, 30_000);
        const errors = r.status === 200 ? graphqlErrors(r.text) : 0;
        samples.push({ name: b.name, ms: performance.now() - t0, status: r.status, graphqlErrors: errors });
        if ((r.status < 200 || r.status > 299 || errors) && firstErrors.length < 5)
          firstErrors.push(`${b.name}: ${r.status} ${r.text.slice(0, 200)}`);
      } catch (err) {
        networkErrors += 1;
        if (firstErrors.length < 5) firstErrors.push(`${b.name}: ${(err as Error).message}`);
      }
    }
  };
  // Bounded: the clients stop at the deadline; a request still waiting then has at most its 30 s timeout.
  await Promise.all(Array.from({ length: opts.clients }, (_, i) => client(i)));
  const seconds = (Date.now() - started) / 1000;
  clearInterval(sampler);
  agent.destroy();
  const rssAfter = opts.pids.map(rssMiB);

  const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
  const non2xx = samples.filter((s) => s.status < 200 || s.status > 299).length;
  const withGraphqlErrors = samples.filter((s) => s.graphqlErrors > 0).length;
  const perQuery = Object.fromEntries(
    QUERIES.map((q) => {
      const ms = samples
        .filter((s) => s.name === q.name)
        .map((s) => s.ms)
        .sort((a, b) => a - b);
      return [
        q.name,
        { requests: ms.length, p50: Math.round(percentile(ms, 50)), p95: Math.round(percentile(ms, 95)) },
      ];
    }),
  );
  const report = {
    url: opts.url.origin,
    clients: opts.clients,
    seconds: Math.round(seconds * 10) / 10,
    requests: samples.length + networkErrors,
    requestsPerSecond: Math.round((samples.length + networkErrors) / seconds),
    errors: {
      total: non2xx + withGraphqlErrors + networkErrors,
      non2xx,
      graphql: withGraphqlErrors,
      network: networkErrors,
    },
    latencyMs: {
      p50: Math.round(percentile(sorted, 50)),
      p95: Math.round(percentile(sorted, 95)),
      p99: Math.round(percentile(sorted, 99)),
      max: Math.round(sorted[sorted.length - 1] ?? 0),
    },
    rssMiB: opts.pids.map((pid, i) => ({
      pid,
      before: rssBefore[i] ?? null,
      max: rssMax[i] ?? null,
      after: rssAfter[i] ?? null,
    })),
    perQuery,
    firstErrors,
  };
  if (opts.json) process.stdout.write(`${JSON.stringify(report)}\n`);
  else {
    const l = report.latencyMs;
    const lines = [
      `${report.requests} requests in ${report.seconds} s from ${report.clients} clients (${report.requestsPerSecond}/s) against ${report.url}`,
      `errors: ${report.errors.total} (non-2xx ${non2xx}, GraphQL errors ${withGraphqlErrors}, network ${networkErrors})`,
      `latency ms: p50 ${l.p50}, p95 ${l.p95}, p99 ${l.p99}, max ${l.max}`,
      ...(report.rssMiB.length
        ? report.rssMiB.map((r) => `RSS MiB of pid ${r.pid}: before ${r.before}, max ${r.max}, after ${r.after}`)
        : ['RSS: not measured (no --pid)']),
      ...Object.entries(perQuery).map(
        ([name, q]) =>
          `  ${name.padEnd(20)} ${String(q.requests).padStart(6)} requests, p50 ${q.p50} ms, p95 ${q.p95} ms`,
      ),
      ...firstErrors.map((e) => `  error: ${e}`),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  return report.errors.total ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exitCode = 2;
  },
);
