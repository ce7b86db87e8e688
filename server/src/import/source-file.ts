import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { CsvTokenizer } from './csv-tokenizer';
import type { CsvItem, CsvRecord } from './csv-tokenizer';

export type { CsvRecord } from './csv-tokenizer';

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

/** The longest record the CSV reader accepts, in characters (64 MiB). */
export const MAX_RECORD_CHARS = 64 * 1024 * 1024;

/**
 * Streams the records of a CSV file (CsvTokenizer: BOM and CRLF handled, quoted fields, any number of fields
 * per record; the importer checks the count against the header itself, to report the line), a chunk's records
 * at a time. A record the tokenizer cannot read (a stray quote, a quote still open at the end) is passed to
 * `onBadRecord` and skipped; a record longer than MAX_RECORD_CHARS ends the stream with CsvRecordTooLongError,
 * which names the line. Bytes that are not UTF-8 are read as U+FFFD (the importer reports the field).
 */
export async function* readCsv(
  file: string,
  opts: { delimiter?: string; onBadRecord: (line: number, reason: string) => void; onBytes?: (n: number) => void },
): AsyncGenerator<CsvRecord[]> {
  const tokenizer = new CsvTokenizer(opts.delimiter ?? ',', MAX_RECORD_CHARS);
  const decoder = new StringDecoder('utf8');
  const take = (items: CsvItem[]): CsvRecord[] => {
    const records: CsvRecord[] = [];
    for (const item of items) {
      if ('reason' in item) opts.onBadRecord(item.line, item.reason);
      else records.push(item);
    }
    return records;
  };
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 256 * 1024 })) {
    const bytes = chunk as Buffer;
    opts.onBytes?.(bytes.length);
    const items: CsvItem[] = [];
    tokenizer.push(decoder.write(bytes), items);
    const records = take(items);
    if (records.length) yield records;
  }
  const items: CsvItem[] = [];
  tokenizer.push(decoder.end(), items);
  tokenizer.end(items);
  const records = take(items);
  if (records.length) yield records;
}
