import fs from 'node:fs';
import path from 'node:path';
import { Neo4jError } from 'neo4j-driver';
import type { Database, WriteCounters } from '../db/database';
import type { Crosswalk } from './crosswalk';
import { deriveSummaries } from './derive';
import { REL_SPECS } from '../model/graph';
import { MAX_RECORD_CHARS, readCsv, sha256File } from './source-file';
import type { RowIssue } from './source-file';
import type { FormatName } from '../model/sources';
import type { FormatReader, GraphOp } from './types';
import type { LocatedOp } from './writer';
import { GraphWriter } from './writer';

/** A file that cannot be imported at all (wrong format, unreadable): nothing of it is written. */
export class ImportFatalError extends Error {
  override readonly name = 'ImportFatalError';
}

export interface ImportOptions {
  format: FormatName;
  files: string[];
  /** Picks the reader of a file from its header and name; undefined when the file is not of the format. */
  selectReader: (file: string, header: string[]) => FormatReader | undefined;
  /** Describes which format a header looks like, for the error message of a mismatched file. */
  guessFormat?: (file: string, header: string[]) => string | undefined;
  crosswalk: Crosswalk;
  batchSize: number;
  /** Validate the whole file first; write nothing if any row is bad. */
  strict?: boolean;
  /** Validate only; write nothing. */
  dryRun?: boolean;
  /** Timeout of one batch's transaction (default two minutes: a batch is far larger than an API read). */
  batchTimeoutMs?: number;
  /** Stops between batches when aborted (Ctrl-C): committed batches stay. */
  signal?: AbortSignal;
  onProgress?: (p: ImportProgress) => void;
}

export interface ImportProgress {
  file: string;
  bytesRead: number;
  bytesTotal: number;
  rowsRead: number;
}

export interface FileSummary {
  file: string;
  dataset: string;
  version: string;
  rowsRead: number;
  rowsImported: number;
  rowsRejected: number;
  rowsSkipped: number;
  skippedReasons: Record<string, number>;
  /** Imported rows with a value written otherwise than the row says (RowResult.corrections); each is in ImportSummary.corrections. */
  rowsCorrected: number;
}

export interface ImportSummary {
  format: FormatName;
  files: FileSummary[];
  issues: RowIssue[];
  /** Every correction a reader made to a row it accepted (file, line, field and what was done, with the proof). */
  corrections: RowIssue[];
  counters: WriteCounters;
  seconds: number;
  written: boolean;
  /** The relationship types of the batches written (sorted). */
  typesWritten: string[];
  interrupted: boolean;
}

/** The longest value one cell may hold (1 MiB of characters): no real source comes near it, and a longer one is a broken file. */
export const MAX_FIELD_CHARS = 1024 * 1024;

const zeroCounters = (): WriteCounters => ({ nodesCreated: 0, nodesDeleted: 0, relationshipsCreated: 0, relationshipsDeleted: 0, propertiesSet: 0 });

/**
 * Imports files of one format: streams each file, maps every row through the format's reader, and writes the
 * resulting ops in batches (one transaction each). Bad rows are reported with file, line, field and reason
 * and never stop good ones; values a reader corrects (a swapped coordinate pair) are reported the same way in
 * `corrections`; `strict` and `dryRun` validate the whole file before anything is written.
 */
export async function importFiles(db: Database, opts: ImportOptions): Promise<ImportSummary> {
  const started = Date.now();
  const summary: ImportSummary = {
    format: opts.format,
    files: [],
    issues: [],
    corrections: [],
    counters: zeroCounters(),
    seconds: 0,
    written: false,
    typesWritten: [],
    interrupted: false,
  };
  for (const file of opts.files) {
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new ImportFatalError(`${file}: no such file`);
  }
  for (const file of opts.files) {
    if (opts.signal?.aborted) {
      summary.interrupted = true;
      break;
    }
    const validateFirst = opts.strict || opts.dryRun;
    if (validateFirst) {
      const correctionsBefore = summary.corrections.length;
      const check = await processFile(db, file, opts, summary, 'validate');
      if (opts.dryRun || check.rowsRejected > 0) {
        summary.files.push(check);
        continue;
      }
      summary.issues.length = 0;
      summary.corrections.length = correctionsBefore; // the write pass reports them again
    }
    summary.files.push(await processFile(db, file, opts, summary, 'write'));
    if (summary.interrupted) break;
  }
  if (summary.written) await deriveSummaries(db, new Set(summary.typesWritten));
  summary.seconds = (Date.now() - started) / 1000;
  return summary;
}

