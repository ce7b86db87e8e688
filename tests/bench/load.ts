import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Result as AutocannonResult } from 'autocannon';
import type { Database } from '../../server/src/db/database';
import { FAMILIES } from './families';
import { round } from './measure';

const CONNECTIONS = 20;
const SECONDS = 20;

/** The figures of one load test. */
export interface LoadResult {
  /** Where autocannon ran: in the benchmark's process (which also serves the API) or in a process of its own. */
  client: 'in-process' | 'own process';
  connections: number;
  seconds: number;
  requests: number;
  throughputPerSecond: number;
  errors: number;
  latencyMs: { p50: number; p97_5: number; p99: number };
}

const summarize = (result: AutocannonResult, client: LoadResult['client']): LoadResult => ({
  client,
  connections: CONNECTIONS,
  seconds: SECONDS,
  requests: result.requests.total,
  throughputPerSecond: round(result.requests.average, 1),
  errors: result.errors + result.non2xx,
  latencyMs: { p50: result.latency.p50, p97_5: result.latency.p97_5, p99: result.latency.p99 },
});

/** The request bodies of the load test: the query families (the network excluded), cycled through. */
const loadBodies = (): string[] => FAMILIES.filter((f) => !f.name.startsWith('network')).map((f) => JSON.stringify({ query: f.query }));

/**
 * A mix of queries from concurrent clients (autocannon, 20 connections, 20 s), loopback only. With `client:
 * 'own process'` autocannon runs in a child process (load-client.ts), as a real client would, instead of on the
 * event loop of the process that serves the API (how the load test ran until issue 19).
 */
export async function loadTest(url: string, client: LoadResult['client'], log: (m: string) => void): Promise<LoadResult> {
  const bodies = loadBodies();
  let result: AutocannonResult;
  if (client === 'in-process') {
    const autocannon = (await import('autocannon')).default;
    let i = 0;
    result = await autocannon({
      url: `${url}/graphql`,
      connections: CONNECTIONS,
      duration: SECONDS,
      requests: [{ method: 'POST', headers: { 'content-type': 'application/json' }, setupRequest: (req) => ({ ...req, body: bodies[i++ % bodies.length] }) }],
    });
  } else {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'peaceops-load-')), 'bodies.json');
    fs.writeFileSync(file, JSON.stringify(bodies));
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(process.execPath, [path.join(__dirname, 'load-client.js'), `${url}/graphql`, String(SECONDS), String(CONNECTIONS), file], { maxBuffer: 64 * 2 ** 20 }, (err, out, errOut) =>
        err ? reject(new Error(`${err.message}\n${errOut}`)) : resolve(out),
      );
    });
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
    result = JSON.parse(stdout) as AutocannonResult;
  }
  const r = summarize(result, client);
  log(`load (client ${client}): ${r.requests} requests, ${r.throughputPerSecond}/s, ${r.errors} errors, p50 ${r.latencyMs.p50} ms, p99 ${r.latencyMs.p99} ms`);
  return r;
}

/** Memory of the API's process and of Neo4j, in MiB. */
export interface MemoryFigures {
  /** The benchmark's process, which serves the API (it also holds the benchmark's own objects). */
  apiRssMiB: number;
  apiHeapUsedMiB: number;
  /** Neo4j's process (the benchmark starts it as a child): its resident set and its peak, from /proc. */
  neo4jRssMiB: number | null;
  neo4jPeakRssMiB: number | null;
  /** Neo4j's JVM heap in use and committed (JMX, java.lang:type=Memory), and its configured maximum. */
  neo4jHeapUsedMiB: number | null;
  neo4jHeapCommittedMiB: number | null;
  neo4jHeapMaxMiB: number | null;
}

const mib = (bytes: number) => round(bytes / 2 ** 20, 1);

/** A `VmRSS`-like line of /proc/<pid>/status in MiB, or null where /proc is not there (not Linux). */
function procStatusMiB(pid: number, key: string): number | null {
  try {
    const m = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? round(Number(m[1]) / 1024, 1) : null;
  } catch {
    return null;
  }
}

/** Reads the memory of both processes now. */
export async function memoryFigures(db: Database, neo4jPid: number): Promise<MemoryFigures> {
  const mem = process.memoryUsage();
  let heap: { used: number; committed: number; max: number } | null = null;
  try {
    const rows = await db.read<{ heap: { used: number; committed: number; max: number } }>(
      "CALL dbms.queryJmx('java.lang:type=Memory') YIELD attributes RETURN attributes.HeapMemoryUsage.value.properties AS heap",
    );
    heap = rows[0]?.heap ?? null;
  } catch {
    heap = null; // JMX not offered by this Neo4j
  }
  return {
    apiRssMiB: mib(mem.rss),
    apiHeapUsedMiB: mib(mem.heapUsed),
    neo4jRssMiB: procStatusMiB(neo4jPid, 'VmRSS'),
    neo4jPeakRssMiB: procStatusMiB(neo4jPid, 'VmHWM'),
    neo4jHeapUsedMiB: heap ? mib(heap.used) : null,
    neo4jHeapCommittedMiB: heap ? mib(heap.committed) : null,
    neo4jHeapMaxMiB: heap ? mib(heap.max) : null,
  };
}
