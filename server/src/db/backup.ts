import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import neo4j from 'neo4j-driver';
import type { ManagedTransaction, QueryResult, RecordShape } from 'neo4j-driver';
import { repoRoot } from '../paths';
import { refreshCoDeploymentPairs } from './co-deployment-pairs';
import { refreshContributionPeaks } from './contribution-peaks';
import { refreshOrganizationTies } from './organization-network';
import {
  BACKUP_FORMAT,
  BACKUP_LABELS,
  BACKUP_REL_TYPES,
  BACKUP_VERSION,
  BackupError,
  TMP_PROP,
  checkBackup,
  encodeProps,
  readBackup,
  sorted,
} from './backup-format';
import type { BackupCounts, BackupHeader } from './backup-format';
import type { Database } from './database';
import { applySchema } from './schema';

export { BACKUP_FORMAT, BackupError } from './backup-format';
export type { BackupCounts, BackupHeader } from './backup-format';

/**
 * A logical backup of the whole graph (`npm run backup`, `npm run restore`): every node with its labels and
 * properties and every relationship with its type, endpoints and properties, as gzip-compressed JSON lines.
 * Neo4j Community has no online dump, and this also works against an external Neo4j named by NEO4J_URI.
 *
 * The file: line 1 is the header ({format, version, createdAt, neo4jVersion, counts}); then one line per node,
 * `{"n": index, "labels": [...], "props": {...}}`, numbered 0, 1, 2... in file order; then one line per
 * relationship, `{"r": type, "a": start node index, "b": end node index, "props": {...}}`. Nodes are named by
 * their index in the file, never by elementId. Property values keep their Neo4j type: strings, booleans and
 * finite floats are plain JSON; every other type is an object with one tag (`encodeValue`).
 */

/** Rows per UNWIND statement (and per transaction) when restoring. */
export const RESTORE_BATCH = 5000;

/** The temporary label and property that link the relationships to their nodes during a restore. */
const TMP_LABEL = '_PeaceopsRestore';
const TMP_INDEX = 'peaceops_restore_tmp';
/** Transaction timeout of each restore batch. */
const BATCH_TIMEOUT_MS = 120_000;

export interface BackupProgress {
  phase: 'nodes' | 'relationships' | 'delete' | 'cleanup';
  done: number;
  /** Rows expected in the phase, when known. */
  total: number;
}

export interface BackupSummary {
  file: string;
  bytes: number;
  /** Lines in the file: the header, one per node, one per relationship. */
  lines: number;
  counts: BackupCounts;
  seconds: number;
}

export interface RestoreSummary {
  file: string;
  header: BackupHeader;
  /** The counts of the database after the restore (equal to the header's, or restore throws). */
  counts: BackupCounts;
  /** Nodes and relationships deleted first (with `replace`). */
  deleted: { nodes: number; relationships: number };
  seconds: number;
}

export interface RestoreOptions {
  /** Deletes the current graph first; without it, restore refuses a database that holds any node. */
  replace?: boolean;
  /** Where cypher/schema.cypher is; the project's root by default. */
  repoRoot?: string;
  batchSize?: number;
}

// ---------------------------------------------------------------------------------------------------------------
// Backup

/** The default backup file: backups/peaceops-<UTC timestamp>.jsonl.gz under the repository root. */
export function defaultBackupFile(root: string = repoRoot(), now: Date = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return path.join(root, 'backups', `peaceops-${stamp}.jsonl.gz`);
}

/** Writes JSON lines into a gzip file, waiting when the compressor is behind. */
class GzipLines {
  private readonly gz = zlib.createGzip();
  private readonly done: Promise<void>;
  private buffer: string[] = [];
  private buffered = 0;
  lines = 0;

  constructor(file: string) {
    this.done = pipeline(this.gz, fs.createWriteStream(file));
    this.done.catch(() => undefined); // awaited in write and close
  }

  async write(value: unknown): Promise<void> {
    const line = `${JSON.stringify(value)}\n`;
    this.buffer.push(line);
    this.buffered += line.length;
    this.lines += 1;
    if (this.buffered >= 1 << 18) await this.flush();
  }

  private async flush(): Promise<void> {
    if (!this.buffer.length) return;
    const chunk = this.buffer.join('');
    this.buffer = [];
    this.buffered = 0;
    if (!this.gz.write(chunk)) await Promise.race([once(this.gz, 'drain'), this.done]);
  }

  async close(): Promise<void> {
    await this.flush();
    this.gz.end();
    await this.done;
  }

  destroy(): void {
    this.gz.destroy();
  }
}

