import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { Crosswalk } from '../../../server/src/import/crosswalk';
import { REL_SPECS, isNodeLabel, isRelType } from '../../../server/src/model/graph';
import { FieldReader } from '../../../server/src/import/fields';
import type { FieldError } from '../../../server/src/import/fields';
import type { FormatReader, GraphOp, RowResult } from '../../../server/src/import/types';

/** Shared by the format tests: fixture loading, a whole-file run against the real curated tables, op checks. */

export const FIXTURES = path.join(__dirname, '../../fixtures/formats');
const REAL_CURATED = path.join(__dirname, '../../../cypher/data/curated');

/**
 * Where the public datasets are looked for: $PEACEOPS_DATA_DIR when set, the project's copies in
 * cypher/data/sources, then the shared folder they were collected in (same sub-folders in all three).
 */
const DATA_DIRS = [
  process.env.PEACEOPS_DATA_DIR,
  path.join(__dirname, '../../../cypher/data/sources'),
  '/work/shared/data',
].filter((d): d is string => Boolean(d));

/** A crosswalk made of the small curated tables under tests/fixtures/formats/curated. */
export function fixtureCrosswalk(): Crosswalk {
  return Crosswalk.load(path.join(FIXTURES, 'curated'));
}

/** Reads a CSV file as the importer does: header names trimmed, BOM and CRLF handled. */
export function readRows(file: string): Record<string, string>[] {
  return parse<Record<string, string>>(fs.readFileSync(file), {
    columns: (header: string[]) => header.map((h) => h.trim()),
    bom: true,
    skip_empty_lines: true,
  });
}

export function fixtureRows(name: string): Record<string, string>[] {
  return readRows(path.join(FIXTURES, name));
}

export function mapRow(reader: FormatReader, row: Record<string, string>, crosswalk: Crosswalk, line = 2): RowResult {
  return reader.mapRow(new FieldReader(row), { line, file: 'test.csv', crosswalk });
}

/** A copy of a row with some cells replaced, to break a real row in one place. */
export function withCells(
  row: Record<string, string> | undefined,
  cells: Record<string, string>,
): Record<string, string> {
  if (!row) throw new Error('no such fixture row');
  return { ...row, ...cells };
}

/**
 * What the model requires of the ops of one row: known labels and types, exactly the MERGE key of the type
 * with non-null values, `source` equal to the format, and a node op for every endpoint (so that one dataset
 * imports into an empty graph). Returns the violations.
 */
export function modelViolations(ops: GraphOp[], format: string): string[] {
  const out: string[] = [];
  const nodes = new Set(ops.filter((o) => o.kind === 'node').map((o) => `${o.label}|${o.id}`));
  for (const op of ops) {
    if (op.kind === 'node') {
      if (!isNodeLabel(op.label)) out.push(`unknown label ${String(op.label)}`);
      if (!op.id) out.push(`${op.label} without id`);
      continue;
    }
    if (!isRelType(op.type)) {
      out.push(`unknown type ${String(op.type)}`);
      continue;
    }
    const spec = REL_SPECS[op.type];
    const keys = Object.keys(op.key).sort();
    if (keys.join(',') !== [...spec.key].sort().join(','))
      out.push(`${op.type} key ${keys.join(',')} is not ${spec.key.join(',')}`);
    for (const [k, v] of Object.entries(op.key))
      if (v === null || v === undefined) out.push(`${op.type} key ${k} is ${String(v)}`);
    if (op.key.source !== format) out.push(`${op.type} source ${String(op.key.source)}`);
    if (!nodes.has(`${spec.from}|${op.from}`)) out.push(`${op.type} from ${spec.from} '${op.from}' has no node op`);
    if (!nodes.has(`${spec.to}|${op.to}`)) out.push(`${op.type} to ${spec.to} '${op.to}' has no node op`);
  }
  return out;
}

/** Where a public dataset is on this machine, or undefined (the whole-file tests are then skipped). */
export function dataFile(relative: string): string | undefined {
  return DATA_DIRS.map((d) => path.join(d, relative)).find((f) => fs.existsSync(f));
}

/** What mapping a whole real file gives. */
export interface FileRun {
  file: string;
  rows: number;
  imported: number;
  skipped: number;
  rejected: number;
  ops: number;
  opsByKind: Record<string, number>;
  /** Rejected rows by their first reason, most frequent first. */
  rejectedByReason: [string, number][];
  skippedByReason: [string, number][];
  /** Distinct unknown mission names (with host where the reader gives one) and how many rows name them. */
  unknownMissions: [string, number][];
  /** Rows rejected for anything but an unknown mission: must be none. */
  otherFailures: { line: number; errors: FieldError[] }[];
  /** Ops that break the model (see modelViolations): must be none. */
  violations: string[];
}

