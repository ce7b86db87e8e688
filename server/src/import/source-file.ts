import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { parse } from 'csv-parse';
import type { Parser } from 'csv-parse';

/** A problem with one place of a file: what the report and the rejected-rows file list. */
export interface RowIssue {
  file: string;
  line: number;
  field: string;
  reason: string;
}

/** SHA-256 of a file, streamed. */
export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** One record of a CSV file and where it ends. */
export interface CsvRecord {
  fields: string[];
  /** Line where the record ends (1-based); the header is line 1. */
  line: number;
}

/** The longest record the CSV reader accepts, in characters (64 MiB). */
export const MAX_RECORD_CHARS = 64 * 1024 * 1024;

/** Records handed on at a time: the importer checks and maps them a batch at a time, without a promise per record. */
const RECORDS_PER_YIELD = 1000;

/**
 * Streams the records of a CSV file with csv-parse (BOM and CRLF handled, quoted fields, any number of fields per
 * record; the importer checks the count against the header itself, to report the line), up to RECORDS_PER_YIELD
 * records at a time. A record csv-parse cannot read (a stray quote) is passed to `onBadRecord` and skipped; a
 * record longer than MAX_RECORD_CHARS, or an unterminated quote at the end of the file, ends the stream with
 * csv-parse's error (its `code` and `lines` say what and where).
 */
export async function* readCsv(
  file: string,
  opts: { delimiter?: string; onBadRecord: (line: number, reason: string) => void; onBytes?: (n: number) => void },
): AsyncGenerator<CsvRecord[]> {
  const input = fs.createReadStream(file, { highWaterMark: 256 * 1024 });
  if (opts.onBytes) input.on('data', (chunk) => opts.onBytes?.(chunk.length));
  const parser: Parser = parse({
    bom: true,
    delimiter: opts.delimiter ?? ',',
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    info: true,
    // Far above any real record; the importer rejects long fields itself, with their line and column.
    max_record_size: MAX_RECORD_CHARS,
  });
  parser.on('skip', (err: Error & { lines?: number; code?: string }) => {
    // Past this size csv-parse cannot find the end of the record: the rest of the file is unreadable, so stop
    // with an error that names the line rather than skipping every following row one by one.
    if (err.code === 'CSV_MAX_RECORD_SIZE') parser.destroy(err);
    else opts.onBadRecord(err.lines ?? 0, err.message);
  });
  input.on('error', (err) => parser.destroy(err));
  let batch: CsvRecord[] = [];
  try {
    // Each record with its own line count (the parser reads ahead of the records handed on, so not parser.info).
    for await (const rec of input.pipe(parser) as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      batch.push({ fields: rec.record, line: rec.info.lines });
      if (batch.length >= RECORDS_PER_YIELD) {
        yield batch;
        batch = [];
      }
    }
  } catch (err) {
    // The records read before the error are the file's too: handed on first, then the error.
    if (batch.length) yield batch;
    throw err;
  }
  if (batch.length) yield batch;
}
