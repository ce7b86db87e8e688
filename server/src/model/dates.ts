/**
 * Dates as the graph writes them: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` strings of any precision, compared as strings
 * once widened to full days. Plain TypeScript with no imports, shared by the server and the network view
 * (client/src/graph/time.ts re-exports it), so that both read a date the same way.
 */

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export const DATE_PATTERN = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/** A period as the two strings that Cypher (and the view) compares: full dates, open ends widened to the extremes. */
export interface Span {
  from: string;
  to: string;
}

/** The number of days of a month (1-12) of a year. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Whether a date of any precision is written right and exists in the calendar (no 2013-02-31). */
export function isCalendarDate(value: string): boolean {
  if (!DATE_PATTERN.test(value)) return false;
  if (value.length < 10) return true;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  return d <= daysInMonth(y, m);
}

/** Widens a date to the first day it can mean: `2013` -> `2013-01-01`, `2013-12` -> `2013-12-01`. */
export function startOf(d: string): string {
  return d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d;
}

/** Widens a date to the last day it can mean: `2013` -> `2013-12-31`, `2013-02` -> `2013-02-28`. */
export function endOf(d: string): string {
  if (d.length === 4) return `${d}-12-31`;
  if (d.length === 7) {
    const [y, m] = d.split('-').map(Number) as [number, number];
    return `${d}-${String(daysInMonth(y, m)).padStart(2, '0')}`;
  }
  return d;
}

/** The span of one date of any precision: `2013-12` is the whole of December 2013. */
export function spanOfDate(d: string): Span {
  return { from: startOf(d), to: endOf(d) };
}

/**
 * Whether something from `start` to `end` (dates of any precision, either unknown; no end means ongoing) overlaps
 * `span`: an end counts to the last day it can mean (`+ '-99'`). The Cypher form of the same rule is
 * ACTIVE_IN_SPAN (server/src/modules/common/period.ts).
 */
export function isActive(start: string | null | undefined, end: string | null | undefined, span: Span): boolean {
  return (!start || start <= span.to) && (!end || `${end}-99` >= span.from);
}
