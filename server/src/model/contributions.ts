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

/**
 * The records of one state in one mission from one source, as the statements return them (`RECORD_RUN`):
 * the source once, then the months and totals of its records as parallel lists (null: listed without a size).
 * A state has one record a month: tens of thousands of records travel and convert in about half the time of
 * one small list each, and the reduction looks up the state, mission and source once per run.
 */
export type RecordRun = [source: string, from: string[], to: string[], total: (number | null)[]];

/**
 * The contribution of one state to one mission over all months and sources, kept at write time
 * (db/contribution-peaks.ts): its figure (null: listed without a size) and its sources, as this file's rule gives them.
 */
export type KeptPeak = [personnel: number | null, sources: string[]];

/**
 * One state in one mission as the relation statements read it: the other side once, then its runs of records, or,
 * for a question without a period or a source, its kept peak instead.
 */
export interface ContributionGroup<N> {
  node: N;
  runs: RecordRun[] | null;
  peak?: KeptPeak | null;
}

/** The figure of one state in one mission: its kept peak, or its records reduced (null: no record counted). */
export function groupFigure(
  group: ContributionGroup<unknown>,
  side: RunSide,
  window: MonthWindow | null,
  onlySource: string | null,
): { personnel: number | null; sources: string[] } | null {
  if (group.peak) return { personnel: group.peak[0], sources: group.peak[1] };
  return figuresOfRuns([{ side, runs: group.runs ?? [] }], window, onlySource).get(side.state) ?? null;
}

/** Who a run of records belongs to. */
export interface RunSide {
  state: string;
  stateName: string;
  mission: string;
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
 * Reduces records to one figure per state (the rule as the tests state it; the API reads runs, figuresOfRuns).
 * `onlySource` keeps only that source's records; otherwise for each (state, mission, month) the best-ranked
 * source is used, and sites of the same source are summed. Months are whole numbers and keys are numbers (a
 * record of a yearly or multi-year source covers many months). A state's `sources` are the sources of its
 * counted months, the most precise first (rank, then name).
 */
export function figuresByState(
  records: ContributionRecord[],
  window: MonthWindow | null,
  onlySource?: string | null,
): Map<string, StateFigure> {
  return figuresOfRuns(
    records.map((r) => ({ side: r, runs: [[r.source, [r.from], [r.to], [r.total]]] })),
    window,
    onlySource,
  );
}

/** figuresByState over records as the statements read them: runs of one state in one mission from one source. */
export function figuresOfRuns(
  groups: Iterable<{ side: RunSide; runs: RecordRun[] }>,
  window: MonthWindow | null,
  onlySource?: string | null,
): Map<string, StateFigure> {
  const acc = new FigureAccumulator(window, onlySource ?? null);
  for (const { side, runs } of groups) for (const run of runs) acc.add(side, run);
  const steps = acc.result();
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
 * figuresByState fed one run of records at a time, as they arrive from the database (nothing of them is kept);
 * `figures()` gives the result, computed in slices between which the event loop runs.
 */
export class StateFigures {
  private readonly acc: FigureAccumulator;

  constructor(window: MonthWindow | null, onlySource?: string | null) {
    this.acc = new FigureAccumulator(window, onlySource ?? null);
  }

  add(side: RunSide, run: RecordRun): void {
    this.acc.add(side, run);
  }

  figures(): Promise<Map<string, StateFigure>> {
    return drainYielding(this.acc.result());
  }
}

/** How much work (month entries) the reduction does between two pauses. */
const WORK_PER_SLICE = 20_000;

/** The reduction of figuresByState, run by run. */
class FigureAccumulator {
  private readonly pairIds = new Map<string, number>();
  private readonly stateIds = new Map<string, number>();
  private readonly states: { state: string; name: string }[] = [];
  private readonly sourceIds = new Map<string, number>();
  private readonly sources: string[] = [];
  /** Month indexes by month: a few hundred distinct months among tens of thousands of records. */
  private readonly months = new Map<string, number>();
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

  private monthOf(m: string): number {
    let i = this.months.get(m);
    if (i === undefined) this.months.set(m, (i = monthIndex(m)));
    return i;
  }

  /** Adds the records of one run (one state, mission and source), in their order. */
  add(side: RunSide, [src, froms, tos, totals]: RecordRun): void {
    if (this.onlySource && src !== this.onlySource) return;
    const rank = SOURCE_RANK[src] ?? 9;
    // The state, source and pair are registered at the first record in the window: a state none of whose
    // records is in it is not a contributor.
    let stateId = -1;
    let sourceId = -1;
    let pairId = -1;
    for (let i = 0; i < froms.length; i += 1) {
      const from = Math.max(this.monthOf(froms[i] ?? ''), this.windowFrom);
      const to = Math.min(this.monthOf(tos[i] ?? ''), this.windowTo);
      if (from > to) continue;
      if (stateId < 0) {
        stateId = this.idOf(this.stateIds, side.state, () =>
          this.states.push({ state: side.state, name: side.stateName }),
        );
        sourceId = this.idOf(this.sourceIds, src, () => this.sources.push(src));
        pairId = this.idOf(this.pairIds, `${side.state}|${side.mission}`, () => undefined);
      }
      const value = totals[i] ?? null;
      const total = value ?? Number.NaN;
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
        } else if (rank === this.rank[slot] && this.source[slot] === sourceId && value !== null) {
          // Another site of the same source: summed.
          const cur = this.total[slot] ?? Number.NaN;
          this.total[slot] = Number.isNaN(cur) ? value : cur + value;
        }
      }
    }
  }

  /** The number of `key` in `ids`, numbering it (and calling `onNew`) when it is new. */
  private idOf(ids: Map<string, number>, key: string, onNew: () => void): number {
    let id = ids.get(key);
    if (id === undefined) {
      ids.set(key, (id = ids.size));
      onNew();
    }
    return id;
  }

  /**
   * Sums over missions per state and month, then takes each state's peak month (pausing after each slice). A
   * state's sources are listed the most precise first (rank, then name), whatever order the records came in.
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
          sources: (stateSources.get(stateId) ?? []).map((s) => this.sources[s] ?? '').sort(bySourceRank),
        });
      else if (personnel !== null && (cur.personnel === null || personnel > cur.personnel)) cur.personnel = personnel;
    }
    return out;
  }
}

/** Sources the most precise first, then by name. */
function bySourceRank(a: string, b: string): number {
  return (SOURCE_RANK[a] ?? 9) - (SOURCE_RANK[b] ?? 9) || a.localeCompare(b);
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
