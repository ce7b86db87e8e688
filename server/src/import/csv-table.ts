import fs from 'node:fs';
import { parse } from 'csv-parse/sync';

/** Reads a small CSV table (a curated crosswalk) whole: header names to strings, BOM and CRLF handled. */
export function readCsvTable(file: string): Record<string, string>[] {
  if (!fs.existsSync(file)) return [];
  return parse<Record<string, string>>(fs.readFileSync(file), {
    columns: true,
    bom: true,
    skip_empty_lines: true,
    trim: false,
  });
}

/** Splits a `|`-separated list cell. */
export function splitList(cell: string | undefined): string[] {
  return (cell ?? '')
    .split('|')
    .map((s) => s.trim())
    .filter(Boolean);
}
