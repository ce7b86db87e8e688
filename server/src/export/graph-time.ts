/**
 * When a node or relationship exists, for the dynamic GEXF export (Gephi's timeline). Dates are whole days
 * (`YYYY-MM-DD`); a date the sources give as a year or a month is widened to what it covers: as a start to its
 * first day (`2004` -> `2004-01-01`, `2004-06` -> `2004-06-01`), as an end to its last day (`2004` -> `2004-12-31`,
 * `2004-02` -> `2004-02-29`). No start means "since always", no end "still": an element with neither is present
 * throughout.
 *
 * - Mission: `start` to `end` (else its recorded last evidence, `lastEvidence`).
 * - Organization: `founded` to `dissolved`.
 * - Conflict: one spell per run of consecutive years in which UCDP records it active (`years`), from the first day
 *   of the run (UCDP's `start` date when it falls in that year) to the last day of its last year.
 * - State, Person: no dates (present throughout).
 * - Relationship: `start`, else `from`, else `month`, else `year`; to `end`, else `to`, else `month`, else `year`
 *   (a DEPLOYED or IN_CONFLICT without dates is present whenever both its nodes are).
 * An end before its start is left out (the start stays).
 */
import { daysInMonth } from '../model/dates';
import type { ExportNode, ExportRel } from './graph-columns';

export interface Spell {
  start: string | null;
  end: string | null;
}

const PARTIAL_DATE = /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;

function parse(value: unknown): { y: number; m: number | null; d: number | null } | null {
  const text = typeof value === 'number' && Number.isInteger(value) ? String(value) : value;
  if (typeof text !== 'string') return null;
  const match = PARTIAL_DATE.exec(text);
  if (!match) return null;
  const y = Number(match[1]);
  const m = match[2] ? Number(match[2]) : null;
  const d = match[3] ? Number(match[3]) : null;
  if (m !== null && d !== null && d > daysInMonth(y, m)) return null;
  return { y, m, d };
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The first day a date (`2004`, `2004-06`, `2004-06-15`, or a year as a number) can mean; null if not a date. */
export function firstDay(value: unknown): string | null {
  const p = parse(value);
  return p ? `${pad(p.y, 4)}-${pad(p.m ?? 1)}-${pad(p.d ?? 1)}` : null;
}

/** The last day a date can mean (`2004` -> `2004-12-31`, `2004-02` -> `2004-02-29`); null if not a date. */
export function lastDay(value: unknown): string | null {
  const p = parse(value);
  if (!p) return null;
  const m = p.m ?? 12;
  return `${pad(p.y, 4)}-${pad(m)}-${pad(p.d ?? daysInMonth(p.y, m))}`;
}

function spell(start: string | null, end: string | null): Spell[] {
  if (!start && !end) return [];
  return [{ start, end: start && end && end < start ? null : end }];
}

function first(props: Record<string, unknown>, keys: string[]): unknown {
  for (const k of keys) if (props[k] !== null && props[k] !== undefined) return props[k];
  return null;
}

/** Runs of consecutive years: [1990, 1991, 1995] -> [[1990, 1991], [1995, 1995]]. */
export function yearRuns(years: readonly number[]): [number, number][] {
  const sorted = [...new Set(years.filter((y) => Number.isInteger(y)))].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const y of sorted) {
    const last = runs[runs.length - 1];
    if (last && y === last[1] + 1) last[1] = y;
    else runs.push([y, y]);
  }
  return runs;
}

/** When a node exists (an empty list: throughout). */
export function nodeSpells(node: ExportNode): Spell[] {
  const p = node.props;
  switch (node.label) {
    case 'Mission':
      return spell(firstDay(p.start), lastDay(first(p, ['end', 'lastEvidence'])));
    case 'Organization':
      return spell(firstDay(p.founded), lastDay(p.dissolved));
    case 'Conflict': {
      const years = Array.isArray(p.years) ? p.years.filter((y): y is number => typeof y === 'number') : [];
      const start = firstDay(p.start);
      if (!years.length) return spell(start, null);
      return yearRuns(years).map(([a, b]) => ({
        start: start && start.startsWith(`${a}-`) ? start : firstDay(a),
        end: lastDay(b),
      }));
    }
    default:
      return [];
  }
}

/** When a relationship exists (an empty list: whenever both its nodes do). */
export function relSpells(rel: ExportRel): Spell[] {
  const p = rel.props;
  return spell(
    firstDay(first(p, ['start', 'from', 'month', 'year'])),
    lastDay(first(p, ['end', 'to', 'month', 'year'])),
  );
}
