/**
 * `node --cpu-prof dist/tests/bench/profile-execute.js <family name>... [--runs N]`: starts a Neo4j (port
 * BENCH_NEO4J_BOLT_PORT), seeds the real graph, then executes the named query families in-process N times each,
 * so that a CPU profile shows where the GraphQL layer spends its time beyond the statements.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { execute, parse } from 'graphql';
import { loadConfig } from '../../server/src/config';
import { startLocalNeo4j } from '../../server/src/db/local-neo4j';
import { applySchema } from '../../server/src/db/schema';
import { runSeed } from '../../server/src/import/seed';
import { createLogger } from '../../server/src/logger';
import { repoRoot } from '../../server/src/paths';
import { Loaders } from '../../server/src/request/loaders';
import { buildGraphQLSchema } from '../../server/src/schema';
import { FAMILIES } from './families';
import { RecordingDatabase } from './recording-database';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ options: { runs: { type: 'string', default: '100' } }, allowPositionals: true });
  const root = repoRoot();
  const logger = createLogger('warn', 'bench');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'peaceops-profile-'));
  const local = await startLocalNeo4j({ repoRoot: root, dataDir, boltPort: Number(process.env.BENCH_NEO4J_BOLT_PORT ?? 7751), pageCacheMb: 512, heapMb: 1024, txTimeoutMs: 600_000, startTimeoutS: 300, logger });
  const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', NEO4J_URI: local.uri, PORT: '0' });
  const db = new RecordingDatabase({ ...config.neo4j, logger });
  try {
    await applySchema(db, root);
    await runSeed(db, { dataDir: path.join(root, 'cypher', 'data'), batchSize: 2000, logger });
    const schema = await buildGraphQLSchema();
    for (const name of positionals) {
      const f = FAMILIES.find((x) => x.name.startsWith(name));
      if (!f) throw new Error(`no family ${name}`);
      const document = parse(f.query);
      const t = Date.now();
      for (let i = 0; i < Number(values.runs); i += 1) {
        const res = await execute({ schema, document, contextValue: { db, config, logger, requestId: 'p', loaders: new Loaders(db), caller: () => Promise.resolve(null) } });
        if (res.errors) throw new Error(res.errors[0]?.message);
      }
      process.stdout.write(`${f.name}: ${((Date.now() - t) / Number(values.runs)).toFixed(2)} ms each\n`);
    }
  } finally {
    await db.close();
    await local.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exitCode = 1;
});
