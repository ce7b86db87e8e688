/**
 * The time bar: the year/month slider, play/pause, the grain choice and "all years". In the full network a time
 * step hides what is not active (client side); in the organization network it asks the API for that period.
 */
import type { Core } from 'cytoscape';
import { fetchMspoPeriods } from '../api/queries';
import { PLAY_STEP_MS } from '../config';
import { applyTime, fromIndex, toIndex, yearBounds } from '../graph/time';
import type { Grain, TimeSummary } from '../graph/time';
import { byId } from '../ui/dom';
import type { ViewStore } from './store';

/** What the time bar needs from the rest of the view. */
export interface TimeBarDeps {
  store: ViewStore;
  cy(): Core | null;
  /** While something loads, playing waits instead of stepping. */
  progress: { readonly busy: boolean };
  /** Reloads the organization network for one period (undefined: the filter's). */
  reloadNetwork(period: { from: string; to: string } | undefined): Promise<unknown>;
  /** Called after the time classes changed, to update the status line. */
  timeApplied(): void;
  /** Called when the slider moves, with its year (null: the whole period), to move the chart markers. */
  moved(year: number | null): void;
}

/** Owns the slider, the play timer and the last time summary (missions active and in MSPOs). */
export class TimeBar {
  private summaryValue: TimeSummary | null = null;
  /** The server's MSPO missions per year or month, asked once per range (the view computes none itself). */
  private readonly mspoAt = new Map<string, ReadonlySet<string>>();
  private readonly mspoAsked = new Set<string>();
  private playTimer: number | undefined;
  private readonly pendingTime: { timer?: number } = {};

  constructor(private readonly deps: TimeBarDeps) {}

  /** What the last time step showed; null before the first one. */
  get summary(): TimeSummary | null {
    return this.summaryValue;
  }

  /** Listens to the slider, the play button, the grain choice and "all years". */
  wire(): void {
    const { store } = this.deps;
    const slider = byId<HTMLInputElement>('time');
    slider.addEventListener('input', () => this.setTime(fromIndex(Number(slider.value), store.state.grain)));
    byId('play').addEventListener('click', () => this.togglePlay());
    const grain = byId<HTMLSelectElement>('grain');
    grain.value = store.state.grain;
    grain.addEventListener('change', () => {
      const state = store.state;
      state.grain = grain.value === 'month' ? 'month' : 'year';
      if (state.time) state.time = state.grain === 'year' ? state.time.slice(0, 4) : `${state.time.slice(0, 4)}-01`;
      this.update();
      if (state.time) this.setTime(state.time);
      else store.commit();
    });
    byId('time-all').addEventListener('click', () => this.setTime(null));
  }

  /** The slider's years: the years of the network in view, within the period filter. */
  private range(): { min: number; max: number } {
    const state = this.deps.store.state;
    const cy = this.deps.cy();
    const now = new Date().getFullYear();
    const bounds = cy && state.mode === 'FULL' ? yearBounds(cy, now) : { min: 1948, max: now };
    const min = state.from ? Math.max(bounds.min, Number(state.from.slice(0, 4))) : bounds.min;
    const max = state.to ? Math.min(bounds.max, Number(state.to.slice(0, 4))) : bounds.max;
    return { min: Math.min(min, max), max };
  }

  /** Sets the slider's range, grain and position from the network in view and the state. */
  update(): void {
    const state = this.deps.store.state;
    const slider = byId<HTMLInputElement>('time');
    const { min, max } = this.range();
    const grain = state.grain;
    slider.min = String(grain === 'year' ? min : min * 12);
    slider.max = String(grain === 'year' ? max : max * 12 + 11);
    slider.setAttribute('aria-label', grain === 'year' ? 'Year' : 'Month');
    if (state.time) slider.value = String(toIndex(state.time, grain));
    else slider.value = slider.max;
    this.updateLabel();
  }

