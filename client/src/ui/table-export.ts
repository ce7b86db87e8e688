/**
 * CSV export of the tables the view shows. A table's rows are read from the DOM, cell by cell, as shown, except
 * where a cell holds its raw value in `data-value` (a figure shown as "12,345" is written 12345; an unknown figure
 * shown as "present" or "–" is written as an empty cell, never 0). So the file holds what the table holds, in the
 * same order.
 *
 * The file: UTF-8 with a byte order mark (so that Excel reads accents right; pandas wants
 * `encoding="utf-8-sig"`, R `fileEncoding="UTF-8-BOM"`), a few comment lines starting with `#` (what the table
 * is, when and from which view it was exported, its notes and sources; pandas `comment="#"`, R
 * `comment.char="#"`), then a header row and the rows, quoted as RFC 4180 says (by csv-stringify), lines ended
 * by CRLF. A cell that a spreadsheet would take for a formula (starting with =, +, -, @) is prefixed with `'`.
 */
import { stringify } from 'csv-stringify/browser/esm/sync';
import { h } from './dom';
import { download, fileName } from './download';

/** A table's rows, header row first. */
export type Rows = string[][];

/** How a table (or a list shown as one) is written to CSV. */
export interface CsvSpec {
  /** What the table is: the button says "Download <name> as CSV" and the file's first line names it. */
  name: string;
  /** Parts of the file name (`shared-personnel`, `UN`, `AU`, `2005`), joined by `_`. */
  file: readonly (string | null | undefined)[];
  /** The rows at the time of the click, header row first. */
  rows: () => Rows;
  /** Further comment lines (notes, coverage, sources), read at the time of the click. */
  notes?: () => readonly string[];
}

/** The text of a cell as exported: its `data-value` when it has one, else its text with whitespace collapsed. */
export function cellValue(cell: Element): string {
  const raw = (cell as HTMLElement).dataset?.value;
  if (raw !== undefined) return raw;
  return (cell.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * A table's rows: its header rows (`thead`), or `header` when it has none, then the rows of its bodies and
 * footer, each cell (`th` or `td`) by `cellValue`.
 */
export function tableRows(table: HTMLTableElement, header?: readonly string[]): Rows {
  const read = (rows: Iterable<HTMLTableRowElement>): Rows => [...rows].map((tr) => [...tr.cells].map(cellValue));
  const head = table.tHead ? read(table.tHead.rows) : header ? [[...header]] : [];
  const body = [...table.tBodies].flatMap((b) => read(b.rows));
  const foot = table.tFoot ? read(table.tFoot.rows) : [];
  return [...head, ...body, ...foot];
}

/** What a table is called: its caption, else its `aria-label`, else its `data-name`. */
export function tableName(table: HTMLTableElement): string {
  const caption = table.caption?.textContent?.replace(/\s+/g, ' ').trim();
  return caption || table.getAttribute('aria-label') || table.dataset.name || 'table';
}

/** One line of a comment header: `# ` and the text on one line. */
function comment(text: string): string {
  return `# ${text.replace(/\s+/g, ' ').trim()}`;
}

/** The CSV file's text (without the byte order mark): comment lines, then the rows. */
export function toCsv(rows: Rows, comments: readonly string[] = []): string {
  const body = stringify(rows, {
    record_delimiter: 'windows',
    escape_formulas: true,
    // A first cell starting with "#" would read as a comment line: quoted, it does not.
    quoted_match: /^#/,
  });
  return comments.map((c) => `${comment(c)}\r\n`).join('') + body;
}

/** The comment lines every exported CSV starts with: what it is, when and from which view. */
export function csvHeaderLines(
  name: string,
  notes: readonly string[] = [],
  now: Date = new Date(),
  link: string = location.href,
): string[] {
  return [name, `Exported ${now.toISOString()} from ${link}`, ...notes];
}

/** Writes the spec's rows to a CSV file and downloads it. */
export function downloadCsv(spec: CsvSpec): void {
  const text = toCsv(spec.rows(), csvHeaderLines(spec.name, spec.notes?.() ?? []));
  download(fileName(spec.file, 'csv'), new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' }));
}

/** A small "CSV" button whose accessible name is "Download <name> as CSV". */
export function csvButton(spec: CsvSpec): HTMLButtonElement {
  const label = `Download ${spec.name} as CSV`;
  return h('button', {
    type: 'button',
    class: 'csv-button',
    text: 'CSV',
    'aria-label': label,
    title: label,
    on: { click: () => downloadCsv(spec) },
  });
}

/** Options of `exportable`. */
export interface ExportableOptions {
  /** Parts of the file name. */
  file: readonly (string | null | undefined)[];
  /** The header row of a table without `thead` (a table of properties: `Property`, `Value`). */
  header?: readonly string[];
  notes?: () => readonly string[];
}

/**
 * The table with a "CSV" button above it, in a wrapper to append where the table would go; the file holds the
 * table's rows as they are at the time of the click.
 */
export function exportable(table: HTMLTableElement, opts: ExportableOptions): HTMLElement {
  const button = csvButton({
    name: tableName(table),
    file: opts.file,
    rows: () => tableRows(table, opts.header),
    notes: opts.notes,
  });
  return h('div', { class: 'table-export' }, h('div', { class: 'table-export-bar' }, button), table);
}
