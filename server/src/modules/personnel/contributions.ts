/**
 * Contributions of personnel, reduced from the raw records of several sources to one figure per state:
 * for each state, mission and month the most precise source wins (official monthly figures over yearly
 * averages over estimates); a state's figure on one side is the month's figure (`asOf`) or the peak monthly
 * figure over the window. Pure functions, tested without a database.
 */

/** Precedence of the contribution sources: lower is more precise. */
export const SOURCE_RANK: Record<string, number> = {
  'ipi-contributions': 1,
  'ipi-snapshot': 1,
  'un-country-by-year': 2,
  'geopko-tcc': 3,
};

export interface ContributionRecord {
  state: string;
  stateName: string;
  mission: string;
  source: string;
  /** First and last month covered, YYYY-MM. */
  from: string;
  to: string;
  /** Personnel (a monthly figure, a yearly average, or an estimate); null when the source names the state without a size. */
  total: number | null;
}

/** The records of one state in one mission as the relation statements read them: the other side once, then its records. */
export interface ContributionGroup<N> {
  node: N;
  records: Pick<ContributionRecord, 'source' | 'from' | 'to' | 'total'>[];
}

/** The records of a group as full contribution records. */
export function groupRecords(g: ContributionGroup<unknown>, side: { state: string; stateName: string; mission: string }): ContributionRecord[] {
  return g.records.map((r) => ({ ...r, ...side }));
}

export interface MonthWindow {
  from: string;
  to: string;
}

/** Months from `from` to `to` inclusive (YYYY-MM). */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const endY = Number(to.slice(0, 4));
  const endM = Number(to.slice(5, 7));
  while (y < endY || (y === endY && m <= endM)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/** The months a date or period means: `2013` is January to December 2013, `2013-12-31` is December 2013. */
export function monthWindow(from: string | null | undefined, to: string | null | undefined): MonthWindow | null {
  if (!from && !to) return null;
  const f = from ? (from.length === 4 ? `${from}-01` : from.slice(0, 7)) : '0000-01';
  const t = to ? (to.length === 4 ? `${to}-12` : to.slice(0, 7)) : '9999-12';
  return { from: f, to: t };
}

export interface StateFigure {
  state: string;
  stateName: string;
  /** The state's personnel: the month's figure, or the peak monthly figure over the window. */
  personnel: number;
  sources: string[];
}

/**
 * Reduces records to one figure per state. `onlySource` keeps only that source's records; otherwise for each
 * (state, mission, month) the best-ranked source is used, and sites of the same source are summed.
 */
export function figuresByState(records: ContributionRecord[], window: MonthWindow | null, onlySource?: string | null): Map<string, StateFigure> {
  const best = new Map<string, { rank: number; source: string; total: number; state: string; name: string; month: string }>();
  for (const r of records) {
    if (onlySource && r.source !== onlySource) continue;
    const rank = SOURCE_RANK[r.source] ?? 9;
    const from = window && r.from < window.from ? window.from : r.from;
    const to = window && r.to > window.to ? window.to : r.to;
    if (from > to) continue;
    for (const month of monthsBetween(from, to)) {
      const key = `${r.state}|${r.mission}|${month}`;
      const cur = best.get(key);
      if (!cur || rank < cur.rank) best.set(key, { rank, source: r.source, total: r.total ?? 0, state: r.state, name: r.stateName, month });
      else if (rank === cur.rank && cur.source === r.source) cur.total += r.total ?? 0; // another site of the same source
    }
  }
  // Sum over missions per state and month, then take the peak month.
  const perMonth = new Map<string, { total: number; sources: Set<string>; state: string; name: string }>();
  for (const b of best.values()) {
    const key = `${b.state}|${b.month}`;
    const cur = perMonth.get(key) ?? { total: 0, sources: new Set<string>(), state: b.state, name: b.name };
    cur.total += b.total;
    cur.sources.add(b.source);
    perMonth.set(key, cur);
  }
  const out = new Map<string, StateFigure>();
  for (const p of perMonth.values()) {
    const cur = out.get(p.state);
    if (!cur) out.set(p.state, { state: p.state, stateName: p.name, personnel: p.total, sources: [...p.sources] });
    else {
      if (p.total > cur.personnel) cur.personnel = p.total;
      for (const s of p.sources) if (!cur.sources.includes(s)) cur.sources.push(s);
    }
  }
  return out;
}

/** Jaccard similarity of two sets: |A ∩ B| / |A ∪ B| (0 when both are empty). */
export function jaccard(a: Iterable<string>, b: Iterable<string>): number {
  const A = new Set(a);
  const B = new Set(b);
  const union = new Set([...A, ...B]);
  if (!union.size) return 0;
  let inter = 0;
  for (const x of A) if (B.has(x)) inter += 1;
  return inter / union.size;
}

/** Cosine similarity of two personnel vectors indexed by state (0 when either is all zeros). */
export function cosine(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [k, v] of a) {
    na += v * v;
    dot += v * (b.get(k) ?? 0);
  }
  for (const v of b.values()) nb += v * v;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}
