/**
 * The charts panel: the MSPO share and missions active per year, and personnel per organization, from the API's
 * `stats` (cached per period and organization). Every figure is the server's; missing figures are gaps.
 */
import { fetchStats } from '../api/queries';
import { coverageNote, personnelSeries } from '../graph/stats';
import type { Stats } from '../graph/stats';
import { orgColour } from '../graph/style';
import { lineChart } from '../ui/charts';
import type { Chart } from '../ui/charts';
import { byId, clear, fmt, h } from '../ui/dom';
import { describeError } from '../ui/feedback';
import type { Progress } from '../ui/feedback';
import type { ViewStore } from './store';

/** What the charts need from the rest of the view. */
export interface ChartsPanelDeps {
  store: ViewStore;
  progress: Progress;
  /** False until the first network render: the charts' requests must not compete with it. */
  ready(): boolean;
}

/** The statistics of one period and organization, loaded once. */
interface StatsEntry {
  key: string;
  value: Stats | null;
  problem: string | null;
  done: Promise<void>;
}

/** Draws the charts when their tab is open; moves their year marker with the time slider. */
export class ChartsPanel {
  private charts: Chart[] = [];
  private stats: StatsEntry | null = null;
  private token = 0;

  constructor(private readonly deps: ChartsPanelDeps) {}

  /** Redraws the charts if their tab is open. */
  refresh(): void {
    if (this.deps.store.state.tab === 'charts') void this.render();
  }

  /** Moves the vertical year line of every chart (null: none) and says what the charts give for that year. */
  setMarker(year: number | null): void {
    for (const c of this.charts) c.setMarker(year);
    const old = document.getElementById('charts-at');
    if (old) old.replaceWith(this.yearSummary(year));
  }

  /**
   * The figures of the slider's year, each saying what it is: missions active, the MSPO share, personnel with its
   * coverage and sources (the same `stats` as the charts). Empty when the slider is on all years.
   */
  private yearSummary(year: number | null): HTMLElement {
    const stats = this.stats?.value ?? null;
    const y = year === null ? undefined : stats?.years.find((x) => x.year === year);
    const el = h('p', { class: 'hint', id: 'charts-at', 'data-year': year === null ? undefined : String(year) });
    if (year === null) return el;
    if (!y) {
      el.textContent = `${year} (the slider’s year) is outside the charts’ years.`;
      return el;
    }
    const share =
      y.mspoShare === null
        ? 'no MSPO share (no mission active)'
        : `${Math.round(y.mspoShare * 100)}% of them in an MSPO`;
    const personnel =
      y.personnel === null
        ? 'personnel: no figure from any source'
        : `personnel ${fmt(y.personnel)} (sum of mean monthly strengths, ${y.missionsWithPersonnel} of ${y.missionsActive} missions with a figure; sources: ${y.personnelSources.join(', ') || 'none named'})`;
    el.append(
      h('b', { text: `${year}` }),
      ` (the slider’s year; the charts are yearly): ${y.missionsActive} missions active, ${share}; ${personnel}.`,
    );
    return el;
  }

