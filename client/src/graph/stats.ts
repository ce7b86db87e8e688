/**
 * Yearly series for the charts, from the API's `stats` query. The browser keeps no rule of its own: missions
 * active, the MSPO share and personnel are the server's (cypher/analysis), and a figure no source gives stays
 * null, drawn as a gap.
 */
import type { StatsQuery } from '../api/generated';

/** The API's Stats type (as the charts read it: the `Stats` query of api/queries.ts). */
export type Stats = StatsQuery['stats'];

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

/** Says how far the personnel figures reach: the years with a figure, the coverage, and the sources. */
export function coverageNote(stats: Stats): string {
  const known = stats.years.filter((y) => y.personnel !== null);
  if (!known.length) return 'Personnel: no source gives a figure for these years.';
  const active = stats.years.reduce((n, y) => n + y.missionsActive, 0);
  const covered = stats.years.reduce((n, y) => n + y.missionsWithPersonnel, 0);
  const sources = [...new Set(stats.years.flatMap((y) => y.personnelSources))].sort();
  const gaps = stats.years.filter((y) => y.personnel === null && y.missionsActive > 0).map((y) => y.year);
  const share = active ? Math.round((covered / active) * 100) : 0;
  return (
    `Personnel: mean monthly strength of the missions with a figure, summed; ${covered} of ${active} mission-years (${share}%) have one. ` +
    `Sources: ${sources.join(', ')}.` +
    (gaps.length
      ? ` No figure (gap, not zero): ${gaps.length === 1 ? gaps[0] : `${gaps[0]}-${gaps[gaps.length - 1]}`}.`
      : '')
  );
}