const NODE_COUNTS = 'MATCH (n) UNWIND labels(n) AS label RETURN label AS k, count(*) AS n';
const REL_COUNTS = 'MATCH ()-[r]->() RETURN type(r) AS k, count(*) AS n';

async function countsIn(run: (q: string) => Promise<QueryResult<RecordShape>>): Promise<BackupCounts> {
  const total = async (q: string) => Number((await run(q)).records[0]?.get('n') ?? 0);
  const byKey = async (q: string) => {
    const out: Record<string, number> = {};
    for (const r of (await run(q)).records) out[r.get('k') as string] = Number(r.get('n'));
    return sorted(out);
  };
  return {
    nodes: await total('MATCH (n) RETURN count(n) AS n'),
    relationships: await total('MATCH ()-[r]->() RETURN count(r) AS n'),
    labels: await byKey(NODE_COUNTS),
    types: await byKey(REL_COUNTS),
  };
}

/** The counts of the graph now (nodes per label, relationships per type). */
export async function graphBackupCounts(db: Database): Promise<BackupCounts> {
  return db.readTx((tx) => countsIn((q) => tx.run(q)));
}

/**
 * Backs the whole graph up into `outFile` (gzip JSON lines), in one read transaction: the counts of the header,
 * then the nodes, then the relationships, streamed. The file is written under `<outFile>.partial` and renamed
 * when complete, so `outFile` is never a half-written backup. Throws (writing nothing) when the graph holds a
 * label or relationship type outside BACKUP_LABELS / BACKUP_REL_TYPES, which restore would refuse.
 *
 * Neo4j transactions are read committed, not snapshots: a write committed while the backup runs could be seen by
 * one statement and not another. The counts read first are checked against the lines written, and a
 * relationship whose node was not written fails the backup, so such a race fails it (run it again) rather than
 * leaving an inconsistent file.
 */
