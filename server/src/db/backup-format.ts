import fs from 'node:fs';
import readline from 'node:readline';
import zlib from 'node:zlib';
import neo4j from 'neo4j-driver';
import { NODE_LABELS, REL_TYPES } from '../model/graph';
import { CO_DEPLOYMENT_PAIR } from './co-deployment-pairs';
import { CONTRIBUTION_PEAK } from './contribution-peaks';
import { ORGANIZATION_TIE } from './organization-network';

/**
 * The backup file format of `npm run backup` / `npm run restore`: its header, the labels and types it may hold,
 * the encoding of property values, and the reader that checks a file line by line. See backup.ts.
 *
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

export const BACKUP_FORMAT = 'peaceops-backup';
export const BACKUP_VERSION = 1;

/**
 * Labels the graph holds beyond the model's NODE_LABELS (cypher/schema.cypher): the Dataset node of each imported
 * file (import/writer.ts), API tokens (auth/tokens.ts) and the audit trail of writes (admin.repository.ts).
 */
export const EXTRA_LABELS = ['Dataset', 'ApiToken', 'AuditEntry'] as const;

/** The labels and relationship types a backup may hold; the only names restore writes into Cypher text. */
export const BACKUP_LABELS: readonly string[] = [...NODE_LABELS, ...EXTRA_LABELS];
/**
 * Relationships derived from the facts and kept at write time (db/co-deployment-pairs.ts, db/organization-network.ts,
 * db/contribution-peaks.ts): backed up with them, refreshed after a restore.
 */
export const DERIVED_REL_TYPES = [CO_DEPLOYMENT_PAIR, ORGANIZATION_TIE, CONTRIBUTION_PEAK] as const;
export const BACKUP_REL_TYPES: readonly string[] = [...REL_TYPES, ...DERIVED_REL_TYPES];

/** The temporary property that links the relationships to their nodes during a restore (reserved in a file). */
export const TMP_PROP = '_peaceopsRestore';

/** Counts keyed in order, so that two counts of the same graph print alike. */
export function sorted(rec: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(rec).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export interface BackupCounts {
  nodes: number;
  relationships: number;
  /** Nodes per label (a node with two labels counts under both). */
  labels: Record<string, number>;
  /** Relationships per type. */
  types: Record<string, number>;
}

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  createdAt: string;
  neo4jVersion: string;
  counts: BackupCounts;
}

/** A backup or restore that cannot go on; the message says why and what to do. */
export class BackupError extends Error {
  override readonly name = 'BackupError';
}

// ---------------------------------------------------------------------------------------------------------------
// Values

/** A property value as the file stores it. */
export type EncodedValue = string | number | boolean | EncodedValue[] | { [tag: string]: unknown };

/**
 * Encodes a property value read from Neo4j: strings, booleans and finite floats as themselves; `{"$int": "123"}`
 * (a decimal string: 64 bits do not fit a JSON number), `{"$float": "NaN" | "Infinity" | "-Infinity" | "-0"}`,
 * `{"$date": "2010-01-31"}`, `{"$localtime": "12:00:00.000000001"}`, `{"$time": "12:00:00+01:00"}`,
 * `{"$localdatetime": "..."}`, `{"$datetime": "2020-06-01T12:00:00+02:00[Europe/Paris]"}` (ISO 8601 as the driver
 * writes them: offset and zone both kept), `{"$duration": {months, days, seconds, nanoseconds}}` (decimal
 * strings), `{"$point": {srid, x, y[, z]}}`, `{"$bytes": base64}`; lists element by element.
 */
