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
  /** Each record as `[source, from, to, total]`, as the relation statements return them. */
  records: [source: string, from: string, to: string, total: number | null][];
}

/** The records of a group as full contribution records. */
export function groupRecords(
  g: ContributionGroup<unknown>,
  side: { state: string; stateName: string; mission: string },
): ContributionRecord[] {
  return g.records.map(([source, from, to, total]) => ({
    source,
    from,
    to,
    total,
    state: side.state,
    stateName: side.stateName,
    mission: side.mission,
  }));
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
export function figuresByState(
  records: ContributionRecord[],
  window: MonthWindow | null,
  onlySource?: string | null,
): Map<string, StateFigure> {
  const steps = reduceFigures(records, window, onlySource ?? null);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Runs a reduction to its end, letting the event loop serve other requests between its slices. */
async function drainYielding<T>(steps: Generator<void, T>): Promise<T> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * figuresByState fed one record at a time, as the records arrive from the database (nothing of them is kept);
 * `figures()` gives the result, computed in slices between which the event loop runs.
 */
export class StateFigures {
  private readonly acc: FigureAccumulator;

  constructor(window: MonthWindow | null, onlySource?: string | null) {
    this.acc = new FigureAccumulator(window, onlySource ?? null);
  }

  add(record: ContributionRecord): void {
    this.acc.add(record);
  }

  figures(): Promise<Map<string, StateFigure>> {
    return drainYielding(this.acc.result());
  }
}

/** How much work (record-months, or month entries) the reduction does between two pauses. */
const WORK_PER_SLICE = 20_000;

/** The reduction of figuresByState, pausing (yield) after each slice of work. */
function* reduceFigures(
  records: ContributionRecord[],
  window: MonthWindow | null,
  onlySource: string | null,
): Generator<void, Map<string, StateFigure>> {
  const acc = new FigureAccumulator(window, onlySource);
  let work = 0;
  for (const r of records) {
    work += acc.add(r) + 1;
    if (work >= WORK_PER_SLICE) {
      work = 0;
      yield;
    }
  }
  return yield* acc.result();
}

/** The reduction of figuresByState, record by record. */
class FigureAccumulator {
  private readonly pairIds = new Map<string, number>();
  private readonly stateIds = new Map<string, number>();
  private readonly states: { state: string; name: string }[] = [];
  private readonly sourceIds = new Map<string, number>();
  private readonly sources: string[] = [];
  /**
   * The best record per (state and mission, month): the key maps to a slot of the parallel arrays below. Numbers in
   * plain arrays, not an object per month: an organization's records cover hundreds of thousands of months, and
   * that many objects would make the garbage collector hold the event loop.
   */
  private readonly best = new Map<number, number>();
  private readonly rank: number[] = [];
  private readonly source: number[] = [];
  /** NaN where the source names the state without a figure. */
  private readonly total: number[] = [];
  private readonly state: number[] = [];
  private readonly month: number[] = [];
  private readonly windowFrom: number;
  private readonly windowTo: number;

  constructor(
    window: MonthWindow | null,
    private readonly onlySource: string | null,
  ) {
    this.windowFrom = window ? monthIndex(window.from) : -Infinity;
    this.windowTo = window ? monthIndex(window.to) : Infinity;
  }

  /** Adds one record; returns the number of months it covered (the work done). */
  add(r: ContributionRecord): number {
    if (this.onlySource && r.source !== this.onlySource) return 0;
    const rank = SOURCE_RANK[r.source] ?? 9;
    const from = Math.max(monthIndex(r.from), this.windowFrom);
    const to = Math.min(monthIndex(r.to), this.windowTo);
    if (from > to) return 0;
    let stateId = this.stateIds.get(r.state);
    if (stateId === undefined) {
      stateId = this.states.length;
      this.stateIds.set(r.state, stateId);
      this.states.push({ state: r.state, name: r.stateName });
    }
    let sourceId = this.sourceIds.get(r.source);
    if (sourceId === undefined) {
      sourceId = this.sources.length;
      this.sourceIds.set(r.source, sourceId);
      this.sources.push(r.source);
    }
    const pairKey = `${r.state}|${r.mission}`;
    let pairId = this.pairIds.get(pairKey);
    if (pairId === undefined) this.pairIds.set(pairKey, (pairId = this.pairIds.size));
    const total = r.total ?? Number.NaN;
    for (let month = from; month <= to; month += 1) {
      const key = pairId * MONTHS + month;
      const slot = this.best.get(key);
      if (slot === undefined) {
        this.best.set(key, this.rank.length);
        this.rank.push(rank);
        this.source.push(sourceId);
        this.total.push(total);
        this.state.push(stateId);
        this.month.push(month);
      } else if (rank < (this.rank[slot] ?? Infinity)) {
        this.rank[slot] = rank;
        this.source[slot] = sourceId;
        this.total[slot] = total;
      } else if (rank === this.rank[slot] && this.source[slot] === sourceId && r.total !== null) {
        // Another site of the same source: summed.
        const cur = this.total[slot] ?? Number.NaN;
        this.total[slot] = Number.isNaN(cur) ? r.total : cur + r.total;
      }
    }
    return to - from + 1;
  }

  /**
   * Sums over missions per state and month, then takes each state's peak month (pausing after each slice). A
   * state's sources are listed in the order they were first met.
   */
  *result(): Generator<void, Map<string, StateFigure>> {
    // Per state and month: the sum of the missions' figures (NaN: none had one).
    const perMonth = new Map<number, number>();
    const sums: number[] = [];
    const sumState: number[] = [];
    const stateSources = new Map<number, number[]>();
    let work = 0;
    for (let slot = 0; slot < this.rank.length; slot += 1) {
      if ((work += 1) % WORK_PER_SLICE === 0) yield;
      const stateId = this.state[slot] ?? 0;
      const key = stateId * MONTHS + (this.month[slot] ?? 0);
      let i = perMonth.get(key);
      if (i === undefined) {
        perMonth.set(key, (i = sums.length));
        sums.push(Number.NaN);
        sumState.push(stateId);
      }
      const t = this.total[slot] ?? Number.NaN;
      if (!Number.isNaN(t)) sums[i] = Number.isNaN(sums[i] ?? Number.NaN) ? t : (sums[i] ?? 0) + t;
      const src = this.source[slot] ?? 0;
      const list = stateSources.get(stateId);
      if (!list) stateSources.set(stateId, [src]);
      else if (!list.includes(src)) list.push(src);
    }
    const out = new Map<string, StateFigure>();
    for (let i = 0; i < sums.length; i += 1) {
      if ((work += 1) % WORK_PER_SLICE === 0) yield;
      const stateId = sumState[i] ?? 0;
      const { state, name } = this.states[stateId] ?? { state: '', name: '' };
      const sum = sums[i] ?? Number.NaN;
      const personnel = Number.isNaN(sum) ? null : sum;
      const cur = out.get(state);
      if (!cur)
        out.set(state, {
          state,
          stateName: name,
          personnel,
          sources: (stateSources.get(stateId) ?? []).map((s) => this.sources[s] ?? ''),
        });
      else if (personnel !== null && (cur.personnel === null || personnel > cur.personnel)) cur.personnel = personnel;
    }
    return out;
  }
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
