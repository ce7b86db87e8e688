/**
 * The shared-personnel panel: two missions or organizations picked as A and B, the states that sent personnel
 * to both, how alike the two sets of contributors are, and the people who served both. The comparison follows the
 * view's time (the slider's year or month, else the period filter): each figure is labelled with its measure and
 * period, and moving the slider asks again.
 */
import type { Core } from 'cytoscape';
import { ApiError } from '../api/client';
import { fetchSharedPersonnel } from '../api/queries';
import type { SharedPersonnel } from '../api/queries';
import { periodInput, samePeriod, viewPeriod } from '../graph/period';
import type { ViewPeriod } from '../graph/period';
import type { Tab } from '../graph/view-state';
import { pairPicksHead } from '../ui/pair-picks';
import { byId, clear, fmt, h } from '../ui/dom';
import { inlineError, isAbort } from '../ui/feedback';
import { sourceTitle } from '../ui/sources';
import { sharedNotes } from '../ui/csv-notes';
import { exportable } from '../ui/table-export';
import type { Progress } from '../ui/feedback';
import type { ViewStore } from './store';

/** Milliseconds the slider must rest before the comparison is asked for again. */
const FOLLOW_DELAY_MS = 500;

/** What a state's figure is for a period: `personnel, 2008-03` (a month) or `peak monthly personnel, 2008`. */
export function figureMeasure(p: Pick<ViewPeriod, 'from' | 'to' | 'label'>): string {
  if (p.from && p.from === p.to && /^\d{4}-\d{2}$/.test(p.from)) return `personnel, ${p.label}`;
  return `peak monthly personnel, ${p.from || p.to ? p.label : 'all months on record'}`;
}

/** What the comparison needs from the rest of the view. */
export interface SharedPanelDeps {
  store: ViewStore;
  cy(): Core | null;
  progress: Progress;
  names: ReadonlyMap<string, string>;
  selectTab(tab: Tab, record: boolean): void;
  /** Opens a person's details (from the list of people who served both). */
  openDetails(id: string): void;
}

/** Owns the last comparison and its problem, if any. */
export class SharedPanel {
  private shared: SharedPersonnel | null = null;
  private problem: HTMLElement | null = null;
  /** The period the shown comparison was asked for. */
  private asked: ViewPeriod | null = null;
  private abort: AbortController | null = null;
  private followTimer: number | undefined;

  constructor(private readonly deps: SharedPanelDeps) {}

  /** The view's period changed: a comparison shown is asked for again once the slider rests. */
  periodChanged(): void {
    const state = this.deps.store.state;
    window.clearTimeout(this.followTimer);
    if (!this.asked || !state.compareA || !state.compareB || samePeriod(this.asked, viewPeriod(state))) return;
    this.render();
    this.followTimer = window.setTimeout(() => void this.compare(), FOLLOW_DELAY_MS);
  }

  /** Picks A or B; with both picked, compares them. */
  setPick(slot: 'a' | 'b', id: string): void {
    const state = this.deps.store.state;
    const cy = this.deps.cy();
    if (slot === 'a') state.compareA = id;
    else state.compareB = id;
    this.shared = null;
    this.problem = null;
    this.asked = null;
    cy?.nodes('.compare').removeClass('compare');
    for (const x of [state.compareA, state.compareB]) if (x) cy?.getElementById(x).addClass('compare');
    this.deps.selectTab('shared', true);
    if (state.compareA && state.compareB) void this.compare();
  }

  /** Asks the API for what the state's A and B share and shows it. */
  async compare(): Promise<void> {
    const { compareA: a, compareB: b } = this.deps.store.state;
    window.clearTimeout(this.followTimer);
    if (!a || !b) return;
    for (const x of [a, b]) this.deps.cy()?.getElementById(x).addClass('compare');
    this.problem = null;
    const period = viewPeriod(this.deps.store.state);
    this.abort?.abort();
    const controller = new AbortController();
    this.abort = controller;
    try {
      const shared = await this.deps.progress.run('Comparing contributors…', () =>
        fetchSharedPersonnel(a, b, periodInput(period), controller.signal),
      );
      if (controller.signal.aborted) return;
      this.shared = shared;
      this.asked = period;
      if (!this.shared)
        this.problem = inlineError(
          'Shared personnel',
          new ApiError(`No mission or organization “${a}” or “${b}”.`, 'NOT_FOUND'),
        );
    } catch (err) {
      if (isAbort(err)) return;
      this.shared = null;
      this.asked = period;
      this.problem = inlineError('Shared personnel', err);
    }
    this.render();
  }