  /** Draws the charts for the state's period and organization (nothing while the panel is hidden). */
  async render(): Promise<void> {
    const { store, progress } = this.deps;
    const panel = byId('panel-charts');
    if (panel.hidden || !this.deps.ready()) return;
    const token = ++this.token;
    const state = store.state;
    const now = new Date().getFullYear();
    const from = state.from ? Number(state.from.slice(0, 4)) : 1948;
    const to = state.to ? Number(state.to.slice(0, 4)) : now;
    const org = state.organizations.length === 1 ? state.organizations[0] : null;
    const key = `${from}:${to}:${org ?? ''}`;
    if (this.stats?.key !== key) {
      const entry: StatsEntry = { key, value: null, problem: null, done: Promise.resolve() };
      entry.done = progress
        .run('Loading statistics…', () => fetchStats(Math.max(1945, from), Math.min(to, now), org))
        .then(
          (v) => {
            entry.value = v;
          },
          (err: unknown) => {
            entry.problem = describeError(err).message;
          },
        );
      this.stats = entry;
    }
    if (this.stats) await this.stats.done;
    if (token !== this.token) return;
    for (const c of this.charts) c.destroy();
    this.charts = [];
    clear(panel);
    panel.append(h('h2', { class: 'panel-title', text: 'Charts' }));
    const stats = this.stats?.value ?? null;
    const time = store.state.time;
    const marker = time ? Number(time.slice(0, 4)) : null;
    panel.append(
      h('p', {
        class: 'hint',
        text: `Per year of the view’s period (${from}–${to})${org ? `, ${org}’s missions` : ''}; the line marks the slider’s year.`,
      }),
      this.yearSummary(marker),
    );
    // MSPO share per year: the server's rule (mspoShare's defaults); the browser computes none of its own.
    if (stats && stats.years.length) {
      const c = lineChart(panel, {
        title: 'Share of active missions in an MSPO, per year',
        xs: stats.years.map((y) => y.year),
        lines: [
          {
            label: 'MSPO share (%)',
            colour: '#e6007e',
            values: stats.years.map((y) => (y.mspoShare === null ? null : y.mspoShare * 100)),
          },
        ],
        format: (v) => `${Math.round(v)}%`,
        marker,
        file: ['mspo-share', String(from), String(to), org],
        notes: [stats.mspoDefinition, `Universe: ${stats.universe.description}`],
      });
      c.element.setAttribute('data-chart', 'mspo-share');
      this.charts.push(c);
      const c2 = lineChart(panel, {
        title: 'Missions active per year',
        xs: stats.years.map((y) => y.year),
        lines: [{ label: 'missions', colour: '#52606d', values: stats.years.map((y) => y.missionsActive) }],
        marker,
        file: ['missions-active', String(from), String(to), org],
        notes: [`Universe: ${stats.universe.description}`],
        height: 130,
      });
      c2.element.setAttribute('data-chart', 'missions-active');
      this.charts.push(c2);
      const c3 = lineChart(panel, {
        title: 'Personnel per year, all missions (gaps: no source gives a figure)',
        xs: stats.years.map((y) => y.year),
        lines: [{ label: 'personnel', colour: '#1f6feb', values: stats.years.map((y) => y.personnel) }],
        marker,
        sources: stats.years.map((y) => y.personnelSources),
        file: ['personnel', String(from), String(to), org],
        notes: [coverageNote(stats), `Universe: ${stats.universe.description}`],
        height: 150,
      });
      c3.element.setAttribute('data-chart', 'personnel');
      this.charts.push(c3);
      panel.append(h('p', { class: 'hint', 'data-coverage': 'personnel', text: coverageNote(stats) }));
    } else if (this.stats?.problem) {
      panel.append(
        h('p', { class: 'notice', 'data-problem': 'stats' }, `Statistics could not be loaded: ${this.stats.problem}`),
      );
    } else {
      panel.append(h('p', { class: 'hint', text: 'Loading…' }));
    }
    // Personnel per organization per year.
    if (stats && stats.organizations.length) {
      const series = personnelSeries(stats, 6);
      const c = lineChart(panel, {
        title: 'Personnel per organization, per year (average monthly total)',
        xs: series.years,
        lines: series.lines.map((l) => ({ label: l.id, colour: orgColour(l.id) ?? '#888', values: l.values })),
        marker,
        file: ['personnel-by-organization', String(from), String(to), org],
        notes: [
          `Organizations: ${series.lines.map((l) => `${l.id} (${l.name})`).join('; ')}; the ${series.lines.length} with the most personnel.`,
          coverageNote(stats),
        ],
        height: 200,
      });
      c.element.setAttribute('data-chart', 'org-personnel');
      this.charts.push(c);
    }
    panel.append(
      h('p', { class: 'hint', text: stats ? `${stats.mspoDefinition} Universe: ${stats.universe.description}` : '' }),
    );
  }
}
