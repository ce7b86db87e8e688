import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import type { RunningApp } from '../../../server/src/http/app';
import { compiledCli } from '../../helpers/compiled';
import { REPO_ROOT, testConfig } from '../../helpers/db';
import { gql, startTestApp } from '../../helpers/http';
import { seededApi } from '../../helpers/seeded';

/**
 * Cost that follows the work, a time budget per request, and an event loop that stays free (issue 16, items 2
 * and 3), on the shipped graph: the costs of modules/common/costs.ts reject what the old flat prices let
 * through, the slowest requests they admit answer in under 2 s, and /healthz answers within 50 ms meanwhile.
 */
const api = seededApi();

const codeOf = (body: { errors?: { extensions?: { code?: string } }[] }): string | undefined =>
  body.errors?.[0]?.extensions?.code;

describe('cost that follows the work', () => {
  it('prices a traversal by its depth and its limit: the deepest, widest neighbours are refused before they run', async () => {
    const wide = await gql(api.app().url, '{ neighbors(id: "UN", depth: 3, limit: 2000) { truncated } }');
    expect(wide.status).toBe(400);
    expect(codeOf(wide.body)).toBe('QUERY_TOO_COMPLEX');
    expect(wide.body.errors?.[0]?.message).toMatch(/costs 108051; the limit is 20000/);
    // One step with the default limit stays cheap, and thirty of them (the alias limit) are over the budget.
    const one = await gql(api.app().url, '{ neighbors(id: "UN") { truncated } }');
    expect(one.body.errors).toBeUndefined();
    const aliases = Array.from({ length: 30 }, (_, i) => `n${i}: neighbors(id: "UN") { truncated }`).join(' ');
    expect(codeOf((await gql(api.app().url, `{ ${aliases} }`)).body)).toBe('QUERY_TOO_COMPLEX');
  });

  it('prices paths by their length and number, and periods by their years', async () => {
    const paths = Array.from(
      { length: 5 },
      (_, i) => `p${i}: paths(from: "NATO", to: "AU", maxHops: 8, k: 10) { length }`,
    ).join(' ');
    const res = await gql(api.app().url, `{ ${paths} }`);
    expect(codeOf(res.body)).toBe('QUERY_TOO_COMPLEX');
    const short = await gql(api.app().url, '{ a: stats(from: 2010, to: 2011) { __typename } }');
    expect(short.body.errors).toBeUndefined();
  });

  it('allows at most two expensive root fields per request, on every transport', async () => {
    const three =
      '{ a: dyadMeasures(a: "AU", b: "UN", year: 2010) { year } c: paths(from: "NATO", to: "AU") { length } d: paths(from: "EU", to: "AU") { length } }';
    const post = await gql(api.app().url, three);
    expect(post.status).toBe(400);
    expect(codeOf(post.body)).toBe('QUERY_TOO_COMPLEX');
    expect(post.body.errors?.[0]?.message).toMatch(/3 expensive fields.*limit is 2/);
    const get = await fetch(`${api.app().url}/graphql?query=${encodeURIComponent(three)}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(get.status).toBe(400);
    expect(codeOf((await get.json()) as { errors?: { extensions?: { code?: string } }[] })).toBe('QUERY_TOO_COMPLEX');
  });
});

describe('paths as a bounded set of statements', () => {
  it('sends the same statement text whatever the relationship types and the period: they are parameters', async () => {
    const db = api.db();
    const read = jest.spyOn(db, 'read');
    try {
      const texts = new Set<string>();
      const ask = async (args: string) => {
        read.mockClear();
        const res = await gql(api.app().url, `{ paths(from: "NATO", to: "AU", maxHops: 5, k: 2${args}) { length } }`);
        expect(res.body.errors).toBeUndefined();
        const statement = read.mock.calls.map((c) => c[0]).find((c) => c.includes('SHORTEST'));
        expect(statement).toBeDefined();
        texts.add(statement as string);
      };
      await ask('');
      await ask(', types: [DEPLOYED, IN_CONFLICT]');
      await ask(', types: [DEPLOYED, COOPERATED_WITH, SUPPORTED, MEMBER_OF]');
      await ask(', activeIn: { from: "2005", to: "2010" }');
      expect(texts.size).toBe(1);
      expect([...texts][0]).toMatch(/\[r WHERE type\(r\) IN \$types AND/);
    } finally {
      read.mockRestore();
    }
  });
});

describe('a time budget per request', () => {
  let tight: RunningApp;
  beforeAll(async () => {
    tight = await startTestApp(testConfig({ GRAPHQL_REQUEST_BUDGET_MS: '150' }), api.db());
  });
  afterAll(async () => tight?.stop());

  it('ends a request that outlives its budget with REQUEST_TIMEOUT and cancels its transactions', async () => {
    const started = Date.now();
    const res = await gql(tight.url, '{ stats(from: 1948, to: 2025) { years { year missionsActive } } }');
    const took = Date.now() - started;
    expect(codeOf(res.body)).toBe('REQUEST_TIMEOUT');
    expect(res.body.errors?.[0]?.message).toMatch(/time budget of 150 ms/);
    // Neo4j ends the transaction at the budget (the driver's timeout); the answer comes soon after.
    expect(took).toBeLessThan(3000);
    // Nothing of the request is still running in the database.
    const running = await api
      .db()
      .read<{ n: number }>(
        "SHOW TRANSACTIONS YIELD currentQuery WHERE NOT currentQuery STARTS WITH 'SHOW TRANSACTIONS' RETURN count(*) AS n",
      );
    expect(running[0]?.n).toBe(0);
    // A quick request still fits the same budget.
    expect((await gql(tight.url, '{ organization(id: "UN") { id } }')).body.errors).toBeUndefined();
  });
});

describe('the slowest requests the cost model admits', () => {
  /** Requests at the edge of the limits: the most expensive single fields and pairs of them under the caps. */
  const slowest: Record<string, string> = {
    'neighbors UN, 3 steps, 350 nodes':
      '{ neighbors(id: "UN", depth: 3, limit: 350) { nodes { id name } edges { id sources } } }',
    'neighbors USA, 2 steps, 800 nodes, series included':
      '{ neighbors(id: "USA", depth: 2, limit: 800, types: [CONTRIBUTED_TO, PERSONNEL_IN, PARTY_TO, DEPLOYED, MEMBER_OF]) { nodes { id } edges { id } } }',
    'stats 1948-2025 + paths':
      '{ stats(from: 1948, to: 2025) { years { year missionsActive personnel mspoShare } } paths(from: "NATO", to: "AU", maxHops: 8, k: 10) { length } }',
    'stats 1948-2025 + dyad':
      '{ stats(from: 1948, to: 2025) { years { year missionsActive personnel mspoShare } } dyadMeasures(a: "AU", b: "UN", year: 2010) { year } }',
    'shared personnel UN-AU + mission pair':
      '{ sharedPersonnel(a: "UN", b: "AU") { jaccard cosine states { a b } } missionPairMeasures(a: "AMISOM", b: "UNSOM") { complexity { maxMissions } nationality { __typename } } }',
    'shared personnel UN-EU + dyad':
      '{ sharedPersonnel(a: "UN", b: "EU") { jaccard cosine states { a b } } dyadMeasures(a: "EU", b: "UN", year: 2008) { year } }',
    'co-deployments 400 + cooperation network':
      '{ coDeployments(first: 400) { a { id name } b { id name } months organizations { id } } cooperationNetwork(from: "1948", to: "2025") { density } }',
  };

  // The server as users run it: its own process (npm start's command, production mode) on the shipped graph,
  // so that what is measured is its event loop and its heap, not the test runner's.
  let server: ChildProcess;
  let url: string;
  beforeAll(async () => {
    server = spawn(process.execPath, [compiledCli('start')], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        NEO4J_URI: process.env.TEST_NEO4J_URI,
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        PORT: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    server.stderr?.on('data', (c: Buffer) => (out += c.toString('utf8')));
    url = await new Promise<string>((resolve, reject) => {
      server.stdout?.on('data', (c: Buffer) => {
        out += c.toString('utf8');
        const m = /Ready in [\d.]+ s: (http:\/\/[\d.:]+)\//.exec(out);
        if (m?.[1]) resolve(m[1]);
      });
      server.once('exit', (code) => reject(new Error(`the server exited (${code}) before it was ready:\n${out}`)));
    });
  }, 300_000);
  afterAll(async () => {
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
  });

  /** Probes the URL every 20 ms until its stdin closes, then prints the latencies (ms) as JSON. */
  const PROBER = `
    const times = []; let on = true;
    process.stdin.on('end', () => (on = false)); process.stdin.resume();
    (async () => {
      while (on) {
        const t = performance.now();
        const res = await fetch(process.argv[1]); await res.arrayBuffer();
        times.push(performance.now() - t);
        await new Promise((r) => setTimeout(r, 20));
      }
      process.stdout.write(JSON.stringify(times));
    })();`;

  const health = async (
    reset = false,
  ): Promise<{ ms: number; body: { eventLoop?: { p99Ms: number; maxMs: number } } }> => {
    const t = performance.now();
    const res = await fetch(`${url}/healthz${reset ? '?reset' : ''}`);
    const body = (await res.json()) as { eventLoop?: { p99Ms: number; maxMs: number } };
    return { ms: performance.now() - t, body };
  };

  it('each answers in under 2 s (median of 3), while /healthz answers within 50 ms (99 in 100; none over 100) and the event loop is never held for 100 ms', async () => {
    // Warm: plans compiled, connections open; the measure is of the work, not of a cold start.
    for (const q of Object.values(slowest)) expect((await gql(url, q)).body.errors).toBeUndefined();
    await health(true);
    // /healthz is probed every 20 ms from a process of its own, so that the test runner's work (it receives the
    // large answers) does not count as the server's latency.
    const prober = spawn(process.execPath, ['-e', PROBER, `${url}/healthz`], { stdio: ['pipe', 'pipe', 'inherit'] });
    let probed = '';
    prober.stdout?.on('data', (c: Buffer) => (probed += c.toString('utf8')));
    const proberDone = new Promise((resolve) => prober.once('exit', resolve));
    const medians: Record<string, number> = {};
    const loopMax: Record<string, number> = {};
    try {
      for (const [name, q] of Object.entries(slowest)) {
        const times: number[] = [];
        for (let i = 0; i < 3; i += 1) {
          const t = performance.now();
          const res = await gql(url, q);
          times.push(performance.now() - t);
          expect(res.body.errors).toBeUndefined();
        }
        medians[name] = Math.round(times.sort((a, b) => a - b)[1] ?? Infinity);
        // The server's own event-loop delay over this request's three runs (and the probes beside them).
        loopMax[name] = (await health(true)).body.eventLoop?.maxMs ?? Infinity;
      }
    } finally {
      prober.stdin?.end();
      await proberDone;
    }
    const healthMs = JSON.parse(probed) as number[];
    const sortedHealth = [...healthMs].sort((a, b) => a - b);
    const figures = {
      medians,
      healthz: {
        probes: healthMs.length,
        medianMs: Math.round(sortedHealth[Math.floor(sortedHealth.length / 2)] ?? 0),
        p99Ms: Math.round(sortedHealth[Math.floor(sortedHealth.length * 0.99)] ?? 0),
        maxMs: Math.round(sortedHealth[sortedHealth.length - 1] ?? 0),
      },
      eventLoopMaxMs: loopMax,
    };
    console.log(JSON.stringify(figures, null, 1));
    for (const [name, ms] of Object.entries(medians)) expect([name, ms < 2000]).toEqual([name, true]);
    expect(healthMs.length).toBeGreaterThan(100);
    // /healthz within 50 ms: 99 probes in 100 (a garbage collection of the server, or the machine's other work,
    // may delay one now and then: never by more than 100 ms). The figures above give the maximum seen.
    expect(figures.healthz.p99Ms).toBeLessThan(50);
    expect(figures.healthz.maxMs).toBeLessThan(100);
    for (const [name, ms] of Object.entries(loopMax)) expect([name, ms < 100]).toEqual([name, true]);
  }, 300_000);
});
