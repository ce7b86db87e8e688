/**
 * What the readers of the curated tables share: ids, lists, sources, spans and the row result.
 */
import { splitList } from '../csv-table';
import type { FieldReader } from '../fields';
import { ID_PATTERN } from '../../model/graph';
import type { RelType } from '../../model/graph';
import type { FormatReader, GraphOp, RelOp, RowContext, RowResult } from '../types';

/** The import source of every curated table. */
export const SOURCE = 'curated';

export function result(f: FieldReader, ops: GraphOp[]): RowResult {
  return f.errors.length ? { ops: [], errors: f.errors } : { ops, errors: [] };
}

export function id(f: FieldReader, field: string, required = true): string | null | undefined {
  const v = f.text(field, required);
  if (v && !ID_PATTERN.test(v)) return f.fail(field, `'${v}' is not a valid id (letters, digits, '.', '_' or '-')`);
  return v;
}

export function listOf<T extends string>(f: FieldReader, field: string, allowed: readonly T[]): T[] | undefined {
  const items = splitList(f.raw(field) ?? '');
  const bad = items.filter((i) => !(allowed as readonly string[]).includes(i));
  if (bad.length) return f.fail(field, `${bad.map((b) => `'${b}'`).join(', ')} not among ${allowed.join(', ')}`);
  return items as T[];
}

export function sourceRef(f: FieldReader): string | null | undefined {
  return f.text('source', true);
}

export function aliasProps(f: FieldReader): { aliases: string[]; aliasText: string } {
  const aliases = splitList(f.raw('aliases') ?? '');
  return { aliases, aliasText: aliases.join(' ') };
}

/**
 * Whether date `a` lies wholly before date `b`, each as precise as its string (`YYYY`, `YYYY-MM`,
 * `YYYY-MM-DD`): compared on the shorter precision, so `1999` is not before `1999-07`.
 */
export function isBefore(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) < b.slice(0, n);
}

export function checkSpan(f: FieldReader, start: string | null | undefined, end: string | null | undefined): void {
  if (start && end && isBefore(end, start)) f.fail('end', `${end} is before the start ${start}`);
}

/** The `start` and `end` cells of a row, checked as a span (the end not before the start). */
export function span(
  f: FieldReader,
  startRequired = false,
): { start: string | null | undefined; end: string | null | undefined } {
  const start = f.date('start', startRequired);
  const end = f.date('end');
  checkSpan(f, start, end);
  return { start, end };
}

/** What a curated table of facts says: its description, columns and how one row reads. */
export interface CuratedTableSpec {
  description: string;
  requiredColumns: readonly string[];
  /** The row's ops and errors, read through `f` (a FieldReader of the row). */
  read(f: FieldReader, ctx: RowContext): RowResult;
}

/** A curated table of facts: source `curated`, each node id and relationship key once per file. */
export function curatedTable(spec: CuratedTableSpec): FormatReader {
  return {
    name: SOURCE,
    uniqueRows: true,
    description: spec.description,
    requiredColumns: spec.requiredColumns,
    mapRow: (fields, ctx) => spec.read(fields, ctx),
  };
}

/**
 * The row's one relationship, from the id in `fromColumn` to the id in `toColumn` (both required). The ids
 * are read first, then `keyAndProps`, so that a row's errors come in the order of its reads.
 */
export function relRow(
  f: FieldReader,
  type: RelType,
  fromColumn: string,
  toColumn: string,
  keyAndProps: () => Pick<RelOp, 'key' | 'props'>,
): RowResult {
  const from = id(f, fromColumn) ?? '';
  const to = id(f, toColumn) ?? '';
  return result(f, [{ kind: 'rel', type, from, to, ...keyAndProps() }]);
}
