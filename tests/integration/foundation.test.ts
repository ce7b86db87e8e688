import net from 'node:net';
import os from 'node:os';
import { openDatabase } from '../../server/src/bootstrap';
import { Database } from '../../server/src/db/database';
import { applySchema } from '../../server/src/db/schema';
import type { RunningApp } from '../../server/src/http/app';
import { REPO_ROOT, resetGraph, testConfig, testDatabase, testLogger } from '../helpers/db';
import { gql, startTestApp } from '../helpers/http';

describe('the foundation against a real Neo4j', () => {
  const config = testConfig();
  let db: Database;
  let app: RunningApp;

  beforeAll(async () => {
    db = testDatabase(config);
    await resetGraph(db);
    app = await startTestApp(config, db);
  });

  afterAll(async () => {
    await app.stop();
    await resetGraph(db);
    await db.close();
  });

  it('applies a uniqueness constraint for the key of every node label', async () => {
    const rows = await db.read<{ label: string; prop: string }>(
      `SHOW CONSTRAINTS YIELD type, labelsOrTypes, properties WHERE type = 'UNIQUENESS'
       RETURN labelsOrTypes[0] AS label, properties[0] AS prop ORDER BY label`,
    );
    const labels = rows.filter((r) => r.prop === 'id').map((r) => r.label);
    expect(labels).toEqual(expect.arrayContaining(['Conflict', 'Mission', 'Organization', 'Person', 'State']));
  });

  it('applies the schema again without changing it', async () => {
    const before = await db.read('SHOW INDEXES YIELD name RETURN name ORDER BY name');
    await applySchema(db, REPO_ROOT);
    const after = await db.read('SHOW INDEXES YIELD name RETURN name ORDER BY name');
    expect(after).toEqual(before);
    expect(after.length).toBeGreaterThan(10);
  });

  it('rejects a second organization with the same id', async () => {
    await db.write(`CREATE (:Organization {id: 'DUP-TEST', name: 'x'})`);
    await expect(db.write(`CREATE (:Organization {id: 'DUP-TEST', name: 'y'})`)).rejects.toThrow(/already exists/);
    await db.write(`MATCH (o:Organization {id: 'DUP-TEST'}) DELETE o`);
  });

  it('answers /healthz with the Neo4j version when the database answers', async () => {
    const res = await fetch(`${app.url}/healthz`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; neo4j: { version: string } };
    expect(body.status).toBe('ok');
    expect(body.neo4j.version).toMatch(/^5\./);
  });

  it('shows versions and process details on /healthz only to loopback callers or with the health token', async () => {
    // A caller from another address: the server listens on every interface, reached through this machine's own
    // non-loopback address.
    const external = Object.values(os.networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
    expect(external).toBeDefined();
    const token = 'a-health-token-of-this-test-0123456789';
    const open = await startTestApp(testConfig({ HOST: '0.0.0.0', HEALTH_TOKEN: token }), db);
    try {
      const port = new URL(open.url).port;
      const outside = (await (await fetch(`http://${external}:${port}/healthz`)).json()) as Record<string, unknown>;
      expect(outside.status).toBe('ok');
      expect(outside).not.toHaveProperty('neo4j');
      expect(outside).not.toHaveProperty('eventLoop');
      const wrong = (await (
        await fetch(`http://${external}:${port}/healthz`, {
          headers: { authorization: 'Bearer not-the-token-0123456789' },
        })
      ).json()) as Record<string, unknown>;
      expect(wrong).not.toHaveProperty('neo4j');
      const withToken = (await (
        await fetch(`http://${external}:${port}/healthz`, { headers: { authorization: `Bearer ${token}` } })
      ).json()) as { neo4j?: { version: string } };
      expect(withToken.neo4j?.version).toMatch(/^5\./);
      const loopback = (await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as {
        neo4j?: { version: string };
        eventLoop?: { maxMs: number };
      };
      expect(loopback.neo4j?.version).toMatch(/^5\./);
      expect(typeof loopback.eventLoop?.maxMs).toBe('number');
    } finally {
      await open.stop();
    }
  });

  it('answers a GraphQL query over HTTP from the data in Neo4j', async () => {
    await db.write(
      `UNWIND $orgs AS o CREATE (:Organization {id: o.id, name: o.name, kind: o.kind, sources: ['test']})`,
      {
        orgs: [
          { id: 'AU', name: 'African Union', kind: 'regional' },
          { id: 'EU', name: 'European Union', kind: 'regional' },
          { id: 'UN', name: 'United Nations', kind: 'global' },
        ],
      },
    );
    const page1 = await gql<{
      organizations: { totalCount: number; items: { id: string }[]; pageInfo: { endCursor: string } };
    }>(app.url, '{ organizations(first: 2) { totalCount items { id } pageInfo { hasNextPage endCursor } } }');
    expect(page1.status).toBe(200);
    expect(page1.body.data?.organizations.totalCount).toBe(3);
    expect(page1.body.data?.organizations.items.map((o) => o.id)).toEqual(['AU', 'EU']);
    const page2 = await gql<{ organizations: { items: { id: string }[] } }>(
      app.url,
      'query($after: String) { organizations(first: 2, after: $after) { items { id } } }',
      { after: page1.body.data?.organizations.pageInfo.endCursor },
    );
    expect(page2.body.data?.organizations.items.map((o) => o.id)).toEqual(['UN']);
    const one = await gql<{ organization: { name: string } | null; missing: unknown }>(
      app.url,
      '{ organization(id: "EU") { name } missing: organization(id: "NOPE") { name } }',
    );
    expect(one.body.data).toEqual({ organization: { name: 'European Union' }, missing: null });
  });

  it('rejects a page size over the cap with BAD_USER_INPUT', async () => {
    const res = await gql(app.url, '{ organizations(first: 99999999) { totalCount } }');
    expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('answers /healthz with 503 when Neo4j does not answer', async () => {
    const dead = new Database({ ...config.neo4j, uri: 'bolt://127.0.0.1:1', logger: testLogger });
    const deadApp = await startTestApp(config, dead);
    try {
      const res = await fetch(`${deadApp.url}/healthz`);
      expect(res.status).toBe(503);
      expect(((await res.json()) as { status: string }).status).toBe('unavailable');
    } finally {
      await deadApp.stop();
      await dead.close();
    }
  });

  it('ends a request at its time budget even when the database accepts connections and never answers', async () => {
    // A "database" that takes connections and says nothing: no transaction timeout can fire there.
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', () => resolve()));
    const port = (silent.address() as net.AddressInfo).port;
    const budgetConfig = testConfig({ GRAPHQL_REQUEST_BUDGET_MS: '300', NEO4J_TX_TIMEOUT_MS: '60000' });
    const mute = new Database({ ...budgetConfig.neo4j, uri: `bolt://127.0.0.1:${port}`, logger: testLogger });
    const muteApp = await startTestApp(budgetConfig, mute);
    try {
      const started = Date.now();
      const res = await gql(muteApp.url, '{ organization(id: "UN") { id } }');
      const took = Date.now() - started;
      expect(res.status).toBe(503);
      expect(res.body.errors?.[0]?.extensions?.code).toBe('REQUEST_TIMEOUT');
      expect(res.body.errors?.[0]?.message).toMatch(/time budget of 300 ms/);
      // The budget, then two seconds' grace for the database's own timeout, then the answer.
      expect(took).toBeGreaterThanOrEqual(2300);
      expect(took).toBeLessThan(5000);
    } finally {
      for (const socket of sockets) socket.destroy();
      await muteApp.stop();
      await mute.close().catch(() => undefined);
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it('connects to the Neo4j named by NEO4J_URI and launches none', async () => {
    const handle = await openDatabase(config, testLogger, REPO_ROOT);
    try {
      expect(handle.local).toBeNull();
      const info = await handle.db.serverInfo();
      expect(info.version).toMatch(/^5\.26/);
    } finally {
      await handle.close();
    }
  });
});
