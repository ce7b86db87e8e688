/**
 * `node dist/tests/bench/fixed-cost.js [requests]`: what one request to `/graphql` costs the server beyond a bare
 * Node HTTP endpoint, without a database (`{ __typename }` against an endpoint that parses the same body and
 * answers the same JSON), both served by this process and called alternately by the same keep-alive client.
 * Prints the median wall time of each and the CPU time per request of each side's loop (the client's share is the
 * same on both sides). Run it under `node --cpu-prof` to see where the API's share goes. No Neo4j is needed: the
 * driver connects on first use, and `{ __typename }` never uses it.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../server/src/config';
import { Database } from '../../server/src/db/database';
import { startApp } from '../../server/src/http/app';
import { createLogger } from '../../server/src/logger';
import { repoRoot } from '../../server/src/paths';
import { graphqlClient, postJson } from './http-client';
import { summarize } from './measure';

async function main(): Promise<void> {
  const requests = Number(process.argv[2] ?? 3000);
  const logger = createLogger('warn', 'bench');
  const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', NEO4J_URI: 'bolt://127.0.0.1:1', PORT: '0' });
  const db = new Database({ ...config.neo4j, logger });
  const app = await startApp({ config, db, logger, repoRoot: repoRoot() });
  const bare = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      JSON.parse(Buffer.concat(chunks).toString('utf8'));
      const body = JSON.stringify({ data: { __typename: 'Query' } });
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
  const bareUrl = new URL(`http://127.0.0.1:${(bare.address() as AddressInfo).port}/`);
  const api = graphqlClient(app.url);
  const sides: [string, () => Promise<unknown>][] = [
    ['API', () => api('{ __typename }')],
    ['bare', () => postJson(bareUrl, { query: '{ __typename }' })],
  ];
  for (let i = 0; i < 200; i += 1) for (const [, f] of sides) await f();
  const wall = sides.map(() => [] as number[]);
  const cpu = sides.map(() => 0);
  for (let i = 0; i < requests; i += 1) {
    for (const [k, [, f]] of sides.entries()) {
      const c = process.cpuUsage();
      const t = process.hrtime.bigint();
      await f();
      wall[k]?.push(Number(process.hrtime.bigint() - t) / 1e6);
      const d = process.cpuUsage(c);
      cpu[k] = (cpu[k] ?? 0) + d.user + d.system;
    }
  }
  for (const [k, [name]] of sides.entries()) {
    const s = summarize(wall[k] ?? []);
    process.stdout.write(`${name.padEnd(5)} median ${s.median.toFixed(3)} ms, p95 ${s.p95.toFixed(3)} ms, CPU ${((cpu[k] ?? 0) / requests / 1000).toFixed(3)} ms per request\n`);
  }
  bare.close();
  await app.stop();
  await db.close();
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exitCode = 1;
});
