/**
 * Two builds of the API asked the same question alternately, against the same database: a change measured before
 * and after in one run when the code before it no longer exists in the tree (a statement and its reduction
 * replaced). Each round runs one process per build, in turn, that executes the question in-process (`execute()`,
 * no HTTP) after warm-up runs and prints its median; the report is the median of the rounds' medians per build and
 * their ratio.
 *
 *   git worktree add /tmp/before <commit> && ln -s "$PWD/node_modules" /tmp/before/node_modules
 *   (cd /tmp/before && npx tsc -p tsconfig.bench.json)
 *   npx tsc -p tsconfig.bench.json
 *   NEO4J_URI=bolt://127.0.0.1:7687 node dist/tests/bench/ab-builds.js /tmp/before/dist dist '<question>' [rounds] [runs]
 *
 * The question is a query document (e.g. `{ sharedPersonnel(a: "UN", b: "AU") { jaccard } }`) or the name of an
 * analytics question of analytics.ts, asked in full.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type * as graphql from 'graphql';

type GraphQLModule = typeof graphql;

/** One process: `node ab-builds.js --child <dist> <question> <runs>` prints the median of its runs in ms. */
async function child(dist: string, question: string, runs: number): Promise<void> {
  const load = (m: string) => require(path.resolve(dist, m)) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-require-imports
  require(require.resolve('reflect-metadata', { paths: [process.cwd()] })); // eslint-disable-line @typescript-eslint/no-require-imports
  const { execute, parse } = require(require.resolve('graphql', { paths: [process.cwd()] })) as GraphQLModule; // eslint-disable-line @typescript-eslint/no-require-imports
  const { loadConfig } = load('server/src/config');
  const { Database } = load('server/src/db/database');
  const { createLogger } = load('server/src/logger');
  const { Loaders } = load('server/src/request/loaders');
  const { buildGraphQLSchema } = load('server/src/schema');
  const { ANALYTICS_QUESTIONS, analyticsDocument } = load('tests/bench/analytics');
  const logger = createLogger('warn', 'ab');
  const config = loadConfig({ ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'silent', PORT: '0' });
  const db = new Database({ ...config.neo4j, logger });
  const schema = await buildGraphQLSchema();
  const named = (ANALYTICS_QUESTIONS as { name: string }[]).find((q) => q.name === question);
  const document = parse(named ? (analyticsDocument(schema, named) as string) : question);
  const times: number[] = [];
  for (let i = -3; i < runs; i += 1) {
    const t = process.hrtime.bigint();
    const res = await execute({ schema, document, contextValue: { db, config, logger, requestId: 'ab', loaders: new Loaders(db), caller: () => Promise.resolve(null) } });
    if (res.errors?.length) throw new Error(res.errors[0]?.message);
    if (i >= 0) times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  await db.close();
  process.stdout.write(`${median(times)}\n`);
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

function main(): void {
  const [a, b, question, rounds = '5', runs = '12'] = process.argv.slice(2);
  if (!a || !b || !question) throw new Error('usage: ab-builds.js <dist before> <dist after> <question> [rounds] [runs]');
  const medians: Record<string, number[]> = { [a]: [], [b]: [] };
  for (let r = 0; r < Number(rounds); r += 1) {
    for (const dist of [a, b]) {
      const out = execFileSync(process.execPath, [__filename, '--child', dist, question, runs], { encoding: 'utf8' });
      medians[dist]?.push(Number(out.trim()));
    }
    process.stdout.write(`round ${r + 1}: ${a} ${medians[a]?.at(-1)?.toFixed(1)} ms, ${b} ${medians[b]?.at(-1)?.toFixed(1)} ms\n`);
  }
  const ma = median(medians[a] ?? []);
  const mb = median(medians[b] ?? []);
  process.stdout.write(`median of the rounds' medians: ${a} ${ma.toFixed(1)} ms, ${b} ${mb.toFixed(1)} ms, ratio ${(mb / ma).toFixed(2)}\n`);
}

if (process.argv[2] === '--child') {
  child(process.argv[3] ?? '', process.argv[4] ?? '', Number(process.argv[5] ?? 12)).catch((err: unknown) => {
    process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  });
} else {
  main();
}
