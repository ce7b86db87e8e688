/**
 * Yearly series for the charts. The API's `stats` query is the source; when the server has none, the MSPO
 * share is computed here from the network in view (same rules as graph/time.ts), and says so.
 */
import { isActive, overlaps, spanOf } from './time';
import type { GraphEdge, GraphNode } from './types';

/** One year of the MSPO-share series. */
export interface MspoYear {
  year: number;
  missionsActive: number;
  mspoShare: number | null;
}

/**
 * For each year from `from` to `to`: missions active, and the share of them that had another mission active at
 * the same time in the same conflict (or host state, for missions with no conflict) among the given missions.
 */
export function mspoShareByYear(nodes: readonly GraphNode[], edges: readonly GraphEdge[], from: number, to: number): MspoYear[] {
  const missions = nodes.filter((n) => n.label === 'Mission');
  const conflictsOf = new Map<string, string[]>();
  const hostsOf = new Map<string, string[]>();
  for (const e of edges) {
    const map = e.type === 'IN_CONFLICT' ? conflictsOf : e.type === 'HOSTED_BY' ? hostsOf : null;
    if (!map) continue;
    const list = map.get(e.source) ?? [];
    list.push(e.target);
    map.set(e.source, list);
  }
  const groupsOf = (id: string): string[] => {
    const c = conflictsOf.get(id);
    if (c?.length) return c.map((x) => `c:${x}`);
    return (hostsOf.get(id) ?? []).map((x) => `h:${x}`);
  };
  const out: MspoYear[] = [];
  for (let year = from; year <= to; year++) {
    const span = spanOf(String(year));
    const active = missions.filter((m) => isActive(m.start, m.end, span));
    const byGroup = new Map<string, GraphNode[]>();
    for (const m of active) for (const g of groupsOf(m.id)) byGroup.set(g, [...(byGroup.get(g) ?? []), m]);
    let mspo = 0;
    for (const m of active) {
      const partner = groupsOf(m.id).some((g) => (byGroup.get(g) ?? []).some((o) => o.id !== m.id && overlaps(m, o)));
      if (partner) mspo++;
    }
    out.push({ year, missionsActive: active.length, mspoShare: active.length ? mspo / active.length : null });
  }
  return out;
}

/** The API's Stats type (as the charts read it). */
export interface Stats {
  years: { year: number; missionsActive: number; personnel: number | null; mspoShare: number | null }[];
  organizations: { organization: { id: string; name: string }; years: { year: number; missionsActive: number; personnel: number | null }[] }[];
}

/** A chart's x values and one y series per name, aligned on every year from the first to the last. */
export interface Series {
  years: number[];
  lines: { id: string; name: string; values: (number | null)[] }[];
}

/**
 * Personnel per organization per year, the `top` organizations with the most personnel overall (the others
 * would be flat lines near zero).
 */
export function personnelSeries(stats: Stats, top = 6): Series {
  const years = new Set<number>();
  for (const o of stats.organizations) for (const y of o.years) years.add(y.year);
  const sorted = [...years].sort((a, b) => a - b);
  const xs: number[] = [];
  if (sorted.length) for (let y = sorted[0]; y <= sorted[sorted.length - 1]; y++) xs.push(y);
  const ranked = stats.organizations
    .map((o) => ({ o, total: o.years.reduce((s, y) => s + (y.personnel ?? 0), 0) }))
    .filter((r) => r.total > 0)
    .sort((a, b) => b.total - a.total)
    .slice(0, top);
  return {
    years: xs,
    lines: ranked.map(({ o }) => {
      const byYear = new Map(o.years.map((y) => [y.year, y.personnel]));
      return { id: o.organization.id, name: o.organization.name, values: xs.map((y) => byYear.get(y) ?? null) };
    }),
  };
}
