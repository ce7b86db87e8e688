import http from 'node:http';
import type { Database } from '../../server/src/db/database';
import type { RunningApp } from '../../server/src/http/app';
import { resetGraph, testConfig, testDatabase } from '../helpers/db';
import { startTestApp } from '../helpers/http';

/** Hostile requests: each rejected with the right status and code, quickly, and without a database round trip. */
describe('abusive GraphQL requests', () => {
  let db: Database;
  let app: RunningApp;
  let prod: RunningApp;

  beforeAll(async () => {
    db = testDatabase();
    await resetGraph(db);
    app = await startTestApp(testConfig(), db);
    prod = await startTestApp(testConfig({ NODE_ENV: 'production' }), db);
  });

  afterAll(async () => {
    await app.stop();
    await prod.stop();
    await db.close();
  });

  async function post(
    body: string,
    headers: Record<string, string> = { 'content-type': 'application/json' },
    url = app.url,
  ) {
    const before = db.transactionCount;
    const started = Date.now();
    const res = await fetch(`${url}/graphql`, { method: 'POST', headers, body });
    const text = await res.text();
    let json: { errors?: { message: string; extensions?: { code?: string } }[] } = {};
    try {
      json = JSON.parse(text) as typeof json;
    } catch {
      /* not JSON: checked by the caller through the status */
    }
    return { status: res.status, json, ms: Date.now() - started, roundTrips: db.transactionCount - before };
  }
  const query = (q: string) => JSON.stringify({ query: q });

  it.each([
    [
      'a query nested 50 levels deep',
      () => query(`{ ${'missions { items { organizations { '.repeat(25)} id ${'} } }'.repeat(25)} }`),
      'QUERY_TOO_DEEP',
    ],
    [
      '101 aliases of one field',
      () => query(`{ ${Array.from({ length: 101 }, (_, i) => `a${i}: organization(id: "EU") { id }`).join(' ')} }`),
      'TOO_MANY_ALIASES',
    ],
    [
      '200 unknown directives',
      () => query(`{ organizations ${'@nope '.repeat(200)} { totalCount } }`),
      'TOO_MANY_DIRECTIVES',
    ],
    ['a 20,000-token document', () => query(`{ ${'id '.repeat(20_001)} }`), 'QUERY_TOO_LARGE'],
    [
      'a JSON array of 10 operations',
      () => JSON.stringify(Array.from({ length: 10 }, () => ({ query: '{ organizations { totalCount } }' }))),
      'BAD_REQUEST',
    ],
  ])('rejects %s with one error, status 400, no database round trip', async (_what, body, code) => {
    const r = await post(body());
    expect(r.status).toBe(400);
    expect(r.json.errors).toHaveLength(1);
    expect(r.json.errors?.[0]?.extensions?.code).toBe(code);
    expect(r.roundTrips).toBe(0);
    expect(r.ms).toBeLessThan(2000);
  });

  it('rejects 500 repeated fields', async () => {
    const r = await post(query(`{ ${Array.from({ length: 500 }, () => 'organizations { totalCount }').join(' ')} }`));
    expect(r.status).toBe(400);
    expect(r.json.errors).toHaveLength(1);
    expect(r.json.errors?.[0]?.extensions?.code).toBe('TOO_MANY_FIELDS');
    expect(r.roundTrips).toBe(0);
  });

  it('rejects a query whose estimated cost is over the limit before running it', async () => {
    const nested =
      'missions(first: 500) { items { contributors { state { hostedMissions { contributors { personnel } } } } } }';
    const r = await post(query(`{ ${nested} }`));
    expect(r.status).toBe(400);
    expect(r.json.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(r.roundTrips).toBe(0);
  });

  it('rejects a 1 MiB body with 413', async () => {
    const r = await post(JSON.stringify({ query: `{ organizations { totalCount } } #${'x'.repeat(1 << 20)}` }));
    expect(r.status).toBe(413);
    expect(r.json.errors?.[0]?.extensions?.code).toBe('PAYLOAD_TOO_LARGE');
    expect(r.roundTrips).toBe(0);
  });

  it('rejects first: 99999999 with BAD_USER_INPUT', async () => {
    const r = await post(query('{ missions(first: 99999999) { totalCount } }'));
    expect(r.json.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.roundTrips).toBe(0);
  });

  it('answers malformed JSON with 400 and a GraphQL error, not a stack trace', async () => {
    const r = await post('{"query": "{ organizations { totalCount } }"');
    expect(r.status).toBe(400);
    expect(r.json.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    expect(r.json.errors?.[0]?.message).toBe('The request body is not valid JSON.');
    expect(r.roundTrips).toBe(0);
  });

  it('answers GET queries, and guards them as POST ones', async () => {
    const get = (q: string, path = '/graphql') =>
      fetch(`${app.url}${path}?query=${encodeURIComponent(q)}`, { headers: { 'apollo-require-preflight': 'true' } });
    const ok = await get('{ organizations { totalCount } }');
    expect(ok.status).toBe(200);
    expect(
      ((await ok.json()) as { data: { organizations: { totalCount: number } } }).data.organizations.totalCount,
    ).toBe(0);
    const slash = await get('{ __typename }', '/graphql/');
    expect(await slash.json()).toEqual({ data: { __typename: 'Query' } });
    const deep = await get(`{ ${'missions { items { organizations { '.repeat(25)} id ${'} } }'.repeat(25)} }`);
    expect(deep.status).toBe(400);
    expect(((await deep.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe(
      'QUERY_TOO_DEEP',
    );
  });

  it('refuses a GET that carries a body, so that the guard checks the operation the URL makes Apollo run', async () => {
    const aliases = Array.from({ length: 600 }, (_, i) => `a${i}: __typename`).join(' ');
    const url = new URL(`${app.url}/graphql?query=${encodeURIComponent(`{ ${aliases} }`)}`);
    const payload = JSON.stringify({ query: '{ __typename }' });
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(
        url,
        {
          method: 'GET',
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(payload),
            'apollo-require-preflight': 'true',
          },
        },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
    expect(answer.status).toBe(400);
    expect((JSON.parse(answer.body) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe(
      'BAD_REQUEST',
    );
  });

  it('refuses a day the calendar lacks in every date argument, naming the argument', async () => {
    for (const q of [
      '{ missions(activeIn: {from: "2013-02-31"}) { items { id } } }',
      '{ mspoShare(from: "2013-02-31", to: "2014") { periods { period } } }',
      '{ sharedPersonnel(a: "X", b: "Y", asOf: "2013-02-31") { jaccard } }',
    ]) {
      const r = await post(JSON.stringify({ query: q }));
      expect({ q, code: r.json.errors?.[0]?.extensions?.code }).toEqual({ q, code: 'BAD_USER_INPUT' });
    }
    const named = await post(
      JSON.stringify({ query: '{ sharedPersonnel(a: "X", b: "Y", asOf: "2013-02-31") { jaccard } }' }),
    );
    expect(named.json.errors?.[0]?.message).toBe('asOf must be a calendar date written YYYY, YYYY-MM or YYYY-MM-DD.');
    // In production a validation error names the argument and the rule, and echoes nothing the client sent.
    const big = 'x'.repeat(5000);
    const prodAnswer = await post(
      JSON.stringify({ query: `{ missions(activeIn: {from: "2013-02-31"}, hostState: "${big}") { items { id } } }` }),
      undefined,
      prod.url,
    );
    expect(prodAnswer.json.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const text = JSON.stringify(prodAnswer.json);
    expect(text).not.toContain('2013-02-31');
    expect(text).not.toContain(big);
    expect(text).toContain('isPartialDate');
  });

  it('sends a content policy that forbids framing, nosniff and no referrer on every route', async () => {
    for (const path of ['/', '/graphiql', '/healthz', '/graphql?query=%7B__typename%7D']) {
      const res = await fetch(`${app.url}${path}`, { headers: { 'apollo-require-preflight': 'true' } });
      const headers = {
        path,
        csp: res.headers.get('content-security-policy') ?? '',
        nosniff: res.headers.get('x-content-type-options'),
        referrer: res.headers.get('referrer-policy'),
      };
      expect(headers).toMatchObject({ path, nosniff: 'nosniff', referrer: 'no-referrer' });
      expect({ path, framing: headers.csp.includes("frame-ancestors 'none'") }).toEqual({ path, framing: true });
    }
  });

  it('refuses a mutation sent by GET', async () => {
    const res = await fetch(
      `${app.url}/graphql?query=${encodeURIComponent('mutation { deleteEntity(label: Mission, id: "X") { deleted } }')}`,
      {
        headers: { 'apollo-require-preflight': 'true' },
      },
    );
    expect(res.status).toBe(405);
  });

  it('refuses a form-encoded POST without the preflight header (CSRF prevention)', async () => {
    const r = await post('query=%7B%20organizations%20%7B%20totalCount%20%7D%20%7D', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(r.status).toBe(400);
    expect(r.roundTrips).toBe(0);
  });

  it('turns introspection and field suggestions off in production', async () => {
    const intro = await post(query('{ __schema { types { name } } }'), undefined, prod.url);
    expect(intro.json.errors?.[0]?.message).toMatch(/introspection/i);
    const typo = await post(query('{ organisations { totalCount } }'), undefined, prod.url);
    expect(typo.json.errors?.[0]?.message).not.toMatch(/Did you mean/);
    const dev = await post(query('{ organisations { totalCount } }'));
    expect(dev.json.errors?.[0]?.message).toMatch(/Did you mean/);
  });

  it('masks unexpected errors in production and never sends a stack trace', async () => {
    const r = await post(query('{ sharedPersonnel(a: "X", b: "Y") { jaccard } }'), undefined, prod.url);
    expect(r.json.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(JSON.stringify(r.json)).not.toMatch(/stacktrace|at .*\.js/);
  });
});
