/**
 * Contributions of personnel, reduced from the raw records of several sources to one figure per state (null
 * where the sources only list the state as present):
 * for each state, mission and month the most precise source wins (official monthly figures over yearly
 * averages over estimates); a state's figure on one side is the month's figure (`asOf`) or the peak monthly
 * figure over the window. Pure functions, tested without a database.
 */

/** Precedence of the contribution sources: lower is more precise. */
export const SOURCE_RANK: Record<string, number> = {
  'ipi-contributions': 1,
  'ipi-snapshot': 1,
  // Non-UN operations: figures and lists of contributors from public documents (contributions_*.csv).
  curated: 1,
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
  return g.records.map((r) => ({ source: r.source, from: r.from, to: r.to, total: r.total, state: side.state, stateName: side.stateName, mission: side.mission }));
}

export interface MonthWindow {
  from: string;
  to: string;
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
  /**
   * The state's personnel: the month's figure, or the peak monthly figure over the window; null when its
   * sources list the state without a figure (present, size unknown: never 0).
   */
  personnel: number | null;
  sources: string[];
}

/** A month (YYYY-MM) as a whole number: year * 12 + month - 1. */
const monthIndex = (m: string): number => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
/** Room for every month index up to the year 9999 in a numeric key. */
const MONTHS = 12 * 10_000;

/**
 * Reduces records to one figure per state. `onlySource` keeps only that source's records; otherwise for each
 * (state, mission, month) the best-ranked source is used, and sites of the same source are summed. Months are
 * whole numbers and keys are numbers (a record of a yearly or multi-year source covers many months), with the
 * entries met in the same order as the records, so that `sources` lists the sources in the order first met.
 */
export function figuresByState(records: ContributionRecord[], window: MonthWindow | null, onlySource?: string | null): Map<string, StateFigure> {
  const pairIds = new Map<string, number>();
  const stateIds = new Map<string, number>();
  const states: { state: string; name: string }[] = [];
  const best = new Map<number, { rank: number; source: string; total: number | null; stateId: number; month: number }>();
  const windowFrom = window ? monthIndex(window.from) : -Infinity;
  const windowTo = window ? monthIndex(window.to) : Infinity;
  for (const r of records) {
    if (onlySource && r.source !== onlySource) continue;
    const rank = SOURCE_RANK[r.source] ?? 9;
    const from = Math.max(monthIndex(r.from), windowFrom);
    const to = Math.min(monthIndex(r.to), windowTo);
    if (from > to) continue;
    let stateId = stateIds.get(r.state);
    if (stateId === undefined) {
      stateId = states.length;
      stateIds.set(r.state, stateId);
      states.push({ state: r.state, name: r.stateName });
    }
    const pairKey = `${r.state}|${r.mission}`;
    let pairId = pairIds.get(pairKey);
    if (pairId === undefined) pairIds.set(pairKey, (pairId = pairIds.size));
    for (let month = from; month <= to; month += 1) {
      const key = pairId * MONTHS + month;
      const cur = best.get(key);
      if (!cur || rank < cur.rank) best.set(key, { rank, source: r.source, total: r.total, stateId, month });
      else if (rank === cur.rank && cur.source === r.source && r.total !== null) cur.total = (cur.total ?? 0) + r.total; // another site
    }
  }
  // Sum over missions per state and month, then take the peak month.
  const perMonth = new Map<number, { total: number | null; sources: Set<string>; stateId: number }>();
  for (const b of best.values()) {
    const key = b.stateId * MONTHS + b.month;
    let cur = perMonth.get(key);
    if (!cur) perMonth.set(key, (cur = { total: null, sources: new Set<string>(), stateId: b.stateId }));
    if (b.total !== null) cur.total = (cur.total ?? 0) + b.total;
    cur.sources.add(b.source);
  }
  const out = new Map<string, StateFigure>();
  for (const p of perMonth.values()) {
    const { state, name } = states[p.stateId];
    const cur = out.get(state);
    if (!cur) out.set(state, { state, stateName: name, personnel: p.total, sources: [...p.sources] });
    else {
      if (p.total !== null && (cur.personnel === null || p.total > cur.personnel)) cur.personnel = p.total;
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