export function encodeValue(value: unknown): EncodedValue {
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number')
    return Number.isFinite(value) && !Object.is(value, -0)
      ? value
      : { $float: String(Object.is(value, -0) ? '-0' : value) };
  if (typeof value === 'bigint') return { $int: value.toString() };
  if (neo4j.isInt(value)) return { $int: value.toString() };
  if (Array.isArray(value)) return value.map(encodeValue);
  if (ArrayBuffer.isView(value))
    return { $bytes: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') };
  if (value !== null && typeof value === 'object') {
    if (neo4j.isDate(value)) return { $date: value.toString() };
    if (neo4j.isLocalTime(value)) return { $localtime: value.toString() };
    if (neo4j.isTime(value)) return { $time: value.toString() };
    if (neo4j.isLocalDateTime(value)) return { $localdatetime: value.toString() };
    if (neo4j.isDateTime(value)) return { $datetime: value.toString() };
    if (neo4j.isDuration(value)) {
      const { months, days, seconds, nanoseconds } = value;
      return {
        $duration: {
          months: String(months),
          days: String(days),
          seconds: String(seconds),
          nanoseconds: String(nanoseconds),
        },
      };
    }
    if (neo4j.isPoint(value)) {
      const p = value;
      const point: Record<string, number> = { srid: Number(p.srid), x: p.x, y: p.y };
      if (p.z !== undefined) point.z = p.z;
      return { $point: point };
    }
  }
  throw new BackupError(`cannot back up a property value of this type: ${describe(value)}`);
}

/** Encodes a property map (properties(n) or properties(r)). */
export function encodeProps(props: Record<string, unknown>): Record<string, EncodedValue> {
  const out: Record<string, EncodedValue> = {};
  for (const [k, v] of Object.entries(props)) out[k] = encodeValue(v);
  return out;
}

const INT = /^-?\d{1,19}$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Decodes a value of the file into the driver value that stores the same Neo4j type; throws on anything else. */
export function decodeValue(value: unknown): unknown {
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
    return value;
  }
  if (Array.isArray(value)) return value.map(decodeValue);
  if (value === null || typeof value !== 'object') throw new Error(`not a property value: ${describe(value)}`);
  const entries = Object.entries(value);
  if (entries.length !== 1)
    throw new Error(`a tagged value has exactly one key, got ${JSON.stringify(Object.keys(value))}`);
  const [tag, v] = entries[0] as [string, unknown];
  const text = (): string => {
    if (typeof v !== 'string') throw new Error(`${tag} expects a string, got ${describe(v)}`);
    return v;
  };
  switch (tag) {
    case '$int': {
      const s = text();
      if (!INT.test(s)) throw new Error(`$int expects a decimal integer, got ${JSON.stringify(s)}`);
      const b = BigInt(s);
      if (b < INT64_MIN || b > INT64_MAX) throw new Error(`$int out of the 64-bit range: ${s}`);
      return neo4j.int(s);
    }
    case '$float': {
      const s = text();
      const f = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity, '-0': -0 }[s];
      if (f === undefined) throw new Error(`$float expects NaN, Infinity, -Infinity or -0, got ${JSON.stringify(s)}`);
      return f;
    }
    case '$date':
      return parsed(tag, () => neo4j.types.Date.fromString(text()));
    case '$localtime':
      return parsed(tag, () => neo4j.types.LocalTime.fromString(text()));
    case '$time':
      return parsed(tag, () => neo4j.types.Time.fromString(text()));
    case '$localdatetime':
      return parsed(tag, () => neo4j.types.LocalDateTime.fromString(text()));
    case '$datetime':
      return parsed(tag, () => {
        const d = neo4j.types.DateTime.fromString(text());
        if (d.timeZoneOffsetSeconds === undefined) throw new Error('no offset');
        return d;
      });
    case '$duration': {
      const d = v as Record<string, unknown>;
      const part = (k: string) => {
        const s = d?.[k];
        if (typeof s !== 'string' || !INT.test(s)) throw new Error(`$duration.${k} expects a decimal integer string`);
        return neo4j.int(s);
      };
      return new neo4j.types.Duration(part('months'), part('days'), part('seconds'), part('nanoseconds'));
    }
    case '$point': {
      const p = v as Record<string, unknown>;
      const num = (k: string) => {
        if (typeof p?.[k] !== 'number') throw new Error(`$point.${k} expects a number`);
        return p[k];
      };
      return p?.z === undefined
        ? new neo4j.types.Point(neo4j.int(num('srid')), num('x'), num('y'))
        : new neo4j.types.Point(neo4j.int(num('srid')), num('x'), num('y'), num('z'));
    }
    case '$bytes':
      return new Int8Array(Buffer.from(text(), 'base64'));
    default:
      throw new Error(`unknown value tag ${JSON.stringify(tag)}`);
  }
}

