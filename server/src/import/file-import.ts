import fs from 'node:fs';
import path from 'node:path';
import { Neo4jError } from 'neo4j-driver';
import type { Database } from '../db/database';
import { BatchPipeline } from './batch-pipeline';
import { FieldReader } from './fields';
import type { CsvRecord } from './source-file';
import type { FileSummary, ImportOptions, ImportSummary } from './import-summary';
import { ImportFatalError, addCounters } from './import-summary';
import { DuplicateKeys, ReferenceCheck, printable, recordToRow } from './row-checks';
import { MAX_RECORD_CHARS, readCsv, sha256File } from './source-file';
import type { FormatReader } from './types';
import type { BatchResult, LocatedOp } from './writer';
import { GraphWriter } from './writer';

/**
 * One pass over one file: `validate` reads and checks every row and the references (nothing written);
 * `write` reads, checks and writes the rows in batches (BatchPipeline: the next batch is read while one is
 * written), then records the file as a Dataset node and runs the reader's finalize statements. Bad rows are
 * reported in `summary.issues` with file, line, field and reason and never stop good ones.
 */
export async function importFile(
  db: Database,
  file: string,
  opts: ImportOptions,
  summary: ImportSummary,
  mode: 'validate' | 'write',
): Promise<FileSummary> {
  const name = path.basename(file);
  const bytesTotal = fs.statSync(file).size;
  const sha256 = await sha256File(file);
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
    summary.issues.push({ file: name, line, field, reason });
    if (!rejectedLines.has(line)) {
      rejectedLines.add(line);
      fileSummary.rowsRejected += 1;
    }
  };

  let bytesRead = 0;
  let header: string[] | undefined;
  let reader: FormatReader | undefined;
  let writer: GraphWriter | undefined;
  let pipeline: BatchPipeline | undefined;
  const duplicates = new DuplicateKeys();
  // In validate mode, references are checked against the graph and the nodes the file itself creates.
  const references = new ReferenceCheck();
  let batch: LocatedOp[] = [];
  let okInBatch: number[] = [];

  const onWritten = (ops: LocatedOp[], res: BatchResult, lines: number[]) => {
    summary.written = true;
    const types = new Set(summary.typesWritten);
    const contributionMissions = new Set(summary.contributionMissions);
    for (const { op } of ops) {
      if (op.kind !== 'rel') continue;
      types.add(op.type);
      if (op.type === 'CONTRIBUTED_TO') contributionMissions.add(op.to);
    }
    summary.typesWritten = [...types].sort();
    if (contributionMissions.size > summary.contributionMissions.length)
      summary.contributionMissions = [...contributionMissions].sort();
    addCounters(summary.counters, res.counters);
    for (const m of res.missing) reject(m.line, 'reference', m.reason);
    fileSummary.rowsImported += lines.filter((l) => !rejectedLines.has(l)).length;
  };
  const flush = async () => {
    if (!batch.length) return;
    const ops = batch;
    const lines = okInBatch;
    batch = [];
    okInBatch = [];
    if (pipeline) await pipeline.send(ops, lines);
    else fileSummary.rowsImported += lines.length;
  };

  /** Reads the header: picks the reader (or refuses the file) and sets up the writer. */
  const readHeader = (rec: CsvRecord) => {
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
    if (mode === 'write') {
      writer = new GraphWriter(db, opts.format, fileSummary.dataset, opts.batchTimeoutMs);
      pipeline = new BatchPipeline(writer, onWritten);
    }
  };

  /** Reads one data row: rejected, skipped, or its ops added to the batch. */
  const readRow = (rec: CsvRecord, fileHeader: string[], fileReader: FormatReader) => {
    fileSummary.rowsRead += 1;
    const { line } = rec;
    const checked = recordToRow(fileHeader, rec);
    if ('problem' in checked) {
      reject(line, checked.problem.field, checked.problem.reason);
      return;
    }
    const { row } = checked;
    if (fileSummary.rowsRead === 1 && fileReader.version) {
      const v = fileReader.version(name, row);
      if (v) fileSummary.version = v;
    }
    const res = fileReader.mapRow(new FieldReader(row), { line, file: name, crosswalk: opts.crosswalk });
    if (res.errors.length) {
      for (const e of res.errors) reject(line, e.field, e.reason);
      return;
    }
    if (res.skipped) {
      fileSummary.rowsSkipped += 1;
      fileSummary.skippedReasons[res.skipped] = (fileSummary.skippedReasons[res.skipped] ?? 0) + 1;
      return;
    }
    if (fileReader.uniqueRows) {
      const dup = duplicates.check(res.ops, line);
      if (dup) {
        reject(line, dup.field, dup.reason);
        return;
      }
    }
    if (res.corrections?.length) {
      fileSummary.rowsCorrected += 1;
      for (const c of res.corrections) summary.corrections.push({ file: name, line, field: c.field, reason: c.reason });
    }
    for (const op of res.ops) {
      batch.push({ op, line });
      if (mode === 'validate') references.note(op, line);
    }
    okInBatch.push(line);
  };

  const records = readCsv(file, {
    delimiter: undefined,
    onBadRecord: (line, reason) => {
      fileSummary.rowsRead += 1;
      reject(
        line,
        '(row)',
        /quote not closed/i.test(reason)
          ? 'the record has an unterminated quote (is the file truncated?)'
          : `unreadable CSV record: ${reason}`,
      );
    },
    onBytes: (n) => {
      bytesRead += n;
    },
  });

  try {
    reading: for await (const chunk of records) {
      for (const rec of chunk) {
        if (!header || !reader) {
          readHeader(rec);
          continue;
        }
        readRow(rec, header, reader);
        if (okInBatch.length >= opts.batchSize) {
          await flush();
          opts.onProgress?.({ file: name, bytesRead, bytesTotal, rowsRead: fileSummary.rowsRead });
          if (opts.signal?.aborted) {
            summary.interrupted = true;
            break reading;
          }
        }
      }
    }
  } catch (err) {
    // A fatal file error or a database failure is not a fact about the file: let it reach the caller.
    if (err instanceof ImportFatalError || err instanceof Neo4jError || pipeline?.isWriteFailure(err)) {
      await pipeline?.settle();
      throw err;
    }
    // The CSV parser stops at an unterminated quote, a record too long or an unreadable stream: rows before it are kept.
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
  await pipeline?.drain();
  opts.onProgress?.({ file: name, bytesRead: bytesTotal, bytesTotal, rowsRead: fileSummary.rowsRead });

  if (mode === 'validate') {
    for (const miss of await references.missing(db)) {
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