export async function backupGraph(
  db: Database,
  outFile: string,
  onProgress?: (p: BackupProgress) => void,
): Promise<BackupSummary> {
  const started = Date.now();
  const file = path.resolve(outFile);
  const partial = `${file}.partial`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const { version } = await db.serverInfo();
  let writer: GzipLines | undefined;
  try {
    const counts = await db.readTx(async (tx: ManagedTransaction) => {
      // A retried transaction starts the file again.
      writer?.destroy();
      const out = new GzipLines(partial);
      writer = out;
      const counts = await countsIn((q) => tx.run(q));
      const badLabels = Object.keys(counts.labels).filter((l) => !BACKUP_LABELS.includes(l));
      const badTypes = Object.keys(counts.types).filter((t) => !BACKUP_REL_TYPES.includes(t));
      if (badLabels.length || badTypes.length) {
        throw new BackupError(
          `The graph holds ${[badLabels.length ? `labels outside the model: ${badLabels.join(', ')}` : '', badTypes.length ? `relationship types outside the model: ${badTypes.join(', ')}` : ''].filter(Boolean).join('; ')}. ` +
            `A backup holds only ${BACKUP_LABELS.join(', ')} and ${BACKUP_REL_TYPES.join(', ')} (server/src/db/backup.ts); remove those nodes or extend the allow-list.`,
        );
      }
      const header: BackupHeader = {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        createdAt: new Date().toISOString(),
        neo4jVersion: version,
        counts,
      };
      await out.write(header);

      const index = new Map<string, number>();
      const report = (phase: BackupProgress['phase'], done: number, total: number) => {
        if (onProgress && (done % RESTORE_BATCH === 0 || done === total)) onProgress({ phase, done, total });
      };
      for await (const rec of tx.run(
        'MATCH (n) RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS props',
      )) {
        const n = index.size;
        index.set(rec.get('id') as string, n);
        await out.write({
          n,
          labels: rec.get('labels') as string[],
          props: encodeProps(rec.get('props') as Record<string, unknown>),
        });
        report('nodes', n + 1, counts.nodes);
      }
      let rels = 0;
      for await (const rec of tx.run(
        'MATCH (a)-[r]->(b) RETURN type(r) AS type, elementId(a) AS a, elementId(b) AS b, properties(r) AS props',
      )) {
        const a = index.get(rec.get('a') as string);
        const b = index.get(rec.get('b') as string);
        if (a === undefined || b === undefined)
          throw new BackupError(
            'The graph changed while the backup ran (a relationship to a node created meanwhile); run the backup again.',
          );
        await out.write({
          r: rec.get('type') as string,
          a,
          b,
          props: encodeProps(rec.get('props') as Record<string, unknown>),
        });
        rels += 1;
        report('relationships', rels, counts.relationships);
      }
      if (index.size !== counts.nodes || rels !== counts.relationships) {
        throw new BackupError(
          `The graph changed while the backup ran (counted ${counts.nodes} nodes and ${counts.relationships} relationships, read ${index.size} and ${rels}); run the backup again.`,
        );
      }
      return counts;
    });
    const out = writer as GzipLines;
    await out.close();
    fs.renameSync(partial, file);
    return { file, bytes: fs.statSync(file).size, lines: out.lines, counts, seconds: (Date.now() - started) / 1000 };
  } catch (err) {
    writer?.destroy();
    fs.rmSync(partial, { force: true });
    throw err;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Restore

function quoted(name: string, allowed: readonly string[]): string {
  if (!allowed.includes(name)) throw new BackupError(`not allowed in a statement: ${JSON.stringify(name)}`);
  return `\`${name}\``;
}

/** Deletes with one statement per batch until it deletes nothing; returns how many it deleted. */
async function repeatBatches(
  db: Database,
  cypher: string,
  batchSize: number,
  onBatch: (done: number) => void,
): Promise<number> {
  let done = 0;
  for (;;) {
    const n = await db.writeTx(
      async (tx) => Number((await tx.run(cypher, { limit: neo4j.int(batchSize) })).records[0]?.get('n') ?? 0),
      BATCH_TIMEOUT_MS,
    );
    if (!n) return done;
    done += n;
    onBatch(done);
  }
}

/**
 * Restores a backup file into the database. The whole file is read and checked first (nothing is written
 * when any line is bad); then the database must be empty, or `replace` deletes its graph (in batches). The
 * project's schema is applied, the nodes are created in batches of RESTORE_BATCH (each with a temporary label
 * and index property, under a temporary index), then the relationships, linked through that property; the
 * temporary label, property and index are removed at the end. Labels and types reach the Cypher text only
 * from the allow-lists; every value is a parameter. Finally the database's counts must equal the header's.
 *
 * The load is many transactions: if it fails midway the database holds part of the graph; the message says to
 * run the restore again with `replace` (the file is only read, so that is safe).
 */
export async function restoreGraph(
  db: Database,
  inFile: string,
  opts: RestoreOptions = {},
  onProgress?: (p: BackupProgress) => void,
): Promise<RestoreSummary> {
  const started = Date.now();
  const file = path.resolve(inFile);
  const batchSize = opts.batchSize ?? RESTORE_BATCH;

  // 1. The whole file is checked before anything is written.
  const header = await checkBackup(file);

  // 2. An empty database, or replace.
  const before = await db.read<{ nodes: number; rels: number }>(
    'CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS rels } RETURN nodes, rels',
  );
  const existing = before[0] ?? { nodes: 0, rels: 0 };
  const deleted = { nodes: 0, relationships: 0 };
  if (existing.nodes > 0) {
    if (!opts.replace) {
      throw new BackupError(
        `The database is not empty (${existing.nodes} nodes, ${existing.rels} relationships); restore writes only into an empty database. ` +
          'Run it again with --replace to delete the current graph first (it is then lost unless backed up).',
      );
    }
    const total = existing.nodes + existing.rels;
    deleted.relationships = await repeatBatches(
      db,
      'MATCH ()-[r]->() WITH r LIMIT $limit DELETE r RETURN count(*) AS n',
      batchSize,
      (d) => onProgress?.({ phase: 'delete', done: d, total }),
    );
    deleted.nodes = await repeatBatches(
      db,
      'MATCH (n) WITH n LIMIT $limit DETACH DELETE n RETURN count(*) AS n',
      batchSize,
      (d) => onProgress?.({ phase: 'delete', done: deleted.relationships + d, total }),
    );
  }

  // 3. The schema, and the temporary index that links relationships to nodes.
  await applySchema(db, opts.repoRoot ?? repoRoot());
  await db.autoCommit(`CREATE INDEX ${TMP_INDEX} IF NOT EXISTS FOR (n:${TMP_LABEL}) ON (n.${TMP_PROP})`);
  await db.autoCommit(`CALL db.awaitIndex('${TMP_INDEX}', 300)`);

  // 4. Nodes, then relationships, in batches.
  let phase: 'nodes' | 'relationships' = 'nodes';
  let loaded = 0;
  try {
    let nodeRows = new Map<string, { labels: string[]; rows: { i: number; props: Record<string, unknown> }[] }>();
    let relRows = new Map<string, { a: number; b: number; props: Record<string, unknown> }[]>();
    let pending = 0;
    const flush = async () => {
      if (!pending) return;
      if (phase === 'nodes') {
        const groups = [...nodeRows.values()];
        const created = await db.writeTx(async (tx) => {
          let n = 0;
          for (const g of groups) {
            const labels = [...g.labels.map((l) => `:${quoted(l, BACKUP_LABELS)}`), `:${TMP_LABEL}`].join('');
            const res = await tx.run(
              `UNWIND $rows AS row CREATE (n${labels} {${TMP_PROP}: row.i}) SET n += row.props`,
              { rows: g.rows },
            );
            n += res.summary.counters.updates().nodesCreated;
          }
          return n;
        }, BATCH_TIMEOUT_MS);
        if (created !== pending) throw new Error(`created ${created} nodes for a batch of ${pending}`);
        nodeRows = new Map();
      } else {
        const groups = [...relRows.entries()];
        const created = await db.writeTx(async (tx) => {
          let n = 0;
          for (const [type, rows] of groups) {
            const res = await tx.run(
              `UNWIND $rows AS row
               MATCH (a:${TMP_LABEL} {${TMP_PROP}: row.a})
               MATCH (b:${TMP_LABEL} {${TMP_PROP}: row.b})
               CREATE (a)-[r:${quoted(type, BACKUP_REL_TYPES)}]->(b) SET r = row.props`,
              { rows },
            );
            n += res.summary.counters.updates().relationshipsCreated;
          }
          return n;
        }, BATCH_TIMEOUT_MS);
        if (created !== pending)
          throw new Error(`created ${created} relationships for a batch of ${pending} (a node missing?)`);
        relRows = new Map();
      }
      loaded += pending;
      pending = 0;
      onProgress?.({
        phase,
        done: loaded,
        total: phase === 'nodes' ? header.counts.nodes : header.counts.relationships,
      });
    };
    for await (const e of readBackup(file)) {
      if (e.kind === 'node') {
        const key = JSON.stringify(e.labels);
        let g = nodeRows.get(key);
        if (!g) nodeRows.set(key, (g = { labels: e.labels, rows: [] }));
        g.rows.push({ i: e.n, props: e.props });
      } else {
        if (phase === 'nodes') {
          await flush();
          phase = 'relationships';
          loaded = 0;
        }
        let rows = relRows.get(e.type);
        if (!rows) relRows.set(e.type, (rows = []));
        rows.push({ a: e.a, b: e.b, props: e.props });
      }
      pending += 1;
      if (pending >= batchSize) await flush();
    }
    await flush();
  } catch (err) {
    throw new BackupError(
      `The restore failed while loading the ${phase} (${loaded} written): ${(err as Error).message}\n` +
        `The database now holds part of the backup. ${file} is unchanged: run the restore again with --replace to start over.`,
    );
  }

  // 5. The temporary label, property and index go.
  await repeatBatches(
    db,
    `MATCH (n:${TMP_LABEL}) WITH n LIMIT $limit REMOVE n:${TMP_LABEL} REMOVE n.${TMP_PROP} RETURN count(*) AS n`,
    batchSize,
    (d) => onProgress?.({ phase: 'cleanup', done: d, total: header.counts.nodes }),
  );
  await db.autoCommit(`DROP INDEX ${TMP_INDEX} IF EXISTS`);

  // 6. The database's counts must be the header's.
  const counts = await graphBackupCounts(db);
  const want = header.counts;
  const same =
    counts.nodes === want.nodes &&
    counts.relationships === want.relationships &&
    (!want.labels || JSON.stringify(counts.labels) === JSON.stringify(sorted(want.labels))) &&
    (!want.types || JSON.stringify(counts.types) === JSON.stringify(sorted(want.types)));
  if (!same) {
    throw new BackupError(
      `After the restore the database holds ${counts.nodes} nodes and ${counts.relationships} relationships ` +
        `(${JSON.stringify({ ...counts.labels, ...counts.types })}), but ${file} holds ${want.nodes} and ${want.relationships} ` +
        `(${JSON.stringify({ ...want.labels, ...want.types })}). Did something else write to the database meanwhile? Run the restore again with --replace.`,
    );
  }
  // 7. The aggregates kept at write time follow the restored facts (a backup made before they existed has none).
  await refreshCoDeploymentPairs(db);
  await refreshOrganizationTies(db);
  await refreshContributionPeaks(db);
  return { file, header, counts, deleted, seconds: (Date.now() - started) / 1000 };
}