const UNKNOWN_MISSION = /^unknown mission '(.*)'(?: in host (\S+))? \(/;

/** Maps every row of a real file with the real curated crosswalk. */
export function runWholeFile(
  reader: FormatReader | ((header: string[]) => FormatReader | undefined),
  file: string,
): FileRun {
  const crosswalk = Crosswalk.load(REAL_CURATED);
  const rows = readRows(file);
  const header = Object.keys(rows[0] ?? {});
  const pick = typeof reader === 'function' ? reader(header) : reader;
  if (!pick) throw new Error(`no reader for the header of ${file}`);
  const run: FileRun = {
    file: path.basename(file),
    rows: rows.length,
    imported: 0,
    skipped: 0,
    rejected: 0,
    ops: 0,
    opsByKind: {},
    rejectedByReason: [],
    skippedByReason: [],
    unknownMissions: [],
    otherFailures: [],
    violations: [],
  };
  const reasons = new Map<string, number>();
  const skips = new Map<string, number>();
  const missions = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  rows.forEach((row, i) => {
    const line = i + 2;
    const res = mapRow(pick, row, crosswalk, line);
    if (res.errors.length) {
      run.rejected += 1;
      const [first] = res.errors;
      if (!first) return;
      bump(reasons, `${first.field}: ${first.reason}`);
      let onlyMissions = true;
      for (const e of res.errors) {
        const m = UNKNOWN_MISSION.exec(e.reason);
        if (m) bump(missions, m[2] ? `${m[1]} (${m[2]})` : (m[1] ?? ''));
        else onlyMissions = false;
      }
      if (!onlyMissions) run.otherFailures.push({ line, errors: res.errors });
      return;
    }
    if (res.skipped) {
      run.skipped += 1;
      bump(skips, res.skipped);
      return;
    }
    run.imported += 1;
    run.ops += res.ops.length;
    for (const op of res.ops) {
      const kind = op.kind === 'node' ? op.label : op.type;
      run.opsByKind[kind] = (run.opsByKind[kind] ?? 0) + 1;
    }
    if (run.violations.length < 20)
      run.violations.push(...modelViolations(res.ops, pick.name).map((v) => `line ${line}: ${v}`));
  });
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  run.rejectedByReason = sorted(reasons);
  run.skippedByReason = sorted(skips);
  run.unknownMissions = sorted(missions);
  return run;
}

/** One line for a test name: the counts a reader of the test output needs to fix the crosswalk. */
export function summary(run: FileRun): string {
  return (
    `${run.rows} rows: ${run.imported} imported (${run.ops} ops), ${run.skipped} skipped, ${run.rejected} rejected, ` +
    `${run.unknownMissions.length} unknown mission names`
  );
}

/** A readable report of a whole-file run, printed by the whole-file tests. */
export function report(run: FileRun): string {
  const top = (list: [string, number][], n = 5) => list.slice(0, n).map(([k, v]) => `    ${v} x ${k}`);
  return [
    `${run.file}: ${summary(run)}`,
    `  ops: ${JSON.stringify(run.opsByKind)}`,
    ...(run.rejectedByReason.length ? ['  rejected, top reasons:', ...top(run.rejectedByReason)] : []),
    ...(run.skippedByReason.length ? ['  skipped:', ...top(run.skippedByReason)] : []),
    ...(run.unknownMissions.length
      ? [`  unknown missions: ${run.unknownMissions.map(([k, v]) => `${k} (${v})`).join(', ')}`]
      : []),
  ].join('\n');
}

/**
 * The whole-file test of a format: maps every row of the real dataset with the real curated tables. The
 * mission tables are still being written, so an unknown mission name is allowed (and counted in the test's
 * name and printed); any other rejection, a model violation or a different row count fails.
 */
export function itMapsTheWholeFile(
  reader: Parameters<typeof runWholeFile>[0],
  relative: string,
  expectedRows: number,
): void {
  const file = dataFile(relative);
  const run = file ? runWholeFile(reader, file) : undefined;
  const name = run
    ? `maps the whole real ${run.file}, rejecting rows only for unknown mission names (${summary(run)})`
    : `maps the whole real file (skipped: ${relative} is not on this machine)`;
  (run ? it : it.skip)(name, () => {
    if (!run) return;
    console.log(report(run));
    expect(run.rows).toBe(expectedRows);
    expect(run.otherFailures.slice(0, 5)).toEqual([]);
    expect(run.violations).toEqual([]);
  });
}
