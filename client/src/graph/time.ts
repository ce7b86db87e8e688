/**
 * Time in the view: which elements are active at a year or month (dates of any precision cover what they can
 * mean, an open end is ongoing). Which missions form multiple simultaneous peace operations is the server's
 * answer (`mspoShare`), never computed here: the view only marks the ids it is given.
 */
import type { Core, EdgeSingular } from 'cytoscape';
import { isActive, spanOfDate } from '../../../server/src/model/dates';

// Dates as the graph writes them (the pattern, widening, activity in a span) are the server's model/dates.ts,
// one module both import.
export { DATE_PATTERN, endOf, isActive, startOf, spanOfDate as spanOf } from '../../../server/src/model/dates';
export type { Span } from '../../../server/src/model/dates';

/** Slider granularity. */
export type Grain = 'year' | 'month';

/** The slider position of a time: the year, or year * 12 + month - 1. */
export function toIndex(at: string, grain: Grain): number {
  const y = Number(at.slice(0, 4));
  if (grain === 'year') return y;
  const m = at.length >= 7 ? Number(at.slice(5, 7)) : 1;
  return y * 12 + m - 1;
}

/** The time at a slider position. */
export function fromIndex(index: number, grain: Grain): string {
  if (grain === 'year') return String(index);
  const y = Math.floor(index / 12);
  return `${y}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** First and last year that the missions in the graph cover (ongoing missions reach `now`). */
export function yearBounds(cy: Core, now = new Date().getFullYear()): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  cy.nodes('[label = "Mission"]').forEach((n) => {
    const start = n.data('start') as string | null;
    const end = n.data('end') as string | null;
    if (start) min = Math.min(min, Number(start.slice(0, 4)));
    max = Math.max(max, end ? Number(end.slice(0, 4)) : now);
  });
  if (!Number.isFinite(min)) return { min: now - 30, max: now };
  return { min, max: Math.max(min, Math.min(max, now)) };
}

/** What applying a time did. */
export interface TimeSummary {
  /** Missions active at that time (all missions when no time is set). */
  active: number;
  /** Missions marked as part of an MSPO; null while the server's answer for that time is not loaded. */
  mspo: number | null;
}

/**
 * Shows what was active at `at` (a year or a month; null shows everything): inactive missions, organizations
 * and dated relationships are hidden, other nodes with no active mission around them are dimmed. Missions get
 * the `mspo` class from the server: at a time, those of `mspoAt` (mspoShare's ids for that year or month; null
 * while not loaded) that are active; with no time, the nodes' own `mspo` flag (the network's period).
 */
export function applyTime(cy: Core, at: string | null, mspoAt: ReadonlySet<string> | null = null): TimeSummary {
  const span = at ? spanOfDate(at) : null;
  let summary: TimeSummary = { active: 0, mspo: 0 };
  cy.batch(() => {
    // Only what has them (Cytoscape restyles every element it removes a class from, whether it had it or not).
    cy.elements('.time-hidden, .dim, .mspo, .mspo-now').removeClass('time-hidden dim mspo mspo-now');
    if (span) {
      cy.nodes().forEach((n) => {
        const label = n.data('label') as string;
        if (
          (label === 'Mission' || label === 'Organization') &&
          !isActive(n.data('start') as string | null, n.data('end') as string | null, span)
        )
          n.addClass('time-hidden');
      });
      cy.edges().forEach((e: EdgeSingular) => {
        const start = e.data('start') as string | null;
        const end = e.data('end') as string | null;
        if ((start || end) && e.data('type') !== 'COOPERATED_WITH' && !isActive(start, end, span))
          e.addClass('time-hidden');
        // A cooperation link is shown while both missions are, so that a handover stays visible around its date.
      });
      const activeMissions = cy.nodes('[label = "Mission"]').not('.time-hidden');
      cy.nodes('[label != "Mission"]')
        .not('.time-hidden')
        .forEach((n) => {
          const label = n.data('label') as string;
          if (label === 'Organization' && cy.nodes('[label = "Mission"]').empty()) return; // organization network
          if (n.neighborhood('node').intersection(activeMissions).empty()) n.addClass('dim');
        });
    }
    const missions = cy.nodes('[label = "Mission"]').not('.time-hidden');
    const marked = span
      ? mspoAt
        ? missions.filter((m) => mspoAt.has(m.id()))
        : null
      : missions.filter((m) => Boolean(m.data('mspo')));
    // `mspo-now`: marked for the slider's time (a strong ring), not only somewhere in the period (a light one).
    marked?.addClass(span ? 'mspo mspo-now' : 'mspo');
    summary = { active: missions.length, mspo: marked ? marked.length : null };
  });
  return summary;
}
