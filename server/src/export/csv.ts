/**
 * The one CSV writer of the exports (the graph's nodes.csv and relationships.csv, the analysis panels and their
 * columns files): csv-stringify, of the same family as the csv-parse that reads the imports. UTF-8, a header row,
 * comma-separated, RFC 4180 quoting (a field with a comma, a quote or a line break is quoted, quotes doubled),
 * LF line ends. Cells:
 * - unknown (null, undefined, NaN, infinite) is an empty cell, never 0;
 * - booleans are 1 or 0;
 * - numbers are written as numbers (with `decimals`, rounded to at most that many digits after the point);
 * - lists (and maps) are JSON text: `["military","police"]`, `[1964,1965]`.
 */
import { stringify } from 'csv-stringify/sync';

export interface CsvOptions {
  /** Round non-integer numbers to at most this many digits after the point (the panels use 6). */
  decimals?: number;
}

/** One value as the text of its cell (see the module's conventions). */
export function csvCell(value: unknown, options: CsvOptions = {}): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    if (Number.isInteger(value) || options.decimals === undefined) return String(value);
    return String(Number(value.toFixed(options.decimals)));
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'bigint') return value.toString();
  return JSON.stringify(value);
}

/** A whole CSV file: the header and one line per row, each cell by csvCell. */
export function writeCsv(
  header: readonly string[],
  rows: Iterable<readonly unknown[]>,
  options: CsvOptions = {},
): string {
  const records: string[][] = [[...header]];
  for (const row of rows) records.push(row.map((v) => csvCell(v, options)));
  return stringify(records, { record_delimiter: 'unix' });
}
