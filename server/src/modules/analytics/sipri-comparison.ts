import path from 'node:path';
import type { Database } from '../../db/database';
import { readCsvTable } from '../../import/csv-table';
import { repoRoot } from '../../paths';
import { AnalyticsRepository } from './analytics.repository';

/** One year of sipri_counts.csv beside the graph's count (cypher/analysis/active-operations.cypher). */
export interface SipriComparison {
  year: number;
  sipri: { total: number; un: number | null; regional: number | null; adHoc: number | null; source: string };
  graph: { total: number; un: number; regional: number; adHoc: number };
}

/** SIPRI's published counts (cypher/data/curated/sipri_counts.csv), compared with the graph's. */
export async function sipriComparison(
  db: Database,
  curatedDir = path.join(repoRoot(), 'cypher', 'data', 'curated'),
): Promise<SipriComparison[]> {
  const rows = readCsvTable(path.join(curatedDir, 'sipri_counts.csv'));
  if (!rows.length) return [];
  const num = (v: string | undefined) => (v === undefined || v === '' ? null : Number(v));
  const years = rows.map((r) => Number(r.year));
  const graph = await new AnalyticsRepository(db, undefined, ['ad_hoc_coalition']).activeOperations({
    universe: null,
    fromYear: Math.min(...years),
    toYear: Math.max(...years),
  });
  const byYear = new Map(graph.map((g) => [g.year, g]));
  return rows.map((r) => {
    const g = byYear.get(Number(r.year));
    return {
      year: Number(r.year),
      sipri: {
        total: Number(r.total),
        un: num(r.un),
        regional: num(r.regional),
        adHoc: num(r.ad_hoc),
        source: r.source ?? '',
      },
      graph: { total: g?.total ?? 0, un: g?.un ?? 0, regional: g?.regional ?? 0, adHoc: g?.adHoc ?? 0 },
    };
  });
}
