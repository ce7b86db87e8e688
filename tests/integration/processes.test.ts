import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { TokenStore } from '../../server/src/auth/tokens';
import type { Database } from '../../server/src/db/database';
import { compiledCli } from '../helpers/compiled';
import { REPO_ROOT, resetGraph, testDatabase } from '../helpers/db';
import { dumpGraph, graphCounts } from '../helpers/graph-dump';
import { tempFile } from '../helpers/import';
import { waitFor } from '../helpers/wait';

/**
 * The real commands as separate processes (issue 9): the import killed with SIGKILL and re-run, the server
 * stopped with SIGTERM while requests are in flight, and the exit codes of the import command. The commands are
 * compiled once per run (tests/helpers/compiled.ts).
 */
const CLI = (name: string) => compiledCli(name);

const STATE_HEADER = 'id,name,cow_code,cow_abb,gw_code,region,aliases,source';
function statesFile(rows: number): string {
  const lines = [STATE_HEADER];
  for (let n = 1; n <= rows; n += 1) {
    const id = `T${String(n).padStart(6, '0')}`;
    lines.push(`${id},State ${id},${(n % 999) + 1},T${n % 100},${(n % 999) + 1},Region ${n % 7},alias-${id},synthetic`);
  }
  return tempFile('states.csv', `${lines.join('\n')}\n`);
}

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Spawns a compiled command against the test run's Neo4j; `done` resolves when it exits. */
function launch(
  cli: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
): { child: ChildProcess; done: Promise<Exit>; stdout: () => string } {
  const child = spawn(process.execPath, [CLI(cli), ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, NEO4J_URI: process.env.TEST_NEO4J_URI, LOG_LEVEL: 'warn', NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  const done = new Promise<Exit>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, done, stdout: () => stdout };
}

const importCli = (args: string[]) => launch('import', args).done;

async function stateCount(db: Database): Promise<number> {
  const rows = await db.read<{ n: number }>('MATCH (s:State) RETURN count(s) AS n');
  return rows[0]?.n ?? 0;
}

/** A request on a new connection (no keep-alive pool), so that a closed listener shows as a refused connection. */
function freshRequest(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${url}/healthz`, { agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
  });
}

describe('the commands as processes', () => {
  let db: Database;

  beforeAll(() => {
    for (const cli of ['import', 'start']) compiledCli(cli);
    db = testDatabase();
  }, 300_000);

  beforeEach(() => resetGraph(db));

  afterAll(async () => {
    await resetGraph(db);
    await db.close();
  });

  it('import killed with SIGKILL mid-way leaves whole batches only, and a re-run gives exactly the graph of an uninterrupted run', async () => {
    const rows = 20_000;
    const batch = 100;
    const file = statesFile(rows);
    const args = ['--format', 'curated', '--batch-size', String(batch), file];

    const reference = await importCli(args);
    expect(reference.code).toBe(0);
    const full = await dumpGraph(db);
    expect(full.nodes).toHaveLength(rows);
    await resetGraph(db);

    const run = launch('import', args);
    await waitFor(
      'the first batches',
      async () => ((await stateCount(db)) >= 5 * batch ? true : undefined),
      120_000,
      50,
    );
    run.child.kill('SIGKILL');
    const killed = await run.done;
    expect(killed.signal).toBe('SIGKILL');
    // The batch in flight when the process died is rolled back by Neo4j when its connection drops.
    await new Promise((r) => setTimeout(r, 1000));
    const partial = await stateCount(db);
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(rows);
    expect(partial % batch).toBe(0);
    expect(await stateCount(db)).toBe(partial);

    const rerun = await importCli(args);
    expect(rerun.code).toBe(0);
    expect(await dumpGraph(db)).toEqual(full);
    expect(await graphCounts(db)).toEqual({ State: rows, Dataset: 1 });
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }, 600_000);

  it('server stopped with SIGTERM lets the requests in flight finish with 200, refuses new connections, and exits 0', async () => {
    await db.write(
      "CREATE (:Organization {id: 'EU', name: 'European Union', acronym: 'EU', kind: 'regional'}), (:Organization {id: 'UN', name: 'United Nations', acronym: 'UN', kind: 'global'})",
    );
    const { token } = await new TokenStore(db).create('sigterm-test', 'editor');
    // Two connections only: while the two first writes wait for the lock below, every other request waits for a
    // connection, so all of them are still in flight when the signal arrives.
    const server = launch('start', [], {
      PORT: '0',
      HOST: '127.0.0.1',
      NEO4J_MAX_POOL_SIZE: '2',
      SHUTDOWN_TIMEOUT_MS: '20000',
    });
    const url = await waitFor(
      'the Ready line',
      () => /Ready in .*?(http:\/\/127\.0\.0\.1:\d+)\//.exec(server.stdout())?.[1],
      120_000,
      100,
    );
    expect(await freshRequest(url)).toBe(200);

    // Hold a write lock on EU: upserts of EU wait for it, so they are slow for as long as the test decides.
    const session = db.driver.session();
    const lock = await session.beginTransaction();
    await lock.run("MATCH (o:Organization {id: 'EU'}) SET o.lockedBy = 'test'");

    const post = (query: string, auth = false) =>
      fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query }),
      }).then(async (res) => ({
        status: res.status,
        body: (await res.json()) as { data?: unknown; errors?: unknown[] },
        at: Date.now(),
      }));
    // The writes first: the two that get a connection wait for the lock and keep both connections busy...
    const writes = Array.from({ length: 4 }, (_, i) =>
      post(
        `mutation { upsertOrganization(input: {id: "EU", name: "European Union", acronym: "EU${i}", sourceRef: "sigterm test"}) { id } }`,
        true,
      ),
    );
    await new Promise((r) => setTimeout(r, 1000));
    // ...so that the reads sent next wait for a connection.
    const reads = Array.from({ length: 6 }, () =>
      post('{ organizations { totalCount items { id } } states { totalCount } }'),
    );
    await new Promise((r) => setTimeout(r, 500));
    const sigtermAt = Date.now();
    server.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    // Draining: the listener is closed, so a new connection is refused while the old requests go on.
    await expect(freshRequest(url)).rejects.toThrow(/ECONNREFUSED/);
    await new Promise((r) => setTimeout(r, 1000));
    await lock.rollback();
    await session.close();

    const answers = await Promise.all([...writes, ...reads]);
    for (const a of answers) {
      expect(a.status).toBe(200);
      expect(a.body.errors).toBeUndefined();
      // Every request was still in flight when the signal came.
      expect(a.at).toBeGreaterThan(sigtermAt);
    }
    const exit = await server.done;
    expect({ code: exit.code, signal: exit.signal, stderr: exit.stderr }).toEqual({
      code: 0,
      signal: null,
      stderr: '',
    });
    const acronyms = await db.read<{ acronym: string }>(
      "MATCH (o:Organization {id: 'EU'}) RETURN o.acronym AS acronym",
    );
    expect(acronyms[0]?.acronym).toMatch(/^EU\d$/);
  }, 300_000);

  describe('exit codes of the import command', () => {
    const ORG_HEADER = 'id,name,acronym,kind,founded,dissolved,predecessor_id,cow_igo,aliases,source';

    it('exits 0 when every row is imported', async () => {
      const file = tempFile(
        'organizations.csv',
        [ORG_HEADER, 'AAA,Org A,AAA,regional,1990,,,,,doc', 'BBB,Org B,BBB,global,1990,,,,,doc'].join('\n'),
      );
      const r = await importCli(['--format', 'curated', file]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/2 rows read, 2 imported, 0 rejected/);
      expect((await graphCounts(db)).Organization).toBe(2);
    });

    it('exits 1 when some rows are rejected, imports the rest and writes the report', async () => {
      const file = tempFile(
        'organizations.csv',
        [ORG_HEADER, 'AAA,Org A,AAA,regional,1990,,,,,doc', 'BBB,Org B,BBB,galactic,1990,,,,,doc'].join('\n'),
      );
      const report = path.join(path.dirname(file), 'rejected.csv');
      const r = await importCli(['--format', 'curated', '--report', report, file]);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/organizations\.csv:3 kind: 'galactic' is not one of/);
      expect(fs.readFileSync(report, 'utf8')).toMatch(/^file,line,field,reason\norganizations\.csv,3,kind,/);
      expect((await graphCounts(db)).Organization).toBe(1);
    });

    it('exits 2 on a header of another format, writing nothing', async () => {
      const file = tempFile('organizations.csv', [STATE_HEADER, 'T000001,State,1,T,1,R,,doc'].join('\n'));
      const r = await importCli(['--format', 'curated', file]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(
        /^Error: organizations\.csv: the header does not match format 'curated'; it looks like format 'curated \(States/,
      );
      expect(await graphCounts(db)).toEqual({});
    });

    it.each([
      ['no --format', ['x.csv'], /Missing --format/],
      ['an unknown format', ['--format', 'nope', 'x.csv'], /Unknown format 'nope'/],
      ['no file', ['--format', 'curated'], /No file given/],
      [
        'a bad batch size',
        ['--format', 'curated', '--batch-size', 'ten', 'x.csv'],
        /--batch-size must be a positive whole number/,
      ],
      ['an unknown option', ['--format', 'curated', '--frobnicate', 'x.csv'], /Unknown option/],
      ['a missing file', ['--format', 'curated', '/nonexistent/organizations.csv'], /no such file/],
    ])('exits 2 on a usage error: %s', async (_what, args, message) => {
      const r = await importCli(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });

    it('exits 130 on SIGINT, after the batch in flight, keeping whole batches', async () => {
      const file = statesFile(20_000);
      const run = launch('import', ['--format', 'curated', '--batch-size', '100', file]);
      await waitFor('the first batches', async () => ((await stateCount(db)) >= 300 ? true : undefined), 120_000, 50);
      run.child.kill('SIGINT');
      const r = await run.done;
      expect(r.code).toBe(130);
      expect(r.stdout).toMatch(/INTERRUPTED: run the same command again/);
      const n = await stateCount(db);
      expect(n % 100).toBe(0);
      expect(n).toBeLessThan(20_000);
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }, 300_000);
  });
});