  /** Draws the panel: the picks, the actions, and the last comparison. */
  render(): void {
    const { store, names } = this.deps;
    const state = store.state;
    const panel = byId('panel-shared');
    clear(panel);
    const name = (id: string | null): string => (id ? (names.get(id) ?? id) : '—');
    panel.append(
      ...pairPicksHead(
        'Shared personnel',
        'Pick two missions or organizations with “Compare as A / B” in their details: the states that sent personnel to both, and how alike the two sets of contributors are.',
        [
          { label: 'A', id: 'compare-a', name: name(state.compareA) },
          { label: 'B', id: 'compare-b', name: name(state.compareB) },
        ],
      ),
      h(
        'div',
        { class: 'actions' },
        h('button', {
          type: 'button',
          id: 'compare-run',
          text: 'Compare',
          disabled: !(state.compareA && state.compareB),
          on: { click: () => void this.compare() },
        }),
        h('button', {
          type: 'button',
          text: 'Clear',
          on: {
            click: () => {
              store.state.compareA = null;
              store.state.compareB = null;
              this.shared = null;
              this.problem = null;
              this.asked = null;
              this.abort?.abort();
              window.clearTimeout(this.followTimer);
              this.deps.cy()?.nodes('.compare').removeClass('compare');
              store.commit();
              this.render();
            },
          },
        }),
      ),
    );
    if (this.problem) panel.append(this.problem);
    const s = this.shared;
    if (!s) return;
    const asked = this.asked ?? viewPeriod(state);
    const now = viewPeriod(state);
    const measure = figureMeasure(asked);
    const follows =
      asked.origin === 'slider'
        ? 'the slider’s time: moving the slider asks again'
        : asked.origin === 'filter'
          ? 'the view’s period filter; set the slider to a year to compare that year'
          : 'no period filter';
    const result = h('div', { id: 'shared-result', 'data-period': asked.label });
    result.append(
      h(
        'p',
        { class: 'period-note', id: 'shared-period-note' },
        h('b', { text: `For ${asked.from || asked.to ? asked.label : 'all years'}` }),
        ` (${follows}). Each figure: a state’s ${measure}${s.period ? ` (months counted: ${s.period.replace('/', ' to ')})` : ''}.`,
        samePeriod(asked, now) ? '' : ` Updating for ${now.label}…`,
      ),
      h(
        'div',
        { class: 'scores' },
        h(
          'div',
          { class: 'score', title: `shared contributing states / all contributing states, ${asked.label}` },
          h('b', { text: fmt(s.jaccard, 2) }),
          'Jaccard',
        ),
        h(
          'div',
          { class: 'score', title: `cosine similarity of the personnel vectors by contributing state (${measure})` },
          h('b', { text: fmt(s.cosine, 2) }),
          'cosine',
        ),
        h(
          'div',
          { class: 'score', title: `states with personnel in both, ${asked.label}` },
          h('b', { text: String(s.states.length) }),
          'shared states',
        ),
      ),
      h('p', {
        class: 'hint',
        text:
          `${s.a.name}: ${fmt(s.contributorsA)} contributing states, ${fmt(s.contributorsWithFigureA)} with a figure; ` +
          `${s.b.name}: ${fmt(s.contributorsB)}, ${fmt(s.contributorsWithFigureB)} with a figure. Jaccard counts every contributor, ` +
          `the cosine only those with a figure (“present” where a source names a state without one).`,
      }),
    );
    if (s.states.length) {
      const table = h(
        'table',
        { class: 'data', 'aria-label': 'Shared contributing states' },
        h('caption', { text: `States with personnel in both ${s.a.name} and ${s.b.name}: ${measure}` }),
      );
      // Short names (acronyms) in the headers, the full names in their titles.
      const short = (r: { id: string; name: string }): string => names.get(r.id) ?? r.name;
      table.append(
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { text: 'State' }),
            h('th', { text: `${short(s.a)}: ${measure}`, title: s.a.name }),
            h('th', { text: `${short(s.b)}: ${measure}`, title: s.b.name }),
          ),
        ),
      );
      const body = h('tbody');
      const figure = (v: number | null) => (v === null ? 'present' : fmt(v));
      const raw = (v: number | null) => (v === null ? '' : String(v));
      for (const st of s.states)
        body.append(
          h(
            'tr',
            {},
            h('td', { text: st.state.name }),
            h('td', { text: figure(st.a), 'data-value': raw(st.a) }),
            h('td', { text: figure(st.b), 'data-value': raw(st.b) }),
          ),
        );
      table.append(body);
      result.append(
        exportable(table, { file: ['shared-personnel', s.a.id, s.b.id, s.period], notes: () => sharedNotes(s) }),
      );
    } else
      result.append(
        h('p', {
          text: `No state sent personnel to both in ${asked.from || asked.to ? asked.label : 'any month on record'}.`,
        }),
      );
    if (s.people.length) {
      result.append(h('h3', { text: 'People who served both' }));
      const ul = h('ul', { class: 'related' });
      for (const p of s.people)
        ul.append(
          h('li', {}, h('button', { type: 'button', text: p.name, on: { click: () => this.deps.openDetails(p.id) } })),
        );
      result.append(ul);
    }
    result.append(
      h('p', {
        class: 'hint',
        id: 'shared-sources',
        text: s.sources.length
          ? `Sources of these figures: ${s.sources.map((x) => `${x} (${sourceTitle(x)})`).join('; ')}.`
          : 'No source gives a figure for this period.',
      }),
    );
    panel.append(result);
  }
}