async function processFile(
  db: Database,
  file: string,
  opts: ImportOptions,
  summary: ImportSummary,
  mode: 'validate' | 'write',
): Promise<FileSummary> {
  const name = path.basename(file);
  const bytesTotal = fs.statSync(file).size;
  const sha256 = await sha256File(file);
  const issue = (line: number, field: string, reason: string) => summary.issues.push({ file: name, line, field, reason });
  const fileSummary: FileSummary = {
    file: name,
    dataset: `${opts.format}:${name}`,
    version: `sha256:${sha256.slice(0, 12)}`,
    rowsRead: 0,
    rowsImported: 0,
    rowsRejected: 0,
    rowsSkipped: 0,
    skippedReasons: {},
    rowsCorrected: 0,
  };
  const rejectedLines = new Set<number>();
  const reject = (line: number, field: string, reason: string) => {
    issue(line, field, reason);
    if (!rejectedLines.has(line)) {
      rejectedLines.add(line);
      fileSummary.rowsRejected += 1;
    }
  };

  let bytesRead = 0;
  let header: string[] | undefined;
  let reader: FormatReader | undefined;
  let writer: GraphWriter | undefined;
  const seenKeys = new Map<string, number>();
  let batch: LocatedOp[] = [];
  let batchRows = 0;
  let okInBatch: number[] = [];
  // In validate mode, references are checked against the graph and the nodes the file itself creates.
  const createdInFile = new Set<string>();
  const refsToCheck = new Map<string, { line: number; label: string; id: string }[]>();

  // One batch is written while the next is read and checked (Neo4j and this process work at the same time);
  // never more than one, so batches commit in file order and an interruption leaves whole batches only.
  let inFlight: Promise<void> = Promise.resolve();
  let writeFailure: Error | undefined;
  const settle = async () => {
    await inFlight;
    if (writeFailure !== undefined) throw writeFailure;
  };
  const flush = async () => {
    if (!batch.length) return;
    const ops = batch;
    const lines = okInBatch;
    batch = [];
    batchRows = 0;
    okInBatch = [];
    await settle();
    if (mode === 'write' && writer) {
      inFlight = writer.writeBatch(ops).then(
        (res) => {
          summary.written = true;
          const types = new Set(summary.typesWritten);
          for (const { op } of ops) if (op.kind === 'rel') types.add(op.type);
          summary.typesWritten = [...types].sort();
          addCounters(summary.counters, res.counters);
          for (const m of res.missing) reject(m.line, 'reference', m.reason);
          fileSummary.rowsImported += lines.filter((l) => !rejectedLines.has(l)).length;
        },
        (err: unknown) => {
          writeFailure = err instanceof Error ? err : new Error(String(err));
        },
      );
    } else {
      fileSummary.rowsImported += lines.length;
    }
  };

  const stream = readCsv(file, {
    delimiter: undefined,
    onBadRecord: (line, reason) => {
      fileSummary.rowsRead += 1;
      reject(line, '(row)', /quote not closed/i.test(reason) ? 'the record has an unterminated quote (is the file truncated?)' : `unreadable CSV record: ${reason}`);
    },
    onBytes: (n) => {
      bytesRead += n;
    },
  });

  try {
    for await (const rec of stream) {
      if (!header) {
        header = rec.fields.map((h) => h.trim());
        reader = opts.selectReader(file, header);
        if (!reader) {
          const guess = opts.guessFormat?.(file, header);
          throw new ImportFatalError(
            `${name}: the header does not match format '${opts.format}'` +
              (guess ? `; it looks like format '${guess}'` : '') +
              `. Header: ${header.slice(0, 12).map(printable).join(', ')}${header.length > 12 ? ', ...' : ''}`,
          );
        }
        const version = reader.version?.(name, {});
        if (version) fileSummary.version = version;
        writer = new GraphWriter(db, opts.format, fileSummary.dataset, opts.batchTimeoutMs);
        continue;
      }
      fileSummary.rowsRead += 1;
      const line = rec.line;
      if (rec.fields.length !== header.length) {
        reject(line, '(row)', `has ${rec.fields.length} fields, the header has ${header.length}`);
        continue;
      }
      const longIndex = rec.fields.findIndex((f) => f.length > MAX_FIELD_CHARS);
      if (longIndex >= 0) {
        reject(line, header[longIndex] ?? '(row)', `is ${rec.fields[longIndex]?.length} characters long; the limit is ${MAX_FIELD_CHARS}`);
        continue;
      }
      const row: Record<string, string> = {};
      header.forEach((h, i) => (row[h] = rec.fields[i] ?? ''));
      const badUtf8 = header.find((h) => (row[h] ?? '').includes('\uFFFD'));
      if (badUtf8 !== undefined) {
        reject(line, badUtf8, 'is not valid UTF-8');
        continue;
      }
      if (fileSummary.rowsRead === 1 && reader?.version) {
        const v = reader.version(name, row);
        if (v) fileSummary.version = v;
      }
      const res = (reader as FormatReader).mapRow(row, { line, file: name, crosswalk: opts.crosswalk });
      if (res.errors.length) {
        for (const e of res.errors) reject(line, e.field, e.reason);
        continue;
      }
      if (res.skipped) {
        fileSummary.rowsSkipped += 1;
        fileSummary.skippedReasons[res.skipped] = (fileSummary.skippedReasons[res.skipped] ?? 0) + 1;
        continue;
      }
      if ((reader as FormatReader).uniqueRows) {
        const dup = findDuplicate(res.ops, line, seenKeys);
        if (dup) {
          reject(line, dup.field, dup.reason);
          continue;
        }
      }
      if (res.corrections?.length) {
        fileSummary.rowsCorrected += 1;
        for (const c of res.corrections) summary.corrections.push({ file: name, line, field: c.field, reason: c.reason });
      }
      for (const op of res.ops) {
        batch.push({ op, line });
        if (mode === 'validate') noteReferences(op, line, createdInFile, refsToCheck);
      }
      okInBatch.push(line);
      batchRows += 1;
      if (batchRows >= opts.batchSize) {
        await flush();
        opts.onProgress?.({ file: name, bytesRead, bytesTotal, rowsRead: fileSummary.rowsRead });
        if (opts.signal?.aborted) {
          summary.interrupted = true;
          break;
        }
      }
    }
  } catch (err) {
    // A fatal file error or a database failure is not a fact about the file: let it reach the caller.
    if (err instanceof ImportFatalError || err instanceof Neo4jError) {
      await inFlight; // never rejects: a write failure is kept in writeFailure
      throw err;
    }
    // The CSV parser stops at an unterminated quote or an unreadable stream: rows before it are kept.
    const e = err as Error & { lines?: number; code?: string };
    fileSummary.rowsRead += 1;
    const reason =
      e.code === 'CSV_MAX_RECORD_SIZE'
        ? `a record longer than ${MAX_RECORD_CHARS} characters starts here; the rest of the file cannot be read`
        : `the file ends inside a record or cannot be read: ${e.message}`;
    reject(e.lines ?? 0, '(file)', reason);
  }
  if (!header) throw new ImportFatalError(`${name}: the file is empty (no header row)`);
  if (!summary.interrupted) await flush();
  await settle();
  opts.onProgress?.({ file: name, bytesRead: bytesTotal, bytesTotal, rowsRead: fileSummary.rowsRead });

  if (mode === 'validate') {
    for (const miss of await missingReferences(db, createdInFile, refsToCheck)) {
      reject(miss.line, 'reference', miss.reason);
      fileSummary.rowsImported -= 1;
    }
  } else if (writer && !summary.interrupted) {
    await writer.recordDataset({
      format: opts.format,
      file: name,
      version: fileSummary.version,
      sha256,
      rowsRead: fileSummary.rowsRead,
      rowsImported: fileSummary.rowsImported,
      rowsRejected: fileSummary.rowsRejected,
      importedAt: new Date().toISOString(),
    });
    if (reader?.finalize) for (const stmt of reader.finalize) await db.write(stmt);
  }
  return fileSummary;
}

