import { REL_SPECS } from '../model/graph';
import type { Database } from '../db/database';
import type { CsvRecord } from './source-file';
import type { GraphOp } from './types';

/** The longest value one cell may hold (1 MiB of characters): no real source comes near it, and a longer one is a broken file. */
export const MAX_FIELD_CHARS = 1024 * 1024;

/** Why a record cannot be a row: the field to name and the reason. */
export interface RecordProblem {
  field: string;
  reason: string;
}

/**
 * A CSV record as a row (header names to cells), or the first problem that keeps it from being one: a count of
 * fields other than the header's, a cell longer than MAX_FIELD_CHARS, a cell that is not valid UTF-8.
 */
export function recordToRow(
  header: readonly string[],
  rec: CsvRecord,
): { row: Record<string, string> } | { problem: RecordProblem } {
  const { fields } = rec;
  if (fields.length !== header.length)
    return { problem: { field: '(row)', reason: `has ${fields.length} fields, the header has ${header.length}` } };
  const row: Record<string, string> = {};
  for (let i = 0; i < fields.length; i += 1) {
    const cell = fields[i] ?? '';
    const name = header[i] ?? '';
    if (cell.length > MAX_FIELD_CHARS)
      return {
        problem: {
          field: name || '(row)',
          reason: `is ${cell.length} characters long; the limit is ${MAX_FIELD_CHARS}`,
        },
      };
    row[name] = cell;
  }
  for (const name of header)
    if ((row[name] ?? '').includes('\uFFFD')) return { problem: { field: name, reason: 'is not valid UTF-8' } };
  return { row };
}

/** A header cell as it can be shown in a terminal: control characters escaped, at most 40 characters. */
export function printable(cell: string): string {
  const shown = cell.replace(
    /[\u0000-\u001f\u007f-\u009f\ufffd]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return shown.length > 40 ? `${shown.slice(0, 40)}...` : shown;
}

/**
 * The keys a file of a `uniqueRows` reader has given (node ids and relationship keys), with their lines: a key
 * given again is an error that names the first line.
 */
export class DuplicateKeys {
  private readonly seen = new Map<string, number>();

  /** The duplicate among a row's ops, if any; else records the row's keys. */
  check(ops: GraphOp[], line: number): RecordProblem | undefined {
    for (const op of ops) {
      if (isReference(op)) continue;
      const first = this.seen.get(opKey(op));
      if (first !== undefined) {
        const what = op.kind === 'node' ? `${op.label} '${op.id}'` : `${op.type} ${op.from} -> ${op.to}`;
        return {
          field: op.kind === 'node' ? 'id' : '(row)',
          reason: `duplicate key: ${what} is already given on line ${first}`,
        };
      }
    }
    for (const op of ops) if (!isReference(op)) this.seen.set(opKey(op), line);
    return undefined;
  }
}

/** A node op without props: a row refers to the node, it does not state it. */
function isReference(op: GraphOp): boolean {
  return op.kind === 'node' && Object.keys(op.props).length === 0;
}

function opKey(op: GraphOp): string {
  return op.kind === 'node' ? `${op.label}|${op.id}` : `${op.type}|${op.from}|${op.to}|${JSON.stringify(op.key)}`;
}

/**
 * The references of a file checked without writing (strict and dry runs): each relationship's endpoints must be
 * in the graph or created by the file itself.
 */
export class ReferenceCheck {
  private readonly created = new Set<string>();
  private readonly refs = new Map<string, { line: number; id: string }[]>();

  /** Notes what an op creates or refers to. */
  note(op: GraphOp, line: number): void {
    if (op.kind === 'node') {
      this.created.add(`${op.label}|${op.id}`);
      return;
    }
    const spec = REL_SPECS[op.type];
    for (const [label, id] of [
      [spec.from, op.from],
      [spec.to, op.to],
    ] as const) {
      const list = this.refs.get(label) ?? [];
      list.push({ line, id });
      this.refs.set(label, list);
    }
  }

  /** The lines (one report each) that refer to a node neither in the graph nor in the file. */
  async missing(db: Database): Promise<{ line: number; reason: string }[]> {
    const out: { line: number; reason: string }[] = [];
    const seenLines = new Set<number>();
    for (const [label, list] of this.refs) {
      const pending = list.filter((r) => !this.created.has(`${label}|${r.id}`));
      if (!pending.length) continue;
      const ids = [...new Set(pending.map((r) => r.id))];
      // The label is one of the model's labels (REL_SPECS endpoints), never user input.
      const rows = await db.read<{ id: string }>(`UNWIND $ids AS id MATCH (n:${label} {id: id}) RETURN n.id AS id`, {
        ids,
      });
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
}
