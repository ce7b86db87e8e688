/**
 * Time in the view: which elements are active at a year or month (the same rules as the API: dates of any
 * precision, an open end is ongoing), and which missions then form multiple simultaneous peace operations
 * (MSPOs: another mission active at the same time in the same conflict, or, for a mission with no known
 * conflict, in the same host state).
 */
import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';

/** A period as two full dates, compared as strings. */
export interface Span {
  from: string;
  to: string;
}

/** Slider granularity. */
export type Grain = 'year' | 'month';

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export const DATE_PATTERN = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/** The first day a date can mean: `2013` -> `2013-01-01`. */
export function startOf(d: string): string {
  return d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d;
}

/** The last day a date can mean: `2013` -> `2013-12-31`, `2013-02` -> `2013-02-28`. */
export function endOf(d: string): string {
  if (d.length === 4) return `${d}-12-31`;
  if (d.length === 7) {
    const [y, m] = d.split('-').map(Number) as [number, number];
    return `${d}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
  }
  return d;
}

/** The span of a year (`2004`) or a month (`2004-03`). */
export function spanOf(at: string): Span {
  return { from: startOf(at), to: endOf(at) };
}

/** Whether something from `start` to `end` (either may be unknown; no end means ongoing) overlaps `span`. */
export function isActive(start: string | null | undefined, end: string | null | undefined, span: Span): boolean {
  return (!start || start <= span.to) && (!end || `${end}-99` >= span.from);
}

/** Whether two date ranges overlap (the API's MISSIONS_OVERLAP). */
export function overlaps(a: { start?: string | null; end?: string | null }, b: { start?: string | null; end?: string | null }): boolean {
  return (!a.start || !b.end || a.start <= `${b.end}-99`) && (!b.start || !a.end || b.start <= `${a.end}-99`);
}

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
  /** Missions marked as part of an MSPO. */
  mspo: number;
  /** True when some MSPO marks come from the API's flag because the view lacks conflicts and hosts. */
  approximate: boolean;
}

/**
 * Missions active in `span` that share a conflict (or, for those with none in the graph, a host state) with
 * another mission active at the same time. Missions with neither in the graph are left to `fallback`.
 */
export function mspoMissions(cy: Core, span: Span | null, fallback: (m: NodeSingular) => boolean): { ids: Set<string>; approximate: boolean } {
  const ids = new Set<string>();
  let approximate = false;
  const missions = cy.nodes('[label = "Mission"]').filter((m) => span === null || isActive(m.data('start') as string | null, m.data('end') as string | null, span));
  const activeIds = new Set(missions.map((m) => m.id()));
  missions.forEach((m) => {
    const conflicts = m.outgoers('edge[type = "IN_CONFLICT"]').targets();
    const via = conflicts.nonempty() ? conflicts : m.outgoers('edge[type = "HOSTED_BY"]').targets();
    const edgeType = conflicts.nonempty() ? 'IN_CONFLICT' : 'HOSTED_BY';
    if (via.empty()) {
      approximate = true;
      if (fallback(m)) ids.add(m.id());
      return;
    }
    const partners = via.incomers(`edge[type = "${edgeType}"]`).sources().toArray();
    const partner = partners.some((o) => {
      if (o.id() === m.id() || !activeIds.has(o.id())) return false;
      return overlaps({ start: m.data('start') as string | null, end: m.data('end') as string | null }, { start: o.data('start') as string | null, end: o.data('end') as string | null });
    });
    if (partner) ids.add(m.id());
  });
  return { ids, approximate };
}

/**
 * Shows what was active at `at` (a year or a month; null shows everything): inactive missions, organizations
 * and dated relationships are hidden, other nodes with no active mission around them are dimmed, and missions
 * in an MSPO at that time (among the missions in view) get the `mspo` class. With no time, the API's MSPO flag
 * (computed over the whole graph for the filter's period) is used.
 */
export function applyTime(cy: Core, at: string | null): TimeSummary {
  const span = at ? spanOf(at) : null;
  let summary: TimeSummary = { active: 0, mspo: 0, approximate: false };
  cy.batch(() => {
    cy.elements().removeClass('time-hidden dim mspo');
    if (span) {
      cy.nodes().forEach((n) => {
        const label = n.data('label') as string;
        if ((label === 'Mission' || label === 'Organization') && !isActive(n.data('start') as string | null, n.data('end') as string | null, span)) n.addClass('time-hidden');
      });
      cy.edges().forEach((e: EdgeSingular) => {
        const start = e.data('start') as string | null;
        const end = e.data('end') as string | null;
        if ((start || end) && e.data('type') !== 'COOPERATED_WITH' && !isActive(start, end, span)) e.addClass('time-hidden');
        // A cooperation link is shown while both missions are, so that a handover stays visible around its date.
      });
      const activeMissions = cy.nodes('[label = "Mission"]').not('.time-hidden');
      cy.nodes('[label != "Mission"]').not('.time-hidden').forEach((n) => {
        const label = n.data('label') as string;
        if (label === 'Organization' && cy.nodes('[label = "Mission"]').empty()) return; // organization network
        if (n.neighborhood('node').intersection(activeMissions).empty()) n.addClass('dim');
      });
    }
    const { ids, approximate } = span
      ? mspoMissions(cy, span, (m) => Boolean(m.data('mspo')))
      : { ids: new Set(cy.nodes('[label = "Mission"]').filter((m) => Boolean(m.data('mspo'))).map((m) => m.id())), approximate: false };
    for (const id of ids) cy.getElementById(id).addClass('mspo');
    summary = {
      active: cy.nodes('[label = "Mission"]').not('.time-hidden').length,
      mspo: ids.size,
      approximate,
    };
  });
  return summary;
}