/** A header cell as it can be shown in a terminal: control characters escaped, at most 40 characters. */
function printable(cell: string): string {
  const shown = cell.replace(/[\u0000-\u001f\u007f-\u009f\ufffd]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return shown.length > 40 ? `${shown.slice(0, 40)}...` : shown;
}

function addCounters(into: WriteCounters, c: WriteCounters): void {
  into.nodesCreated += c.nodesCreated;
  into.nodesDeleted += c.nodesDeleted;
  into.relationshipsCreated += c.relationshipsCreated;
  into.relationshipsDeleted += c.relationshipsDeleted;
  into.propertiesSet += c.propertiesSet;
}

function opKey(op: GraphOp): string {
  return op.kind === 'node' ? `${op.label}|${op.id}` : `${op.type}|${op.from}|${op.to}|${JSON.stringify(op.key)}`;
}

function findDuplicate(ops: GraphOp[], line: number, seen: Map<string, number>): { field: string; reason: string } | undefined {
  for (const op of ops) {
    if (op.kind === 'node' && Object.keys(op.props).length === 0) continue; // a reference, not a row's own node
    const key = opKey(op);
    const first = seen.get(key);
    if (first !== undefined) {
      const what = op.kind === 'node' ? `${op.label} '${op.id}'` : `${op.type} ${op.from} -> ${op.to}`;
      return { field: op.kind === 'node' ? 'id' : '(row)', reason: `duplicate key: ${what} is already given on line ${first}` };
    }
  }
  for (const op of ops) if (!(op.kind === 'node' && Object.keys(op.props).length === 0)) seen.set(opKey(op), line);
  return undefined;
}

function noteReferences(
  op: GraphOp,
  line: number,
  created: Set<string>,
  refs: Map<string, { line: number; label: string; id: string }[]>,
): void {
  if (op.kind === 'node') {
    created.add(`${op.label}|${op.id}`);
    return;
  }
  const spec = REL_SPECS[op.type];
  for (const [label, id] of [
    [spec.from, op.from],
    [spec.to, op.to],
  ] as const) {
    const list = refs.get(label) ?? [];
    list.push({ line, label, id });
    refs.set(label, list);
  }
}

async function missingReferences(
  db: Database,
  created: Set<string>,
  refs: Map<string, { line: number; label: string; id: string }[]>,
): Promise<{ line: number; reason: string }[]> {
  const out: { line: number; reason: string }[] = [];
  const seenLines = new Set<number>();
  for (const [label, list] of refs) {
    const pending = list.filter((r) => !created.has(`${label}|${r.id}`));
    if (!pending.length) continue;
    const ids = [...new Set(pending.map((r) => r.id))];
    // The label is one of the model's labels (REL_SPECS endpoints), never user input.
    const rows = await db.read<{ id: string }>(`UNWIND $ids AS id MATCH (n:${label} {id: id}) RETURN n.id AS id`, { ids });
    const found = new Set(rows.map((r) => r.id));
    for (const r of pending) {
      if (!found.has(r.id) && !seenLines.has(r.line)) {
        seenLines.add(r.line);
        out.push({ line: r.line, reason: `no ${label} '${r.id}' in the graph or in this file` });
      }
    }
  }
  return out;
}
