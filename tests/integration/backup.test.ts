import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import neo4j from 'neo4j-driver';
import { TokenStore } from '../../server/src/auth/tokens';
import { BACKUP_FORMAT, backupGraph, restoreGraph } from '../../server/src/db/backup';
import type { BackupHeader, BackupProgress } from '../../server/src/db/backup';
import type { Database } from '../../server/src/db/database';
import { applySchema } from '../../server/src/db/schema';
import { CURATED_TABLES } from '../../server/src/import/curated/tables';
import { REPO_ROOT, refreshKeptAggregates, resetGraph, testDatabase } from '../helpers/db';
import { dumpGraph, graphCounts } from '../helpers/graph-dump';
import { CURATED_DIR, runImport } from '../helpers/import';

/**
 * `npm run backup` / `npm run restore`: the curated tables plus nodes and relationships holding every property
 * type Neo4j stores go through a backup file and back, and come back equal, value and type; a bad file or a
 * non-empty database is refused before anything is written.
 */
const CURATED_FILES = CURATED_TABLES.map(([name]) => path.join(CURATED_DIR, name)).filter((f) => fs.existsSync(f));

/** Nodes and relationships of every property type, parallel and self relationships, two labels, no label. */
const TYPED_GRAPH = `
CREATE (s:State {id: 'TST-A', name: 'Testland "quoted"\\nsecond line \\\\ back\`tick ünïcødé 🕊', cowCode: 9001, gwCode: 9001.5,
  big: 9223372036854775807, small: -9223372036854775808, neg: -42, tenth: 0.1, whole: 3.0, nan: 0.0 / 0.0, inf: 1.0 / 0.0,
  ninf: -1.0 / 0.0, negzero: -0.0, flag: true, noflag: false, ints: [1, 2, 3], floats: [1.0, 2.5], bools: [true, false],
  strings: ['a', ''], dates: [date('2001-02-03'), date('1999-12-31')], empty: [],
  founded: date('1960-10-01'), ancient: date('-0044-03-15'), far: date('+12345-01-01'),
  at: datetime('2020-06-01T12:00:00.123456789+02:00'), utc: datetime('2021-01-01T00:00:00Z'),
  zoned: datetime('2020-10-25T02:30:00+01:00[Europe/Paris]'), local: localdatetime('2015-03-04T05:06:07.000000001'),
  t: time('10:11:12.5-03:30'), lt: localtime('23:59:59.999999999'), dur: duration('P1Y2M3DT4H5M6.007S'),
  negdur: duration('-PT1.5S'), place: point({latitude: 12.5, longitude: -3.25}), place3: point({x: 1.0, y: 2.0, z: 3.0}),
  times: [localtime('01:02:03'), localtime('04:05:06')]})
CREATE (b:State {id: 'TST-B', name: 'Otherland'})
CREATE (m1:Mission {id: 'TST-M1', name: 'Mission one', start: '2001-01', maxPersonnel: 1200.0})
CREATE (m2:Mission {id: 'TST-M2', name: 'Mission two'})
CREATE (dual:Mission:Organization {id: 'TST-DUAL', name: 'Both'})
CREATE (c:Conflict {id: 'TST-C', years: [1990, 1991], intensity: 2})
CREATE (p:Person {id: 'TST-P'})
CREATE (bare:Person)
CREATE (unlabelled {id: 'TST-NOLABEL', n: 1})
CREATE (s)-[:CONTRIBUTED_TO {uid: 'u1', source: 'test', from: '2001-01', troops: 10, share: 0.25, on: date('2001-01-31')}]->(m1)
CREATE (s)-[:CONTRIBUTED_TO {uid: 'u2', source: 'test', from: '2001-02', troops: 12}]->(m1)
CREATE (m1)-[:COOPERATED_WITH {source: 'test', kind: 'joint'}]->(m2)
CREATE (m1)-[:COOPERATED_WITH {source: 'test', kind: 'joint'}]->(m2)
CREATE (m2)-[:COOPERATED_WITH {source: 'test', kind: 'support', years: [2001, 2002]}]->(m1)
CREATE (m1)-[:PART_OF]->(m1)
CREATE (dual)-[:DEPLOYED {source: 'test', lead: true}]->(m2)
CREATE (m1)-[:IN_CONFLICT {source: 'test'}]->(c)
CREATE (m1)-[:HOSTED_BY {source: 'test', start: date('2001-01-01')}]->(b)
CREATE (p)-[:NATIONAL_OF {source: 'test'}]->(b)
CREATE (s)-[:PARTY_TO {source: 'test', side: 'A', year: 1990}]->(c)
CREATE (bare)-[:SERVED_IN {source: 'test'}]->(m2)`;

