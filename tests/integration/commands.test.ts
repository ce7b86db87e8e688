import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Database } from '../../server/src/db/database';
import { compiledCli } from '../helpers/compiled';
import { REPO_ROOT, resetGraph, testDatabase } from '../helpers/db';

/**
 * The command lines as their users call them (issue 18): every command answers --help (exit 0), --version and a
 * wrong option (exit 2, one line, no stack); results alone on standard output, so that they can be piped: cypher
 * from standard input in each format, with every row; export --format json into a JSON parser.
 */
const COMMANDS = [
  'start',
  'neo4j',
  'cypher',
  'import',
  'seed',
  'export',
  'analysis-export',
  'data-check',
  'backup',
  'restore',
  'token',
  'schema',
  'emit-schema',
];
/** The name each command gives itself (peaceops <name>). */
const NAMES: Record<string, string> = {
  'analysis-export': 'analysis:export',
  'data-check': 'data:check',
  schema: 'schema:apply',
  'emit-schema': 'schema:emit',
};

interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], input?: string): Ran {
  const res = spawnSync(process.execPath, [compiledCli(command), ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, NEO4J_URI: process.env.TEST_NEO4J_URI, LOG_LEVEL: 'warn', NODE_ENV: 'test' },
    input: input ?? '',
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: res.status, stdout: res.stdout, stderr: res.stderr };
}

const STACK_LINE = /^\s+at .+\(.+:\d+:\d+\)$/m;

describe('every command', () => {
  it.each(COMMANDS)('%s: --help prints its usage and the common options and exits 0', (command) => {
    const r = run(command, ['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Usage: peaceops ${NAMES[command] ?? command}`));
    expect(r.stdout).toContain('-V, --version');
    expect(r.stderr).toBe('');
  });

  it.each(COMMANDS)('%s: a wrong option is a usage error: exit 2, one message naming it, no stack', (command) => {
    const r = run(command, ['--no-such-option']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("Unknown option '--no-such-option'");
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(r.stdout).toBe('');
  });

  it('--version prints the project and its version', () => {
    const { name, version } = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
      name: string;
      version: string;
    };
    expect(run('cypher', ['--version'])).toEqual({ status: 0, stdout: `${name} ${version}\n`, stderr: '' });
    expect(run('export', ['-V']).stdout).toBe(`${name} ${version}\n`);
  });
});

describe('cypher and export, piped', () => {
  let db: Database;
  beforeAll(async () => {
    db = testDatabase();
    await resetGraph(db);
    await db.write(
      "UNWIND range(1, 3) AS i CREATE (:Organization {id: 'ORG' + i, name: 'Org, number ' + i, acronym: 'O' + i})",
    );
  });
  afterAll(async () => {
    await resetGraph(db);
    await db.close();
  });

  const SCRIPT =
    'UNWIND range(1, 250) AS n RETURN n, "row " + n AS label, [n, n * 2] AS pair, CASE WHEN n = 2 THEN null ELSE n END AS maybe;';

  it('reads the script from standard input and prints every row as JSON Lines, the summary on standard error', () => {
    const r = run('cypher', ['--format', 'json'], SCRIPT);
    expect(r.status).toBe(0);
    const rows = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows).toHaveLength(250); // no cut at 100
    expect(rows[1]).toEqual({ n: 2, label: 'row 2', pair: [2, 4], maybe: null });
    expect(r.stderr).toContain('line 1: 250 rows');
  });

  it('prints CSV that a CSV parser reads back, null as an empty cell and lists as JSON text', () => {
    const r = run('cypher', ['--format', 'csv', '-'], SCRIPT);
    expect(r.status).toBe(0);
    const rows = parse<Record<string, string>>(r.stdout, { columns: true });
    expect(rows).toHaveLength(250);
    expect(rows[1]).toEqual({ n: '2', label: 'row 2', pair: '[2,4]', maybe: '' });
  });

  it('prints a table with a header, every row and NULL for null', () => {
    const r = run('cypher', [
      '--format',
      'table',
      '-e',
      'MATCH (o:Organization) RETURN o.id AS id, o.name AS name, o.missing AS missing ORDER BY id',
    ]);
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[1]).toMatch(/^\| id +\| name +\| missing \|$/);
    expect(lines.filter((l) => l.startsWith('| ORG'))).toEqual([
      expect.stringMatching(/^\| ORG1 \| Org, number 1 \| NULL +\|$/),
      expect.stringMatching(/^\| ORG2 /),
      expect.stringMatching(/^\| ORG3 /),
    ]);
  });

  it('refuses an unknown format and an empty standard input with a usage error', () => {
    expect(run('cypher', ['--format', 'xml', '-e', 'RETURN 1']).status).toBe(2);
    const r = run('cypher', ['-e', 'RETURN 1', 'file.cypher']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('either -e or a file');
  });

  it('export --format json writes JSON alone on standard output, its count on standard error', () => {
    const r = run('export', ['--format', 'json', '--labels', 'Organization']);
    expect(r.status).toBe(0);
    const graph = JSON.parse(r.stdout) as { nodes: { id: string }[] };
    expect(graph.nodes.map((n) => n.id).sort()).toEqual(['ORG1', 'ORG2', 'ORG3']);
    expect(r.stderr).toContain('Exported 3 nodes');
  });
});

describe('settings from .env', () => {
  const bin = path.join(REPO_ROOT, 'bin', 'peaceops.js');
  const envFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'peaceops-env-')), '.env');
  beforeAll(() => {
    compiledCli('cypher'); // the dispatcher compiles dist/ itself when stale; this only makes sure the sources build
    fs.writeFileSync(envFile, '# a Neo4j that is not there\nNEO4J_URI=bolt://127.0.0.1:1\nNEO4J_CONNECT_TIMEOUT_S=2\n');
  });
  const viaBin = (env: NodeJS.ProcessEnv) =>
    spawnSync(process.execPath, [bin, 'cypher', '--format', 'json', '-e', 'RETURN 1 AS one'], {
      cwd: REPO_ROOT,
      env: { ...env, PEACEOPS_ENV_FILE: envFile, LOG_LEVEL: 'warn' },
      encoding: 'utf8',
      timeout: 300_000,
    });

  it('applies a setting of .env that the environment lacks', () => {
    const env = { ...process.env };
    delete env.NEO4J_URI;
    const r = viaBin(env);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('127.0.0.1:1');
  }, 300_000);

  it('lets the environment win over .env', () => {
    const r = viaBin({ ...process.env, NEO4J_URI: process.env.TEST_NEO4J_URI });
    expect(r.stderr).not.toContain('127.0.0.1:1');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('{"one":1}\n');
  }, 300_000);
});

describe('cypher-shell', () => {
  it("runs Neo4j's own cypher-shell (fetched from Maven Central once) against the Neo4j of NEO4J_URI", () => {
    const r = spawnSync(
      process.execPath,
      [path.join(REPO_ROOT, 'bin', 'peaceops.js'), 'cypher-shell', '--format', 'plain', 'RETURN 1 + 1 AS two;'],
      {
        cwd: REPO_ROOT,
        env: { ...process.env, NEO4J_URI: process.env.TEST_NEO4J_URI },
        encoding: 'utf8',
        timeout: 300_000,
      },
    );
    expect({ status: r.status, stdout: r.stdout }).toEqual({ status: 0, stdout: 'two\n2\n' });
  }, 300_000);
});
