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
    const page1 = await gql<{ organizations: { totalCount: number; items: { id: string }[]; pageInfo: { endCursor: string } } }>(
      app.url,
      '{ organizations(first: 2) { totalCount items { id } pageInfo { hasNextPage endCursor } } }',
    );
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