/** A canonical text of a driver value that keeps its type: Integer, float, temporal class, bytes. */
function canon(v: unknown): string {
  if (neo4j.isInt(v)) return `int:${v.toString()}`;
  if (typeof v === 'number') return `float:${Object.is(v, -0) ? '-0' : String(v)}`;
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(canon).join(',')}]`;
  if (ArrayBuffer.isView(v)) return `bytes:${Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('hex')}`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const fields = Object.keys(o)
      .sort()
      .map((k) => `${k}=${canon(o[k])}`);
    return `${v.constructor.name}{${fields.join(',')}}`;
  }
  return `?${String(v)}`;
}

/**
 * The whole graph (Dataset nodes included) as sorted strings of the raw driver values, so that an Integer that
 * came back as a float, or a date as a string, makes it differ; relationships name their endpoints' contents.
 */
async function typedDump(db: Database): Promise<{ nodes: string[]; rels: string[] }> {
  return db.readTx(async (tx) => {
    const node = (labels: string[], props: Record<string, unknown>) =>
      `${[...labels].sort().join(':')} ${canon(props)}`;
    const nodes = (await tx.run('MATCH (n) RETURN labels(n) AS labels, properties(n) AS props')).records.map((r) =>
      node(r.get('labels') as string[], r.get('props') as Record<string, unknown>),
    );
    const rels = (
      await tx.run(
        'MATCH (a)-[r]->(b) RETURN type(r) AS type, labels(a) AS al, properties(a) AS ap, labels(b) AS bl, properties(b) AS bp, properties(r) AS props',
      )
    ).records.map(
      (r) =>
        `${r.get('type') as string} (${node(r.get('al') as string[], r.get('ap') as Record<string, unknown>)}) -> (${node(r.get('bl') as string[], r.get('bp') as Record<string, unknown>)}) ${canon(r.get('props'))}`,
    );
    return { nodes: nodes.sort(), rels: rels.sort() };
  });
}

function readLines(file: string): string[] {
  return zlib
    .gunzipSync(fs.readFileSync(file))
    .toString('utf8')
    .split('\n')
    .filter((l, i, all) => l || i < all.length - 1);
}

function writeLines(file: string, lines: string[]): string {
  fs.writeFileSync(file, zlib.gzipSync(`${lines.join('\n')}\n`));
  return file;
}

describe('backup and restore', () => {
  let db: Database;
  let dir: string;
  let file: string;
  let before: Awaited<ReturnType<typeof dumpGraph>>;
  let typedBefore: Awaited<ReturnType<typeof typedDump>>;
  let countsBefore: Record<string, number>;

  beforeAll(async () => {
    db = testDatabase();
    await resetGraph(db);
    const summary = await runImport(db, 'curated', CURATED_FILES);
    expect(summary.issues).toEqual([]);
    await db.write(TYPED_GRAPH);
    await db.write("MATCH (s:State {id: 'TST-A'}) SET s.bytes = $bytes", { bytes: new Int8Array([1, -2, 127, -128]) });
    await refreshKeptAggregates(db); // the restore refreshes them: the graph backed up must hold them already
    await new TokenStore(db).create('backup-test', 'editor');
    await db.write(`CREATE (:AuditEntry {id: 'audit-1', at: datetime(), actor: 'test', action: 'backup-test'})`);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'peaceops-backup-'));
    file = path.join(dir, 'nested', 'graph.jsonl.gz');
    before = await dumpGraph(db);
    typedBefore = await typedDump(db);
    countsBefore = await graphCounts(db);
  }, 300_000);

  afterAll(async () => {
    await resetGraph(db);
    await applySchema(db, REPO_ROOT); // the restore test drops a constraint (restore puts it back)
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes a gzip JSON-lines file whose header counts the graph', async () => {
    const progress: BackupProgress[] = [];
    const s = await backupGraph(db, file, (p) => progress.push(p));
    expect(s.file).toBe(file);
    expect(fs.existsSync(`${file}.partial`)).toBe(false);
    const lines = readLines(file);
    const header = JSON.parse(lines[0]) as BackupHeader;
    const total = (
      await db.read<{ n: number; r: number }>(
        'CALL () { MATCH (n) RETURN count(n) AS n } CALL () { MATCH ()-[r]->() RETURN count(r) AS r } RETURN n, r',
      )
    )[0];
    expect(header).toMatchObject({
      format: BACKUP_FORMAT,
      version: 1,
      counts: { nodes: total?.n, relationships: total?.r },
    });
    expect(header.neo4jVersion).toMatch(/^5\./);
    expect(header.counts.labels.Dataset).toBeGreaterThan(0);
    expect(header.counts.types.COOPERATED_WITH).toBe(countsBefore.COOPERATED_WITH);
    expect(lines.length).toBe(1 + header.counts.nodes + header.counts.relationships);
    expect(s.lines).toBe(lines.length);
    expect(header.counts.nodes).toBeGreaterThan(300);
    // Nodes first, numbered in order; then relationships naming them by number; typed values tagged.
    expect(JSON.parse(lines[1])).toMatchObject({ n: 0 });
    expect(JSON.parse(lines[lines.length - 1])).toHaveProperty('r');
    const testland = lines
      .map((l) => JSON.parse(l) as { props?: Record<string, unknown> })
      .find((o) => o.props?.id === 'TST-A');
    expect(testland?.props).toMatchObject({
      cowCode: { $int: '9001' },
      gwCode: 9001.5,
      big: { $int: '9223372036854775807' },
      whole: 3,
      nan: { $float: 'NaN' },
      negzero: { $float: '-0' },
      founded: { $date: '1960-10-01' },
      zoned: { $datetime: '2020-10-25T02:30:00+01:00[Europe/Paris]' },
      ints: [{ $int: '1' }, { $int: '2' }, { $int: '3' }],
      empty: [],
    });
    expect(progress.at(-1)).toEqual({
      phase: 'relationships',
      done: header.counts.relationships,
      total: header.counts.relationships,
    });
  });

  it('restores into an empty database the same graph, values and types, with the schema', async () => {
    await resetGraph(db);
    await db.autoCommit('DROP CONSTRAINT mission_id IF EXISTS');
    const progress: BackupProgress[] = [];
    const s = await restoreGraph(db, file, { batchSize: 200 }, (p) => progress.push(p));
    expect(s.counts.nodes).toBe(s.header.counts.nodes);
    expect(s.deleted).toEqual({ nodes: 0, relationships: 0 });
    expect(progress.some((p) => p.phase === 'nodes')).toBe(true);
    const after = await dumpGraph(db);
    expect(after.nodes.length).toBe(before.nodes.length);
    expect(after).toEqual(before);
    expect(await typedDump(db)).toEqual(typedBefore);
    expect(await graphCounts(db)).toEqual(countsBefore);

    const types = await db.read<Record<string, unknown>>(
      `MATCH (s:State {id: 'TST-A'})
       RETURN valueType(s.cowCode) AS int, valueType(s.gwCode) AS float, valueType(s.whole) AS whole,
              valueType(s.founded) AS date, valueType(s.at) AS datetime, valueType(s.zoned) AS zoned,
              valueType(s.local) AS local, valueType(s.t) AS time, valueType(s.lt) AS localtime,
              valueType(s.dur) AS duration, valueType(s.place) AS point, valueType(s.ints) AS ints,
              valueType(s.floats) AS floats, valueType(s.dates) AS dates, valueType(s.empty) AS empty,
              s.big = 9223372036854775807 AND s.small = -9223372036854775808 AS bigOk, isNaN(s.nan) AS nan,
              s.zoned = datetime('2020-10-25T02:30:00+01:00[Europe/Paris]') AS zonedOk, toString(s.zoned) AS zonedText,
              s.dur = duration('P1Y2M3DT4H5M6.007S') AND s.negdur = duration('-PT1.5S') AS durOk,
              s.ancient = date('-0044-03-15') AND s.far = date('+12345-01-01') AS datesOk,
              s.place3 = point({x: 1.0, y: 2.0, z: 3.0}) AS pointOk, s.name CONTAINS '🕊' AS textOk`,
    );
    expect(types[0]).toEqual({
      int: 'INTEGER NOT NULL',
      float: 'FLOAT NOT NULL',
      whole: 'FLOAT NOT NULL',
      date: 'DATE NOT NULL',
      datetime: 'ZONED DATETIME NOT NULL',
      zoned: 'ZONED DATETIME NOT NULL',
      local: 'LOCAL DATETIME NOT NULL',
      time: 'ZONED TIME NOT NULL',
      localtime: 'LOCAL TIME NOT NULL',
      duration: 'DURATION NOT NULL',
      point: 'POINT NOT NULL',
      ints: 'LIST<INTEGER NOT NULL> NOT NULL',
      floats: 'LIST<FLOAT NOT NULL> NOT NULL',
      dates: 'LIST<DATE NOT NULL> NOT NULL',
      empty: 'LIST<NOTHING> NOT NULL',
      bigOk: true,
      nan: true,
      zonedOk: true,
      zonedText: '2020-10-25T02:30:00+01:00[Europe/Paris]',
      durOk: true,
      datesOk: true,
      pointOk: true,
      textOk: true,
    });
    const rels = await db.read<{ troops: string; on: string }>(
      `MATCH (:State {id: 'TST-A'})-[r:CONTRIBUTED_TO {uid: 'u1'}]->() RETURN valueType(r.troops) AS troops, valueType(r.on) AS on`,
    );
    expect(rels).toEqual([{ troops: 'INTEGER NOT NULL', on: 'DATE NOT NULL' }]);
    const parallel = await db.read<{ n: number }>(
      `MATCH (:Mission {id: 'TST-M1'})-[r:COOPERATED_WITH {kind: 'joint'}]->(:Mission {id: 'TST-M2'}) RETURN count(r) AS n`,
    );
    expect(parallel[0]?.n).toBe(2);

    // The schema is back (the dropped constraint too); the temporary label, property and index are gone.
    const constraints = await db.read<{ name: string }>('SHOW CONSTRAINTS YIELD name RETURN name');
    expect(constraints.map((c) => c.name)).toEqual(
      expect.arrayContaining(['mission_id', 'state_id', 'dataset_id', 'contributed_uid']),
    );
    const indexes = await db.read<{ name: string }>('SHOW INDEXES YIELD name RETURN name');
    expect(indexes.map((i) => i.name)).toEqual(expect.arrayContaining(['entity_search', 'mission_start']));
    expect(indexes.map((i) => i.name)).not.toContain('peaceops_restore_tmp');
    const leftovers = await db.read<{ n: number }>(
      'MATCH (n) WHERE n:_PeaceopsRestore OR n._peaceopsRestore IS NOT NULL RETURN count(n) AS n',
    );
    expect(leftovers[0]?.n).toBe(0);
  });

  it('refuses a database that is not empty unless told to replace it, then replaces it', async () => {
    await db.write(`CREATE (:State {id: 'TST-EXTRA', name: 'Extra'})`);
    const withExtra = await typedDump(db);
    await expect(restoreGraph(db, file)).rejects.toThrow(/not empty .*--replace/s);
    expect(await typedDump(db)).toEqual(withExtra);

    const s = await restoreGraph(db, file, { replace: true });
    expect(s.deleted.nodes).toBe(withExtra.nodes.length);
    expect(await typedDump(db)).toEqual(typedBefore);
    expect(await dumpGraph(db)).toEqual(before);
  });

  it('refuses a damaged file, naming the file and the line, before writing anything', async () => {
    const lines = readLines(file);
    const bad = (name: string, edit: (ls: string[]) => string[]) => writeLines(path.join(dir, name), edit([...lines]));
    const cases: [string, string, RegExp][] = [
      [
        bad('json.jsonl.gz', (ls) => ls.map((l, i) => (i === 4 ? l.slice(0, -5) : l))),
        'bad JSON',
        /json\.jsonl\.gz:5: not a JSON line/,
      ],
      [
        bad('label.jsonl.gz', (ls) =>
          ls.map((l, i) => (i === 3 ? JSON.stringify({ n: 2, labels: ['State) DETACH DELETE n //'], props: {} }) : l)),
        ),
        'a label outside the model',
        /label\.jsonl\.gz:4: label "State\) DETACH DELETE n \/\/" is not one of/,
      ],
      [
        bad('type.jsonl.gz', (ls) => [...ls.slice(0, -1), JSON.stringify({ r: 'OWNS', a: 0, b: 1, props: {} })]),
        'a relationship type outside the model',
        new RegExp(`type\\.jsonl\\.gz:${lines.length}: relationship type "OWNS" is not one of`),
      ],
      [
        bad('endpoint.jsonl.gz', (ls) => [
          ...ls.slice(0, -1),
          JSON.stringify({ r: 'PART_OF', a: 0, b: 10 ** 6, props: {} }),
        ]),
        'an endpoint that is not a node of the file',
        new RegExp(`endpoint\\.jsonl\\.gz:${lines.length}: "b" must be the index of a node`),
      ],
      [
        bad('tag.jsonl.gz', (ls) =>
          ls.map((l, i) => (i === 2 ? JSON.stringify({ ...JSON.parse(l), props: { odd: { $wat: '1' } } }) : l)),
        ),
        'an unknown value tag',
        /tag\.jsonl\.gz:3: property "odd": unknown value tag "\$wat"/,
      ],
      [
        bad('format.jsonl.gz', (ls) => [JSON.stringify({ ...JSON.parse(ls[0]), format: 'other' }), ...ls.slice(1)]),
        'another format',
        /format\.jsonl\.gz:1: not a peaceops backup/,
      ],
      [
        bad('short.jsonl.gz', (ls) => ls.slice(0, -1)),
        'a truncated file',
        /short\.jsonl\.gz: ends at line \d+ with \d+ relationships, the header says \d+/,
      ],
      [
        writeLines(path.join(dir, 'empty.jsonl.gz'), []),
        'an empty file',
        /empty\.jsonl\.gz:1: an empty line|the file is empty/,
      ],
    ];
    const plain = path.join(dir, 'plain.jsonl.gz');
    fs.writeFileSync(plain, lines.join('\n'));
    cases.push([plain, 'a file that is not gzip', /plain\.jsonl\.gz: not a gzip file/]);
    cases.push([path.join(dir, 'missing.jsonl.gz'), 'a missing file', /missing\.jsonl\.gz: no such file/]);

    const graph = await typedDump(db);
    for (const [f, what, message] of cases) {
      await expect(restoreGraph(db, f, { replace: true })).rejects.toThrow(message);
      expect({ what, graph: await typedDump(db) }).toEqual({ what, graph });
    }
  });

  it('runs as commands: npm run backup and npm run restore', async () => {
    const dist = path.join(REPO_ROOT, 'dist', 'test-backup');
    const cli = (name: string) => path.join(dist, 'server', 'src', 'cli', `${name}.js`);
    // tsconfig.build.json emits even when another session's work in progress has a type error.
    const build = spawnSync(
      process.execPath,
      [path.join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json', '--outDir', dist],
      {
        cwd: REPO_ROOT,
        encoding: 'utf8',
      },
    );
    for (const c of ['backup', 'restore'])
      if (!fs.existsSync(cli(c)))
        throw new Error(`the build did not produce ${cli(c)}:\n${build.stdout}${build.stderr}`);
    // Off a terminal, progress goes to stderr as plain lines ("nodes: 741 of 741"); nothing else may.
    const progressOnly = (stderr: string) =>
      stderr.split('\n').filter((l) => l && !/^(nodes|relationships|delete|cleanup): \d+ of \d+$/.test(l));
    const run = (name: string, args: string[]) =>
      spawnSync(process.execPath, [cli(name), ...args], {
        cwd: REPO_ROOT,
        encoding: 'utf8',
        env: { ...process.env, NEO4J_URI: process.env.TEST_NEO4J_URI, LOG_LEVEL: 'warn', NODE_ENV: 'test' },
      });
    try {
      const out = path.join(dir, 'cli.jsonl.gz');
      const backup = run('backup', ['--out', out]);
      expect({ code: backup.status, stderr: progressOnly(backup.stderr) }).toEqual({ code: 0, stderr: [] });
      expect(backup.stdout).toMatch(
        new RegExp(
          `^Backed up ${typedBefore.nodes.length} nodes and ${typedBefore.rels.length} relationships to ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`,
        ),
      );

      const refused = run('restore', [out]);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toMatch(
        /^restore: Restore failed: The database is not empty .* Run it again with --replace/s,
      );
      expect(refused.stderr).not.toMatch(/\n\s+at /); // a message, not a stack

      const damaged = run('restore', ['--replace', path.join(dir, 'json.jsonl.gz')]);
      expect(damaged.status).toBe(1);
      expect(damaged.stderr).toMatch(/json\.jsonl\.gz:5: not a JSON line/);

      const restored = run('restore', ['--replace', out]);
      expect({ code: restored.status, stderr: progressOnly(restored.stderr) }).toEqual({ code: 0, stderr: [] });
      expect(restored.stderr).toMatch(/^relationships: \d+ of \d+$/m);
      expect(restored.stdout).toMatch(
        new RegExp(
          `Restored ${typedBefore.nodes.length} nodes and ${typedBefore.rels.length} relationships .* the counts equal the file's`,
        ),
      );
      expect(await typedDump(db)).toEqual(typedBefore);

      const usage = run('restore', []);
      expect(usage.status).toBe(2); // a usage error
      expect(usage.stderr).toMatch(/No file given/);
    } finally {
      fs.rmSync(dist, { recursive: true, force: true });
    }
  }, 180_000);
});