function parsed<T>(tag: string, make: () => T): T {
  try {
    return make();
  } catch (err) {
    throw new Error(`${tag}: ${(err as Error).message}`);
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value !== 'object')
    return typeof value === 'undefined' ? 'undefined' : `${typeof value} ${JSON.stringify(value)}`;
  return value.constructor?.name ?? 'object';
}

// ---------------------------------------------------------------------------------------------------------------
// Reading a backup file

export type BackupEntry =
  | { kind: 'node'; line: number; n: number; labels: string[]; props: Record<string, unknown> }
  | { kind: 'rel'; line: number; type: string; a: number; b: number; props: Record<string, unknown> };

/**
 * Reads and checks a backup file: the header, then each line, decoded into driver values; throws a
 * BackupError naming the file and the line at the first problem (bad JSON, an unknown format, a label or
 * type outside the allow-lists, an unknown value tag, a node index out of order, a relationship to a node that
 * does not exist, counts that differ from the header's).
 */
export async function* readBackup(
  file: string,
  onHeader?: (header: BackupHeader) => void,
): AsyncGenerator<BackupEntry, void, undefined> {
  if (!fs.existsSync(file)) throw new BackupError(`${file}: no such file`);
  const gunzip = zlib.createGunzip();
  const input = fs.createReadStream(file);
  input.on('error', (err) => gunzip.destroy(err));
  const lines = readline.createInterface({ input: input.pipe(gunzip), crlfDelay: Infinity });
  let lineNo = 0;
  const fail = (reason: string): never => {
    throw new BackupError(`${file}:${lineNo}: ${reason}`);
  };
  let header: BackupHeader | undefined;
  let nodes = 0;
  let rels = 0;
  const labels: Record<string, number> = {};
  const types: Record<string, number> = {};
  try {
    for await (const text of lines) {
      lineNo += 1;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (err) {
        fail(text.trim() ? `not a JSON line (${(err as Error).message})` : 'an empty line');
      }
      if (value === null || typeof value !== 'object' || Array.isArray(value)) fail('expected a JSON object');
      const o = value as Record<string, unknown>;
      if (!header) {
        header = checkHeader(o, fail);
        onHeader?.(header);
        continue;
      }
      const decodeProps = (p: unknown): Record<string, unknown> => {
        if (p === null || typeof p !== 'object' || Array.isArray(p)) fail('"props" must be an object');
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(p as object)) {
          if (k === TMP_PROP) fail(`the property name ${TMP_PROP} is reserved for restore`);
          try {
            out[k] = decodeValue(v);
          } catch (err) {
            fail(`property ${JSON.stringify(k)}: ${(err as Error).message}`);
          }
        }
        return out;
      };
      if ('n' in o) {
        if (rels) fail('a node after the relationships (nodes come first)');
        if (o.n !== nodes) fail(`expected node ${nodes}, got ${JSON.stringify(o.n)}`);
        if (!Array.isArray(o.labels) || !o.labels.every((l) => typeof l === 'string'))
          fail('"labels" must be a list of strings');
        const ls = o.labels as string[];
        const bad = ls.filter((l) => !BACKUP_LABELS.includes(l));
        if (bad.length)
          fail(`label ${bad.map((l) => JSON.stringify(l)).join(', ')} is not one of ${BACKUP_LABELS.join(', ')}`);
        if (new Set(ls).size !== ls.length) fail('a label repeated');
        const props = decodeProps(o.props);
        for (const l of ls) labels[l] = (labels[l] ?? 0) + 1;
        nodes += 1;
        yield { kind: 'node', line: lineNo, n: o.n as number, labels: ls, props };
      } else if ('r' in o) {
        if (typeof o.r !== 'string' || !BACKUP_REL_TYPES.includes(o.r))
          fail(`relationship type ${JSON.stringify(o.r)} is not one of ${BACKUP_REL_TYPES.join(', ')}`);
        for (const end of ['a', 'b'] as const) {
          const i = o[end];
          if (typeof i !== 'number' || !Number.isInteger(i) || i < 0 || i >= nodes)
            fail(`"${end}" must be the index of a node above (0 to ${nodes - 1}), got ${JSON.stringify(i)}`);
        }
        const props = decodeProps(o.props);
        const type = o.r as string;
        types[type] = (types[type] ?? 0) + 1;
        rels += 1;
        yield { kind: 'rel', line: lineNo, type, a: o.a as number, b: o.b as number, props };
      } else {
        fail('neither a node ("n") nor a relationship ("r")');
      }
    }
  } catch (err) {
    if (err instanceof BackupError) throw err;
    const e = err as NodeJS.ErrnoException;
    const what =
      e.code === 'Z_DATA_ERROR' || e.code === 'Z_BUF_ERROR' ? 'not a gzip file, or a damaged one' : e.message;
    throw new BackupError(`${file}: ${lineNo ? `after line ${lineNo}: ` : ''}${what}`);
  } finally {
    lines.close();
    input.destroy();
  }
  if (!header) throw new BackupError(`${file}: the file is empty (no header line)`);
  const c = header.counts;
  const mismatch: string[] = [];
  if (nodes !== c.nodes) mismatch.push(`${nodes} nodes, the header says ${c.nodes}`);
  if (rels !== c.relationships) mismatch.push(`${rels} relationships, the header says ${c.relationships}`);
  if (c.labels && JSON.stringify(sorted(labels)) !== JSON.stringify(sorted(c.labels)))
    mismatch.push(
      `nodes per label ${JSON.stringify(sorted(labels))}, the header says ${JSON.stringify(sorted(c.labels))}`,
    );
  if (c.types && JSON.stringify(sorted(types)) !== JSON.stringify(sorted(c.types)))
    mismatch.push(
      `relationships per type ${JSON.stringify(sorted(types))}, the header says ${JSON.stringify(sorted(c.types))}`,
    );
  if (mismatch.length)
    throw new BackupError(`${file}: ends at line ${lineNo} with ${mismatch.join('; ')} (a truncated or edited file)`);
}

