/**
 * How `peaceops cypher` prints a statement's rows: a table for people, JSON Lines or CSV for programs. Every row
 * is printed (no cut); lists and maps become JSON text in table and CSV cells; null is `NULL` in a table and an
 * empty cell in CSV.
 */
import { stringify } from 'csv-stringify/sync';

export const RESULT_FORMATS = ['table', 'json', 'csv'] as const;
export type ResultFormat = (typeof RESULT_FORMATS)[number];

export function isResultFormat(s: string): s is ResultFormat {
  return (RESULT_FORMATS as readonly string[]).includes(s);
}

/** A cell as text: strings as they are, other values as JSON. */
function cellText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}

/** The rows of one statement in the chosen format (empty text for a statement without columns). */
export function formatRows(format: ResultFormat, columns: string[], rows: Record<string, unknown>[]): string {
  if (!columns.length) return '';
  if (format === 'json') return rows.map((r) => `${JSON.stringify(r)}\n`).join('');
  if (format === 'csv') {
    return stringify([columns, ...rows.map((r) => columns.map((c) => cellText(r[c]) ?? ''))]);
  }
  return table(
    columns,
    rows.map((r) => columns.map((c) => cellText(r[c]) ?? 'NULL')),
  );
}

/** A box table, as cypher-shell prints it. */
function table(columns: string[], cells: string[][]): string {
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((row) => row[i].length)));
  const line = `+${widths.map((w) => '-'.repeat(w + 2)).join('+')}+\n`;
  const row = (values: string[]): string => `| ${values.map((v, i) => v.padEnd(widths[i])).join(' | ')} |\n`;
  return `${line}${row(columns)}${line}${cells.map(row).join('')}${line}`;
}
