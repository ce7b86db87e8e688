/**
 * The shared-personnel panel: two missions or organizations picked as A and B, the states that sent personnel
 * to both, how alike the two sets of contributors are, and the people who served both.
 */
import type { Core } from 'cytoscape';
import { ApiError } from '../api/client';
import { fetchSharedPersonnel } from '../api/queries';
import type { Capabilities, SharedPersonnel } from '../api/queries';
import type { Tab } from '../graph/view-state';
import { byId, clear, fmt, h } from '../ui/dom';
import { inlineError, missingNotice } from '../ui/feedback';
import type { Progress } from '../ui/feedback';
import type { ViewStore } from './store';

const SHARED_MISSING = 'the states two missions or organizations share';

/** What the comparison needs from the rest of the view. */
export interface SharedPanelDeps {
  store: ViewStore;
  cy(): Core | null;
  /** Which newer queries the server offers; a missing `sharedPersonnel` found on the way is recorded here. */
  caps: Capabilities;
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

  constructor(private readonly deps: SharedPanelDeps) {}

  /** Picks A or B; with both picked, compares them. */
  setPick(slot: 'a' | 'b', id: string): void {
    const state = this.deps.store.state;
    const cy = this.deps.cy();
    if (slot === 'a') state.compareA = id;
    else state.compareB = id;
    this.shared = null;
    this.problem = null;
    cy?.nodes('.compare').removeClass('compare');
    for (const x of [state.compareA, state.compareB]) if (x) cy?.getElementById(x).addClass('compare');
    this.deps.selectTab('shared', true);
    if (state.compareA && state.compareB) void this.compare();
  }

  /** Asks the API for what the state's A and B share and shows it. */
  async compare(): Promise<void> {
    const { compareA: a, compareB: b } = this.deps.store.state;
    const { caps } = this.deps;
    if (!a || !b) return;
    for (const x of [a, b]) this.deps.cy()?.getElementById(x).addClass('compare');
    this.problem = null;
    if (caps.sharedPersonnel === false) {
      this.problem = missingNotice('sharedPersonnel', SHARED_MISSING);
      this.render();
      return;
    }
    try {
      this.shared = await this.deps.progress.run('Comparing contributors…', () => fetchSharedPersonnel(a, b));
      if (!this.shared) this.problem = inlineError('Shared personnel', new ApiError(`No mission or organization “${a}” or “${b}”.`, 'NOT_FOUND'));
    } catch (err) {
      this.shared = null;
      if (err instanceof ApiError && err.isMissingField('sharedPersonnel')) {
        caps.sharedPersonnel = false;
        this.problem = missingNotice('sharedPersonnel', SHARED_MISSING);
      } else this.problem = inlineError('Shared personnel', err);
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
      h('h2', { class: 'panel-title', text: 'Shared personnel' }),
      h('p', { class: 'hint', text: 'Pick two missions or organizations with “Compare as A / B” in their details: the states that sent personnel to both, and how alike the two sets of contributors are.' }),
      h('div', { class: 'picks' }, h('span', { text: 'A' }), h('span', { class: 'pick', id: 'compare-a', text: name(state.compareA) }), h('span', { text: 'B' }), h('span', { class: 'pick', id: 'compare-b', text: name(state.compareB) })),
      h(
        'div',
        { class: 'actions' },
        h('button', { type: 'button', id: 'compare-run', text: 'Compare', disabled: !(state.compareA && state.compareB), on: { click: () => void this.compare() } }),
        h('button', {
          type: 'button',
          text: 'Clear',
          on: {
            click: () => {
              store.state.compareA = null;
              store.state.compareB = null;
              this.shared = null;
              this.problem = null;
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
    const result = h('div', { id: 'shared-result' });
    result.append(
      h(
        'div',
        { class: 'scores' },
        h('div', { class: 'score', title: 'shared contributing states / all contributing states' }, h('b', { text: fmt(s.jaccard, 2) }), 'Jaccard'),
        h('div', { class: 'score', title: 'cosine similarity of the personnel vectors by contributing state' }, h('b', { text: fmt(s.cosine, 2) }), 'cosine'),
        h('div', { class: 'score' }, h('b', { text: String(s.states.length) }), 'shared states'),
      ),
      h('p', {
        class: 'hint',
        text:
          `${s.a.name}: ${fmt(s.contributorsA)} contributing states, ${fmt(s.contributorsWithFigureA)} with a figure; ` +
          `${s.b.name}: ${fmt(s.contributorsB)}, ${fmt(s.contributorsWithFigureB)} with a figure. Jaccard counts every contributor, ` +
          `the cosine only those with a figure (“present” where a source names a state without one).${s.period ? ` Months counted: ${s.period}.` : ''}`,
      }),
    );
    if (s.states.length) {
      const table = h('table', { class: 'data', 'aria-label': 'Shared contributing states' });
      table.append(h('thead', {}, h('tr', {}, h('th', { text: 'State' }), h('th', { text: s.a.name }), h('th', { text: s.b.name }))));
      const body = h('tbody');
      const figure = (v: number | null) => (v === null ? 'present' : fmt(v));
      for (const st of s.states) body.append(h('tr', {}, h('td', { text: st.state.name }), h('td', { text: figure(st.a) }), h('td', { text: figure(st.b) })));
      table.append(body);
      result.append(table);
    } else result.append(h('p', { text: 'No state sent personnel to both.' }));
    if (s.people.length) {
      result.append(h('h3', { text: 'People who served both' }));
      const ul = h('ul', { class: 'related' });
      for (const p of s.people) ul.append(h('li', {}, h('button', { type: 'button', text: p.name, on: { click: () => this.deps.openDetails(p.id) } })));
      result.append(ul);
    }
    if (s.sources.length) result.append(h('p', { class: 'hint', text: `Sources: ${s.sources.join(', ')}` }));
    panel.append(result);
  }
}