function checkHeader(o: Record<string, unknown>, fail: (reason: string) => never): BackupHeader {
  if (o.format !== BACKUP_FORMAT)
    fail(`not a peaceops backup: the header's format is ${JSON.stringify(o.format)}, expected "${BACKUP_FORMAT}"`);
  if (o.version !== BACKUP_VERSION)
    fail(
      `backup format version ${JSON.stringify(o.version)} is not supported (this program reads version ${BACKUP_VERSION})`,
    );
  const c = o.counts as Record<string, unknown> | undefined;
  const count = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0;
  if (!c || typeof c !== 'object' || !count(c.nodes) || !count(c.relationships))
    fail('the header has no valid counts {nodes, relationships}');
  for (const k of ['labels', 'types'] as const) {
    const m = c?.[k];
    if (m !== undefined && (m === null || typeof m !== 'object' || !Object.values(m).every(count)))
      fail(`the header's counts.${k} must map names to counts`);
  }
  return o as unknown as BackupHeader;
}

/** Reads and checks the whole backup file (as restore does before writing); returns its header. */
export async function checkBackup(file: string): Promise<BackupHeader> {
  let header: BackupHeader | undefined;
  for await (const _entry of readBackup(file, (h) => (header = h))) {
    // Each line is checked as it is read.
  }
  if (!header) throw new BackupError(`${file}: the file is empty (no header line)`);
  return header;
}
