/**
 * `NEO4J_URI=bolt://... node dist/tests/bench/profile-http.js <family> [requests] [graphql|bare|typename]`: where
 * the time of one query family goes over HTTP, against the bare endpoint that runs the same statements
 * (bare-endpoint.ts). On a database already loaded (any scale), it starts the API and the bare endpoint in this
 * process, measures the three sides alternately (300 runs: the family over GraphQL, over the bare endpoint, and `{
 * __typename }`), then profiles `requests` requests of the chosen side (V8's sampling profiler, every 50 µs) and
 * prints the CPU time per request of the process and its share by package (the client's share is the same on every
 * side). The profile is written to /tmp/profile-http-<side>.cpuprofile (Chrome DevTools opens it). Not a test.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import type { Profiler, Runtime } from 'node:inspector';
import { loadConfig } from '../../server/src/config';
import { startApp } from '../../server/src/http/app';
import { createLogger } from '../../server/src/logger';
import { repoRoot } from '../../server/src/paths';
import { startBareEndpoint } from './bare-endpoint';
import { FAMILIES } from './families';
import { graphqlClient, postJson } from './http-client';
import { interleaved } from './measure';
import { RecordingDatabase } from './recording-database';

/** Where a sampled function belongs: its npm package, a Node module, this repository's file, or V8's own work. */
function ownerOf(frame: Runtime.CallFrame): string {
  const { url, functionName } = frame;
  if (url.includes('node_modules/')) return url.split('node_modules/').pop()?.split('/')[0] ?? url;
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0] ?? ''}`;
  if (url.includes('/dist/')) return url.split('/dist/').pop() ?? url;
  return url || functionName || '(native)';
}

/** Milliseconds of CPU per request by owner, from a profile of `requests` requests. */
function byOwner(profile: Profiler.Profile, requests: number): [string, number][] {
  const frames = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const ms = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i += 1) {
    const frame = frames.get(samples[i] ?? -1);
    if (!frame || frame.functionName === '(idle)') continue;
    const owner = ownerOf(frame);
    ms.set(owner, (ms.get(owner) ?? 0) + (deltas[i] ?? 0) / 1000 / requests);
  }
  return [...ms.entries()].sort((a, b) => b[1] - a[1]);
}

async function main(): Promise<void> {
  const [familyName = 'lookup', count = '2000', side = 'graphql'] = process.argv.slice(2);
  const family = FAMILIES.find((f) => f.name.startsWith(familyName));
  if (!family) throw new Error(`no family ${familyName}: ${FAMILIES.map((f) => f.name).join(', ')}`);
  if (!['graphql', 'bare', 'typename'].includes(side)) throw new Error('the side is graphql, bare or typename');
  const requests = Number(count);
  const logger = createLogger('warn', 'profile-http');
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    PORT: '0',
    GRAPHQL_REQUEST_BUDGET_MS: '600000',
  });
  const db = new RecordingDatabase({ ...config.neo4j, logger });
  const app = await startApp({ config, db, logger, repoRoot: repoRoot() });
  const bare = await startBareEndpoint(db);
  try {
    const http = graphqlClient(app.url);
    db.recording = [];
    await http(family.query);
    bare.register(family.name, db.recording);
    db.recording = null;
    const sides = {
      graphql: () => http(family.query),
      bare: () => postJson(bare.url, { family: family.name }),
      typename: () => http('{ __typename }'),
    };
    const [g, b, t] = await interleaved([sides.graphql, sides.bare, sides.typename], 300);
    process.stdout.write(
      `${family.name}: median GraphQL ${g?.median.toFixed(2)} ms, bare ${b?.median.toFixed(2)} ms (ratio ${((g?.median ?? 0) / (b?.median ?? 1)).toFixed(2)}), { __typename } ${t?.median.toFixed(2)} ms\n`,
    );
    const session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 50 });
    await session.post('Profiler.start');
    const run = sides[side as keyof typeof sides];
    const cpu = process.cpuUsage();
    for (let i = 0; i < requests; i += 1) await run();
    const used = process.cpuUsage(cpu);
    const { profile } = await session.post('Profiler.stop');
    session.disconnect();
    const file = `/tmp/profile-http-${side}.cpuprofile`;
    fs.writeFileSync(file, JSON.stringify(profile));
    process.stdout.write(
      `${side}: ${((used.user + used.system) / 1000 / requests).toFixed(3)} ms of CPU per request (this process: server and client); profile in ${file}\n`,
    );
    for (const [owner, ms] of byOwner(profile, requests).slice(0, 25))
      process.stdout.write(`  ${ms.toFixed(3)} ms  ${owner}\n`);
  } finally {
    await bare.stop();
    await app.stop();
    await db.close();
  }
}

main()
  .catch((err: unknown) => {
    process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 1;
  })
  .finally(() => process.exit());