  /** Writes the time and what is active then beside the slider. */
  updateLabel(): void {
    const label = byId('time-label');
    const t = this.deps.store.state.time;
    const s = this.summaryValue;
    // The organization network draws no missions: it says the time only (no "0 missions active").
    const missions =
      this.deps.store.state.mode === 'FULL' && s
        ? `: ${s.active} missions active, ${s.mspo === null ? '…' : s.mspo} in MSPOs`
        : '';
    label.textContent = t ? `${t}${missions}` : 'all years of the period';
    byId<HTMLInputElement>('time').setAttribute('aria-valuetext', label.textContent);
  }

  /** Marks what is active at the state's time in the elements now in view (the full network only). */
  applyNow(): void {
    const cy = this.deps.cy();
    if (!cy) return;
    const state = this.deps.store.state;
    const at = state.mode === 'FULL' ? state.time : null;
    const known = at ? (this.mspoAt.get(at) ?? null) : null;
    this.summaryValue = applyTime(cy, at, known);
    if (at && !known) this.askMspo(at);
    this.updateLabel();
    this.deps.timeApplied();
  }

  /**
   * Asks the server which missions were part of an MSPO around `at`: every year of the slider at once, or
   * the twelve months of `at`'s year; applies the time again when the answer comes, if it is still shown.
   */
  private askMspo(at: string): void {
    const monthly = at.length === 7;
    const { min, max } = this.range();
    const [from, to] = monthly
      ? [`${at.slice(0, 4)}-01`, `${at.slice(0, 4)}-12`]
      : [String(Math.min(min, Number(at))), String(Math.max(max, Number(at)))];
    const key = `${from}/${to}`;
    if (this.mspoAsked.has(key)) return;
    this.mspoAsked.add(key);
    fetchMspoPeriods(from, to, monthly ? 'MONTH' : 'YEAR')
      .then((periods) => {
        for (const p of periods) this.mspoAt.set(p.period, new Set(p.mspoMissionIds));
        if (this.deps.store.state.time && this.mspoAt.has(this.deps.store.state.time)) this.applyNow();
      })
      .catch(() => this.mspoAsked.delete(key)); // asked again at the next step; the marks stay off meanwhile
  }

  /** Moves the view to a year or month (null: the whole period). */
  setTime(at: string | null): void {
    const state = this.deps.store.state;
    state.time = at;
    if (at === null) this.pause();
    if (state.mode === 'ORGANIZATIONS') {
      // Co-deployment depends on time: ask the API for the organization network of that year or month.
      window.clearTimeout(this.pendingTime.timer);
      this.pendingTime.timer = window.setTimeout(() => {
        const period = at ? { from: at, to: at } : undefined;
        void this.deps.reloadNetwork(period).then(() => this.updateLabel());
      }, 250);
    } else {
      this.applyNow();
    }
    const slider = byId<HTMLInputElement>('time');
    if (at) slider.value = String(toIndex(at, state.grain));
    this.updateLabel();
    this.deps.moved(at ? Number(at.slice(0, 4)) : null);
    this.deps.store.commit();
  }

  private togglePlay(): void {
    if (this.playTimer !== undefined) {
      this.pause();
      return;
    }
    const slider = byId<HTMLInputElement>('time');
    const grain: Grain = this.deps.store.state.grain;
    if (!this.deps.store.state.time || Number(slider.value) >= Number(slider.max))
      this.setTime(fromIndex(Number(slider.min), grain));
    const button = byId('play');
    button.textContent = '❚❚';
    button.setAttribute('aria-label', 'Pause');
    button.setAttribute('aria-pressed', 'true');
    this.playTimer = window.setInterval(() => {
      if (this.deps.progress.busy) return;
      const next = Number(slider.value) + 1;
      if (next > Number(slider.max)) {
        this.pause();
        return;
      }
      this.setTime(fromIndex(next, this.deps.store.state.grain));
    }, PLAY_STEP_MS);
  }

  /** Stops playing (nothing when not playing). */
  pause(): void {
    if (this.playTimer === undefined) return;
    window.clearInterval(this.playTimer);
    this.playTimer = undefined;
    const button = byId('play');
    button.textContent = '▶';
    button.setAttribute('aria-label', 'Play');
    button.setAttribute('aria-pressed', 'false');
  }
}
