import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { startLocalNeo4j } from '../../server/src/db/local-neo4j';
import type { LocalNeo4jOptions } from '../../server/src/db/local-neo4j';
import { REPO_ROOT, testLogger } from '../helpers/db';

/** The launcher itself: a second, short-lived local Neo4j on its own port and folder. */
describe('the local Neo4j launcher', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'peaceops-neo4j-'));
  const opts: LocalNeo4jOptions = {
    repoRoot: REPO_ROOT,
    dataDir,
    boltPort: Number(process.env.TEST_NEO4J_SECOND_PORT ?? 7698),
    pageCacheMb: 64,
    heapMb: 512,
    txTimeoutMs: 10_000,
    startTimeoutS: 300,
    logger: testLogger,
  };

  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  async function query(uri: string, cypher: string): Promise<unknown[]> {
    const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', ''));
    try {
      const res = await driver.executeQuery(cypher);
      return res.records.map((r) => r.get(0) as unknown);
    } finally {
      await driver.close();
    }
  }

  it('listens on loopback only, keeps data across a clean restart, and refuses a second start on the same store', async () => {
    const first = await startLocalNeo4j(opts);
    try {
      expect(first.uri).toBe(`bolt://127.0.0.1:${opts.boltPort}`);
      await query(first.uri, "CREATE (:Organization {id: 'KEEP', name: 'kept across restarts'})");
      await expect(startLocalNeo4j({ ...opts, boltPort: opts.boltPort + 10 })).rejects.toThrow(
        /in use by another Neo4j/,
      );
    } finally {
      await first.stop();
    }
    const second = await startLocalNeo4j(opts);
    try {
      expect(await query(second.uri, "MATCH (o:Organization {id: 'KEEP'}) RETURN o.name")).toEqual([
        'kept across restarts',
      ]);
    } finally {
      await second.stop();
    }
  });

  it('says which port is taken and what to do when the Bolt port is in use', async () => {
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(opts.boltPort, '127.0.0.1', () => r()));
    try {
      await expect(startLocalNeo4j(opts)).rejects.toThrow(
        new RegExp(`Port ${opts.boltPort} .* already in use.*NEO4J_BOLT_PORT`),
      );
    } finally {
      await new Promise<void>((r) => blocker.close(() => r()));
    }
  });
});
