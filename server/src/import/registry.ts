import path from 'node:path';
import { CURATED_TABLES } from './curated/tables';
import { PUBLIC_READERS } from './formats';
import type { FormatName } from '../model/sources';
import { FORMAT_NAMES } from '../model/sources';
import type { FormatReader } from './types';

/** Every reader the importer knows: the public formats and the curated tables. */
export const ALL_READERS: readonly FormatReader[] = [...PUBLIC_READERS, ...CURATED_TABLES.map(([, r]) => r)];

export function isFormatName(x: string): x is FormatName {
  return (FORMAT_NAMES as readonly string[]).includes(x);
}

function matches(reader: FormatReader, header: string[]): boolean {
  const have = new Set(header);
  return reader.requiredColumns.every((c) => have.has(c));
}

/**
 * The reader for a file of a format: for curated tables the table named by the file (or else the table whose
 * columns the header has), for public formats the layout whose required columns the header has.
 */
export function selectReader(format: FormatName, file: string, header: string[]): FormatReader | undefined {
  if (format === 'curated') {
    const byName = CURATED_TABLES.find(([name]) => name === path.basename(file))?.[1];
    if (byName) return matches(byName, header) ? byName : undefined;
    return CURATED_TABLES.map(([, r]) => r).find((r) => matches(r, header));
  }
  return PUBLIC_READERS.filter((r) => r.name === format).find((r) => matches(r, header));
}

/** The format a header looks like (the reader whose required columns it has), for error messages. */
export function guessFormat(header: string[]): string | undefined {
  const r = ALL_READERS.find((x) => matches(x, header));
  return r ? `${r.name}` + (r.name === 'curated' ? ` (${r.description})` : '') : undefined;
}
