/**
 * The network view: wires the API, the graph core (graph/) and the panels (ui/) around one view state that
 * lives in the URL.
 */
import type { Core, CytoscapeOptions, EventObject, NodeSingular } from 'cytoscape';
import { ApiError } from './api/client';
import {
  fetchCapabilities,
  fetchFacetData,
  fetchNeighbors,
  fetchNetwork,
  fetchNodeDetails,
  fetchOrganization,
  fetchOrganizations,
  fetchPaths,
  fetchSearch,
  fetchSharedPersonnel,
  fetchStats,
} from './api/queries';
import type { Capabilities, NodeDetails, OrganizationItem, SharedPersonnel } from './api/queries';
import { EXPAND_LIMIT, PLAY_STEP_MS, SEARCH_DEBOUNCE_MS, TEST_BUILD, WEBGL_AUTO_THRESHOLD } from './config';
import { mergeSubgraph, nodeData, nodeElement, replaceElements, toElements } from './graph/elements';
import { hasSvgExport, registerExtensions } from './graph/extensions';
import { toGraphML, toViewJSON } from './graph/export';
import { countConflicts, describeFilter, facetsOf, MISSION_KINDS } from './graph/filters';
import type { Facets } from './graph/filters';
import { layoutOptions } from './graph/layouts';
import { mspoShareByYear, personnelSeries } from './graph/stats';
import type { Stats } from './graph/stats';
import { buildStylesheet, legendEntries, orgColour } from './graph/style';
import { applyTime, fromIndex, toIndex, yearBounds } from './graph/time';
import type { Grain, TimeSummary } from './graph/time';
import type { EntityLabel, GraphNode, GraphPath, Subgraph } from './graph/types';
import { decodeState, defaultState, encodeState, fullGraphState, sameNetwork, TABS, toNetworkFilter } from './graph/view-state';
import type { LayoutName, Tab, ViewState } from './graph/view-state';
import { lineChart } from './ui/charts';
import type { Chart } from './ui/charts';
import { renderDetails } from './ui/details';
import type { DetailsInput } from './ui/details';
import { byId, clear, fmt, h } from './ui/dom';
import { describeError, ErrorBanner, inlineError, Progress } from './ui/feedback';
import { renderLegend } from './ui/legend';
import { setupSearch } from './ui/search';

declare global {
  interface Window {
    /** The Cytoscape instance, in test builds only. */
    cy?: Core;
  }
}

const MARK = {
  start: 'peaceops:start',
  networkLoaded: 'peaceops:network-loaded',
  rendered: 'peaceops:first-render',
  measure: 'peaceops:time-to-first-render',
} as const;

function isAbort(err: unknown): boolean {
  return err instanceof DOMException && err.name === 'AbortError';
}

function webglAvailable(): boolean {
  try {
    return Boolean(document.createElement('canvas').getContext('webgl2'));
  } catch {
    return false;
  }
}

/** The whole view. */
export class App {
  private state: ViewState;
  private cy: Core | null = null;
  private caps: Capabilities = { node: null, sharedPersonnel: null, stats: null };
  private facets: Facets | null = null;
  private facetData: Subgraph | null = null;
  private readonly names = new Map<string, string>();
  private network: Subgraph | null = null;
  private readonly progress = new Progress(byId('progress'), byId('progress-text'), byId('cy-wrap'));
  private readonly errors = new ErrorBanner(byId('error'));
  private networkAbort: AbortController | null = null;
  private detailsAbort: AbortController | null = null;
  private timeSummary: TimeSummary | null = null;
  private playTimer: number | undefined;
  private charts: Chart[] = [];
  private stats: { key: string; value: Stats | null; problem: string | null; done: Promise<void> } | null = null;
  private chartsToken = 0;
  /** Set after the first network render: secondary requests wait for it. */
  private started = false;
  private renders = 0;
  private webglOn = false;
  private paths: GraphPath[] = [];
  private pathProblem: HTMLElement | null = null;
  private shared: SharedPersonnel | null = null;
  private sharedProblem: HTMLElement | null = null;
  private readonly pendingTime: { timer?: number } = {};

  constructor(search: string) {
    this.state = decodeState(search);
  }

  /** Loads and draws the view the URL describes, then restores its selection, expansions, path and comparison. */
  async start(): Promise<void> {
    performance.mark(MARK.start);
    registerExtensions();
    this.wireControls();
    this.selectTab(this.state.tab, false);
    // The network first: the filter choices, the capabilities and the charts would compete with it for the server.
    const ok = await this.loadNetwork({ layout: true, first: true });
    this.started = true;
    void this.loadFacets();
    await this.loadCapabilities();
    if (!ok) return;
    await this.restoreExtras();
    this.commit();
  }

  // ---------------------------------------------------------------- URL

  private commit(): void {
    const query = encodeState(this.state);
    history.replaceState(null, '', `${location.pathname}?${query}`);
  }

  // ---------------------------------------------------------------- data

  private async loadCapabilities(): Promise<void> {
    this.caps = await fetchCapabilities();
    document.body.dataset.caps = JSON.stringify(this.caps);
    if (this.state.tab === 'charts') void this.renderCharts();
  }

  private async loadFacets(): Promise<void> {
    try {
      const [data, orgs] = await Promise.all([fetchFacetData(), fetchOrganizations().catch(() => [] as OrganizationItem[])]);
      this.facetData = data;
      for (const n of data.nodes) this.names.set(n.id, n.name);
      for (const o of orgs) this.names.set(o.id, o.acronym ?? o.name);
      this.facets = countConflicts(facetsOf(data.nodes), data.edges);
      // Organizations that deploy no mission still belong in the filter.
      const known = new Set(this.facets.organizations.map((o) => o.value));
      for (const o of orgs) if (!known.has(o.id)) this.facets.organizations.push({ value: o.id, text: o.acronym ?? o.name, count: 0 });
      this.fillFilters();
      if (this.state.tab === 'charts') void this.renderCharts();
    } catch (err) {
      this.errors.show('Could not load the filter choices', err);
    }
  }

  /**
   * Fetches the network for the state's filter and draws it. `layout` runs the chosen layout; without it,
   * nodes that stay keep their place (time steps in the organization network).
   */
  private async loadNetwork(opts: { layout: boolean; first?: boolean; periodOverride?: { from: string; to: string } }): Promise<boolean> {
    this.networkAbort?.abort();
    const controller = new AbortController();
    this.networkAbort = controller;
    const filter = toNetworkFilter(this.state);
    // The organization network of one year or month is the API's, not a client-side cut (co-deployment depends on time).
    const t = this.state.mode === 'ORGANIZATIONS' ? this.state.time : null;
    const period = opts.periodOverride ?? (t ? { from: t, to: t } : undefined);
    if (period) filter.period = period;
    try {
      const sub = await this.progress.run('Loading the network…', () => fetchNetwork(filter, controller.signal));
      if (controller.signal.aborted) return false;
      if (opts.first) performance.mark(MARK.networkLoaded);
      this.network = sub;
      for (const n of sub.nodes) this.names.set(n.id, n.name);
      this.errors.hide();
      await this.progress.run(`Drawing ${sub.nodes.length} nodes and ${sub.edges.length} edges…`, () => this.draw(sub, opts));
      return true;
    } catch (err) {
      if (isAbort(err)) return false;
      this.errors.show('Could not load the network', err);
      this.updateSummary();
      return false;
    }
  }

  private async draw(sub: Subgraph, opts: { layout: boolean; first?: boolean }): Promise<void> {
    if (!this.cy) this.createCy(sub);
    const cy = this.cy!;
    if (opts.layout) {
      cy.batch(() => {
        cy.elements().remove();
        cy.add(toElements(sub));
      });
    } else {
      replaceElements(cy, sub);
    }
    this.applyHidden();
    this.applyTimeNow();
    if (opts.layout) {
      performance.mark('peaceops:layout-start');
      await this.runLayout(this.state.layout, { animate: false });
      performance.mark('peaceops:layout-end');
    }
    this.renderLegend();
    this.updateTimebar();
    this.afterRender(opts.first === true);
  }

  private afterRender(first: boolean): void {
    requestAnimationFrame(() => {
      this.renders++;
      document.body.dataset.renders = String(this.renders);
      if (first) {
        performance.mark(MARK.rendered);
        const m = performance.measure(MARK.measure, undefined, MARK.rendered);
        document.body.dataset.firstRenderMs = String(Math.round(m.duration));
        document.body.dataset.ready = 'true';
      }
    });
  }

  private createCy(sub: Subgraph): void {
    const explicit = new URLSearchParams(location.search).has('webgl');
    let webgl = this.state.webgl || (!explicit && sub.nodes.length + sub.edges.length > WEBGL_AUTO_THRESHOLD);
    if (webgl && !webglAvailable()) {
      webgl = false;
      if (this.state.webgl) this.errors.show('WebGL renderer', new Error('This browser offers no WebGL 2: the view uses the canvas renderer.'));
      this.state.webgl = false;
    }
    this.webglOn = webgl;
    byId<HTMLInputElement>('webgl').checked = webgl;
    const cy = registerExtensions()({
      container: byId('cy'),
      style: buildStylesheet(),
      minZoom: 0.05,
      maxZoom: 4,
      boxSelectionEnabled: false,
      ...(webgl ? { renderer: { name: 'canvas', webgl: true } } : {}),
    } as CytoscapeOptions);
    this.cy = cy;
    document.body.dataset.renderer = webgl ? 'webgl' : 'canvas';
    if (TEST_BUILD) window.cy = cy;
    cy.on('tap', 'node', (ev: EventObject) => {
      const node = ev.target as NodeSingular;
      const oe = ev.originalEvent as MouseEvent | undefined;
      if (oe?.shiftKey) this.pickForPath(node.id());
      else void this.openDetails(node.id());
    });
    cy.on('dbltap', 'node', (ev: EventObject) => {
      void this.expand((ev.target as NodeSingular).id());
    });
  }

  private runLayout(name: LayoutName, opts: { animate?: boolean } = {}): Promise<void> {
    const cy = this.cy;
    if (!cy) return Promise.resolve();
    const eles = cy.elements().not('.user-hidden, .time-hidden');
    const layout = eles.layout(layoutOptions(name, cy, { animate: opts.animate ?? false }));
    const done = new Promise<void>((resolve) => layout.one('layoutstop', () => resolve()));
    layout.run();
    return done;
  }

  // ---------------------------------------------------------------- restore from URL

  private async restoreExtras(): Promise<void> {
    for (const id of this.state.expanded) await this.expand(id, { record: false });
    this.applyHidden();
    this.applyTimeNow();
    if (this.state.selected) await this.openDetails(this.state.selected, { zoom: true, switchTab: this.state.tab === 'details' });
    if (this.state.pathFrom && this.state.pathTo) await this.findPaths();
    else this.renderPathPanel();
    if (this.state.compareA && this.state.compareB) await this.compare();
    else this.renderSharedPanel();
    if (this.state.tab === 'charts') await this.renderCharts();
  }

  // ---------------------------------------------------------------- controls

  private wireControls(): void {
    const mode = byId<HTMLSelectElement>('mode');
    mode.value = this.state.mode;
    mode.addEventListener('change', () => {
      this.state.mode = mode.value === 'ORGANIZATIONS' ? 'ORGANIZATIONS' : 'FULL';
      this.state.expanded = [];
      this.state.time = null;
      this.commit();
      void this.loadNetwork({ layout: true }).then(() => this.refreshCharts());
    });
    const layout = byId<HTMLSelectElement>('layout');
    layout.value = this.state.layout;
    layout.addEventListener('change', () => {
      this.state.layout = layout.value as LayoutName;
      this.commit();
      void this.progress.run(`Layout: ${layout.value}…`, () => this.runLayout(this.state.layout, { animate: (this.cy?.nodes().length ?? 0) < 400 }));
    });
    byId('fit').addEventListener('click', () => this.cy?.animate({ fit: { eles: this.cy.elements().not('.user-hidden, .time-hidden'), padding: 30 } }, { duration: 300 }));
    byId('restore').addEventListener('click', () => this.restoreHidden());
    document.querySelectorAll<HTMLButtonElement>('[data-export]').forEach((b) => b.addEventListener('click', () => this.export(b.dataset.export ?? '')));
    byId('copy-link').addEventListener('click', () => {
      this.commit();
      void navigator.clipboard?.writeText(location.href).then(
        () => this.flashSummary('Link copied.'),
        () => this.flashSummary(`Link: ${location.href}`),
      );
    });
    const webgl = byId<HTMLInputElement>('webgl');
    webgl.addEventListener('change', () => {
      if (webgl.checked && !webglAvailable()) {
        webgl.checked = false;
        this.errors.show('WebGL renderer', new Error('This browser offers no WebGL 2: the view keeps the canvas renderer.'));
        return;
      }
      this.state.webgl = webgl.checked;
      this.commit();
      // The renderer is chosen when Cytoscape starts: reload the same view with the other one.
      const params = new URLSearchParams(location.search);
      params.set('webgl', webgl.checked ? '1' : '0');
      location.search = params.toString();
    });

    // Filters.
    const form = byId<HTMLFormElement>('filters');
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      this.applyFilters();
    });
    byId('f-reset').addEventListener('click', () => this.resetTo(defaultState()));
    byId('f-all').addEventListener('click', () => this.resetTo(fullGraphState()));
    this.fillFilters();

    // Search.
    const searchBox = setupSearch({
      input: byId<HTMLInputElement>('search-input'),
      list: byId<HTMLUListElement>('search-list'),
      debounceMs: SEARCH_DEBOUNCE_MS,
      search: (text, signal) => fetchSearch(text, 10, signal),
      choose: (hit) => void this.focusNode(hit.node),
      onError: (err) => this.errors.show('Search failed', err),
    });

    // Time.
    const slider = byId<HTMLInputElement>('time');
    slider.addEventListener('input', () => this.setTime(fromIndex(Number(slider.value), this.state.grain)));
    byId('play').addEventListener('click', () => this.togglePlay());
    const grain = byId<HTMLSelectElement>('grain');
    grain.value = this.state.grain;
    grain.addEventListener('change', () => {
      this.state.grain = grain.value === 'month' ? 'month' : 'year';
      if (this.state.time) this.state.time = this.state.grain === 'year' ? this.state.time.slice(0, 4) : `${this.state.time.slice(0, 4)}-01`;
      this.updateTimebar();
      if (this.state.time) this.setTime(this.state.time);
      else this.commit();
    });
    byId('time-all').addEventListener('click', () => this.setTime(null));

    // Tabs (arrow keys move between them, as the ARIA tabs pattern says).
    const tabs = TABS.map((t) => byId<HTMLButtonElement>(`tab-${t}`));
    tabs.forEach((tab, i) => {
      tab.addEventListener('click', () => this.selectTab(TABS[i], true));
      tab.addEventListener('keydown', (ev) => {
        const d = ev.key === 'ArrowRight' ? 1 : ev.key === 'ArrowLeft' ? -1 : 0;
        if (!d) return;
        ev.preventDefault();
        const next = (i + d + tabs.length) % tabs.length;
        this.selectTab(TABS[next], true);
        tabs[next].focus();
      });
    });

    // Keyboard shortcuts outside text fields.
    document.addEventListener('keydown', (ev) => {
      const t = ev.target as HTMLElement | null;
      const typing = t && (t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA');
      if (ev.key === '/' && !typing) {
        ev.preventDefault();
        searchBox.focus();
      } else if (ev.key === 'Escape' && !typing && this.state.selected) {
        this.closeDetails();
      } else if ((ev.key === 'Delete' || ev.key === 'h') && !typing && this.state.selected && !ev.ctrlKey && !ev.metaKey) {
        this.hide(this.state.selected);
      } else if (ev.key === 'e' && !typing && this.state.selected && !ev.ctrlKey && !ev.metaKey) {
        void this.expand(this.state.selected);
      }
    });
    window.addEventListener('resize', () => {
      if (this.state.tab === 'charts') void this.renderCharts();
    });
  }

  private selectTab(tab: Tab, record: boolean): void {
    this.state.tab = tab;
    for (const t of TABS) {
      const button = byId(`tab-${t}`);
      button.setAttribute('aria-selected', String(t === tab));
      button.tabIndex = t === tab ? 0 : -1;
      byId(`panel-${t}`).hidden = t !== tab;
    }
    if (tab === 'charts') void this.renderCharts();
    if (tab === 'path') this.renderPathPanel();
    if (tab === 'shared') this.renderSharedPanel();
    if (record) this.commit();
  }

  // ---------------------------------------------------------------- filters

  private fillFilters(): void {
    const s = this.state;
    const fill = (id: string, options: { value: string; text: string; count: number }[], selected: string[]): void => {
      const select = byId<HTMLSelectElement>(id);
      clear(select);
      const seen = new Set<string>();
      for (const o of options) {
        seen.add(o.value);
        select.append(h('option', { value: o.value, text: o.count ? `${o.text} (${o.count})` : o.text, selected: selected.includes(o.value) }));
      }
      for (const v of selected) if (!seen.has(v)) select.append(h('option', { value: v, text: this.names.get(v) ?? v, selected: true }));
    };
    const f = this.facets;
    fill('f-orgs', f?.organizations ?? [], s.organizations);
    fill('f-kinds', f?.missionKinds ?? MISSION_KINDS.map((k) => ({ value: k, text: k.replace(/_/g, ' '), count: 0 })), s.missionKinds);
    fill('f-regions', f?.regions ?? [], s.regions);
    fill('f-conflicts', f?.conflicts ?? [], s.conflicts);
    byId<HTMLInputElement>('f-from').value = s.from ?? '';
    byId<HTMLInputElement>('f-to').value = s.to ?? '';
    byId<HTMLInputElement>('f-conf').checked = s.includeConflicts;
    byId<HTMLInputElement>('f-states').checked = s.includeStates;
    byId<HTMLSelectElement>('mode').value = s.mode;
  }

  private applyFilters(): void {
    const values = (id: string): string[] => [...byId<HTMLSelectElement>(id).selectedOptions].map((o) => o.value);
    const from = byId<HTMLInputElement>('f-from').value.trim();
    const to = byId<HTMLInputElement>('f-to').value.trim();
    const datePattern = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
    for (const [label, v] of [['from', from], ['to', to]] as const) {
      if (v && !datePattern.test(v)) {
        this.errors.show('Period', new Error(`“${v}” is not a date: write ${label} as YYYY, YYYY-MM or YYYY-MM-DD.`));
        return;
      }
    }
    const next: ViewState = {
      ...this.state,
      organizations: values('f-orgs'),
      missionKinds: values('f-kinds'),
      regions: values('f-regions'),
      conflicts: values('f-conflicts'),
      from: from || null,
      to: to || null,
      includeConflicts: byId<HTMLInputElement>('f-conf').checked,
      includeStates: byId<HTMLInputElement>('f-states').checked,
    };
    if (sameNetwork(next, this.state)) return;
    this.state = { ...next, expanded: [], time: null };
    this.commit();
    void this.loadNetwork({ layout: true }).then(() => this.refreshCharts());
  }

  private resetTo(s: ViewState): void {
    this.pause();
    this.state = { ...s, webgl: this.state.webgl, tab: this.state.tab };
    this.fillFilters();
    byId<HTMLSelectElement>('layout').value = this.state.layout;
    this.commit();
    void this.loadNetwork({ layout: true }).then(() => {
      this.renderPathPanel();
      this.renderSharedPanel();
      this.refreshCharts();
    });
  }

  // ---------------------------------------------------------------- time

  private timeRange(): { min: number; max: number } {
    const now = new Date().getFullYear();
    const bounds = this.cy && this.state.mode === 'FULL' ? yearBounds(this.cy, now) : { min: 1948, max: now };
    const min = this.state.from ? Math.max(bounds.min, Number(this.state.from.slice(0, 4))) : bounds.min;
    const max = this.state.to ? Math.min(bounds.max, Number(this.state.to.slice(0, 4))) : bounds.max;
    return { min: Math.min(min, max), max };
  }

  private updateTimebar(): void {
    const slider = byId<HTMLInputElement>('time');
    const { min, max } = this.timeRange();
    const grain = this.state.grain;
    slider.min = String(grain === 'year' ? min : min * 12);
    slider.max = String(grain === 'year' ? max : max * 12 + 11);
    slider.setAttribute('aria-label', grain === 'year' ? 'Year' : 'Month');
    if (this.state.time) slider.value = String(toIndex(this.state.time, grain));
    else slider.value = slider.max;
    this.updateTimeLabel();
  }

  private updateTimeLabel(): void {
    const label = byId('time-label');
    const t = this.state.time;
    const s = this.timeSummary;
    label.textContent = t ? `${t}: ${s ? `${s.active} missions active, ${s.mspo} in MSPOs` : ''}` : 'all years of the period';
    byId<HTMLInputElement>('time').setAttribute('aria-valuetext', label.textContent);
  }

  private applyTimeNow(): void {
    if (!this.cy) return;
    this.timeSummary = applyTime(this.cy, this.state.mode === 'FULL' ? this.state.time : null);
    this.updateTimeLabel();
    this.updateSummary();
  }

  /** Moves the view to a year or month (null: the whole period). */
  setTime(at: string | null): void {
    this.state.time = at;
    if (at === null) this.pause();
    if (this.state.mode === 'ORGANIZATIONS') {
      // Co-deployment depends on time: ask the API for the organization network of that year or month.
      window.clearTimeout(this.pendingTime.timer);
      this.pendingTime.timer = window.setTimeout(() => {
        const period = at ? { from: at, to: at } : undefined;
        void this.loadNetwork({ layout: false, periodOverride: period }).then(() => this.updateTimeLabel());
      }, 250);
    } else {
      this.applyTimeNow();
    }
    const slider = byId<HTMLInputElement>('time');
    if (at) slider.value = String(toIndex(at, this.state.grain));
    this.updateTimeLabel();
    for (const c of this.charts) c.setMarker(at ? Number(at.slice(0, 4)) : null);
    this.commit();
  }

  private togglePlay(): void {
    if (this.playTimer !== undefined) {
      this.pause();
      return;
    }
    const slider = byId<HTMLInputElement>('time');
    const grain: Grain = this.state.grain;
    if (!this.state.time || Number(slider.value) >= Number(slider.max)) this.setTime(fromIndex(Number(slider.min), grain));
    const button = byId('play');
    button.textContent = '❚❚';
    button.setAttribute('aria-label', 'Pause');
    button.setAttribute('aria-pressed', 'true');
    this.playTimer = window.setInterval(() => {
      if (this.progress.busy) return;
      const next = Number(slider.value) + 1;
      if (next > Number(slider.max)) {
        this.pause();
        return;
      }
      this.setTime(fromIndex(next, this.state.grain));
    }, PLAY_STEP_MS);
  }

  private pause(): void {
    if (this.playTimer === undefined) return;
    window.clearInterval(this.playTimer);
    this.playTimer = undefined;
    const button = byId('play');
    button.textContent = '▶';
    button.setAttribute('aria-label', 'Play');
    button.setAttribute('aria-pressed', 'false');
  }

  // ---------------------------------------------------------------- summary and legend

  private updateSummary(): void {
    const el = byId('summary');
    const cy = this.cy;
    const parts = [describeFilter(this.state, this.names)];
    if (cy) {
      const visible = cy.nodes().not('.user-hidden, .time-hidden');
      parts.push(`${visible.length} nodes, ${cy.edges().filter((e) => e.visible()).length} edges shown`);
      if (this.state.hidden.length) parts.push(`${this.state.hidden.length} hidden`);
    }
    if (this.state.time && this.timeSummary) {
      parts.push(`${this.state.time}: ${this.timeSummary.active} missions active, ${this.timeSummary.mspo} in MSPOs${this.timeSummary.approximate ? ' (some MSPO marks are for the whole period: missions without conflict or host in view)' : ''}`);
    }
    if (this.network?.truncated) parts.push('the API cut the answer: narrow the filters to see everything');
    if (this.webglOn) parts.push('WebGL renderer');
    el.textContent = parts.join(' · ');
    el.title = el.textContent;
  }

  private flashSummary(text: string): void {
    byId('summary').textContent = text;
    byId('summary').title = text;
    window.setTimeout(() => this.updateSummary(), 4000);
  }

  private renderLegend(): void {
    const cy = this.cy;
    if (!cy) return;
    const labels = new Set<EntityLabel>();
    const orgs = new Set<string>();
    cy.nodes().forEach((n) => {
      const d = nodeData(n);
      labels.add(d.label);
      if (d.organizations[0] && (d.label === 'Mission' || d.label === 'Organization')) orgs.add(d.organizations[0]);
    });
    const types = new Set<string>();
    cy.edges().forEach((e) => {
      types.add(e.data('type') as string);
    });
    renderLegend(byId('legend-list'), legendEntries(labels, orgs, types));
  }

  // ---------------------------------------------------------------- nodes: details, focus, expand, hide

  private nodeOf(id: string): GraphNode | null {
    const n = this.cy?.getElementById(id);
    return n && n.nonempty() ? nodeData(n) : null;
  }

  /** Selects a node and fills the details panel (fetching `node`, `neighbors` and, for organizations, `stats`). */
  async openDetails(id: string, opts: { zoom?: boolean; switchTab?: boolean; known?: GraphNode } = {}): Promise<void> {
    const cy = this.cy;
    if (!cy) return;
    let node = this.nodeOf(id) ?? opts.known ?? null;
    this.detailsAbort?.abort();
    const controller = new AbortController();
    this.detailsAbort = controller;
    const signal = controller.signal;
    if (!node) {
      // A node outside the view (from a link or a related entity): bring it in beside its neighbours.
      try {
        const sub = await this.progress.run('Fetching the node…', () => fetchNeighbors(id, 100, signal));
        if (!sub) {
          this.errors.show('Details', new ApiError(`There is no entity with id “${id}”.`, 'NOT_FOUND'));
          this.state.selected = null;
          this.commit();
          return;
        }
        node = sub.nodes.find((n) => n.id === id) ?? null;
        if (!node) return;
        this.addBeside(node, sub);
      } catch (err) {
        if (!isAbort(err)) this.errors.show('Details', err);
        return;
      }
    }
    this.state.selected = id;
    if (opts.switchTab !== false) this.selectTab('details', false);
    this.commit();
    const cyNode = cy.getElementById(id);
    cy.nodes('.focus').removeClass('focus');
    cy.$(':selected').unselect();
    if (cyNode.nonempty()) {
      cyNode.addClass('focus').select();
      if (cyNode.hasClass('user-hidden')) this.unhide(id);
      if (opts.zoom) {
        const around = cyNode.closedNeighborhood().not('.user-hidden, .time-hidden');
        // A node with few neighbours would fill the screen: zoom in no further than where labels read well.
        cy.maxZoom(1.6);
        cy.animate({ fit: { eles: around, padding: 60 } }, { duration: 350, complete: () => cy.maxZoom(4) });
      }
    }
    const panel = byId('panel-details');
    const edgeSources = new Set<string>();
    cyNode.connectedEdges().forEach((e) => {
      for (const s of (e.data('sources') as string[] | undefined) ?? []) edgeSources.add(s);
    });
    const input: DetailsInput = {
      node,
      inView: cyNode.nonempty(),
      details: undefined,
      detailsProblem: null,
      organization: node.label === 'Organization' ? undefined : null,
      edgeSources: [...edgeSources],
      related: undefined,
      relatedProblem: null,
      orgPersonnel: node.label === 'Organization' ? undefined : null,
      orgPersonnelProblem: null,
    };
    const actions = {
      focus: (x: string) => void this.openDetails(x, { zoom: true }),
      expand: (x: string) => void this.expand(x),
      hide: (x: string) => this.hide(x),
      pathFrom: (x: string) => this.setPathEnd('from', x),
      pathTo: (x: string) => this.setPathEnd('to', x),
      compare: (x: string, slot: 'a' | 'b') => this.setCompare(slot, x),
      close: () => this.closeDetails(),
    };
    const render = (): void => {
      if (signal.aborted) return;
      renderDetails(panel, input, actions);
    };
    render();
    const tasks: Promise<void>[] = [];
    if (this.caps.node !== false) {
      tasks.push(
        fetchNodeDetails(id, signal).then(
          (d: NodeDetails | null) => {
            input.details = d;
            render();
          },
          (err: unknown) => {
            if (isAbort(err)) return;
            input.details = null;
            input.detailsProblem = err instanceof ApiError && err.isMissingField('node') ? this.missingNotice('node', 'mandates, hosts, personnel over time, cooperation and people') : inlineError('Details', err);
            if (err instanceof ApiError && err.isMissingField('node')) this.caps.node = false;
            render();
          },
        ),
      );
    } else {
      input.details = null;
      input.detailsProblem = this.missingNotice('node', 'mandates, hosts, personnel over time, cooperation and people');
    }
    if (node.label === 'Organization') {
      tasks.push(
        fetchOrganization(id, signal).then(
          (o) => {
            input.organization = o;
            render();
          },
          () => {
            input.organization = null;
          },
        ),
      );
      if (this.caps.stats !== false) {
        tasks.push(
          fetchStats(1945, null, id, signal).then(
            (s) => {
              const series = personnelSeries(s, 1);
              input.orgPersonnel = series.lines[0] ? { years: series.years, values: series.lines[0].values } : { years: [], values: [] };
              render();
            },
            (err: unknown) => {
              if (isAbort(err)) return;
              input.orgPersonnel = null;
              input.orgPersonnelProblem = err instanceof ApiError && err.isMissingField('stats') ? 'Personnel over time needs the API’s stats query, which this server does not offer yet.' : `Personnel over time: ${describeError(err).message}`;
              render();
            },
          ),
        );
      } else {
        input.orgPersonnel = null;
        input.orgPersonnelProblem = 'Personnel over time needs the API’s stats query, which this server does not offer yet.';
      }
    }
    tasks.push(
      fetchNeighbors(id, 200, signal).then(
        (sub) => {
          input.related = sub;
          render();
        },
        (err: unknown) => {
          if (isAbort(err)) return;
          input.relatedProblem = inlineError('Related entities', err);
          render();
        },
      ),
    );
    await Promise.all(tasks);
    if (!signal.aborted) panel.dataset.loaded = id;
  }

  private missingNotice(field: string, what: string): HTMLElement {
    return h('p', { class: 'notice', 'data-missing': field }, `This server does not offer the “${field}” query yet, so ${what} cannot be shown. The properties above come from the network data.`);
  }

  private closeDetails(): void {
    this.detailsAbort?.abort();
    this.state.selected = null;
    this.cy?.nodes('.focus').removeClass('focus');
    this.cy?.$(':selected').unselect();
    const panel = byId('panel-details');
    clear(panel);
    panel.append(h('p', { class: 'hint', text: 'Click a node, or search, to see its details. Double-click a node to expand its neighbours.' }));
    delete panel.dataset.loaded;
    this.commit();
  }

  /** Adds one node (with its edges to nodes in view) near its neighbours in view. */
  private addBeside(node: GraphNode, around: Subgraph): void {
    const cy = this.cy;
    if (!cy || cy.getElementById(node.id).nonempty()) return;
    const present = around.nodes.filter((n) => cy.getElementById(n.id).nonempty());
    let position = { x: 0, y: 0 };
    if (present.length) {
      const pts = present.map((n) => cy.getElementById(n.id).position());
      position = { x: pts.reduce((s, p) => s + p.x, 0) / pts.length + 40, y: pts.reduce((s, p) => s + p.y, 0) / pts.length + 40 };
    } else {
      const ext = cy.extent();
      position = { x: (ext.x1 + ext.x2) / 2, y: (ext.y1 + ext.y2) / 2 };
    }
    mergeSubgraph(cy, { nodes: [node], edges: around.edges.filter((e) => e.source === node.id || e.target === node.id) }, position);
    this.applyTimeNow();
    this.renderLegend();
  }

  /** Focuses a search hit: selects it, zooms to it and opens its details. */
  private async focusNode(node: GraphNode): Promise<void> {
    await this.openDetails(node.id, { zoom: true, known: node });
  }

  /** Adds a node's neighbours around it; the nodes already there do not move. */
  async expand(id: string, opts: { record?: boolean } = {}): Promise<void> {
    const cy = this.cy;
    if (!cy) return;
    try {
      const sub = await this.progress.run('Expanding neighbours…', () => fetchNeighbors(id, EXPAND_LIMIT));
      if (!sub) {
        this.errors.show('Expand', new ApiError(`There is no entity with id “${id}”.`, 'NOT_FOUND'));
        return;
      }
      if (cy.getElementById(id).empty()) {
        const self = sub.nodes.find((n) => n.id === id);
        if (self) cy.add({ ...nodeElement(self), position: cy.extent() ? { x: (cy.extent().x1 + cy.extent().x2) / 2, y: (cy.extent().y1 + cy.extent().y2) / 2 } : { x: 0, y: 0 } });
      }
      const result = mergeSubgraph(cy, sub, id);
      for (const n of sub.nodes) this.names.set(n.id, n.name);
      if (opts.record !== false && !this.state.expanded.includes(id)) this.state.expanded.push(id);
      this.applyHidden();
      this.applyTimeNow();
      this.renderLegend();
      if (opts.record !== false) {
        this.commit();
        const addedIds = new Set(result.addedNodes);
        const added = cy.nodes().filter((n) => addedIds.has(n.id()));
        if (added.nonempty()) cy.animate({ fit: { eles: added.union(cy.getElementById(id)), padding: 60 } }, { duration: 300 });
        this.flashSummary(`${result.addedNodes.length} nodes and ${result.addedEdges.length} edges added around ${this.names.get(id) ?? id}${sub.truncated ? ' (limited to the first neighbours)' : ''}.`);
      }
    } catch (err) {
      this.errors.show('Could not expand', err);
    }
  }

  private applyHidden(): void {
    const cy = this.cy;
    if (!cy) return;
    cy.batch(() => {
      cy.nodes('.user-hidden').removeClass('user-hidden');
      for (const id of this.state.hidden) cy.getElementById(id).addClass('user-hidden');
    });
    const restore = byId<HTMLButtonElement>('restore');
    restore.textContent = `Restore hidden (${this.state.hidden.length})`;
    restore.disabled = this.state.hidden.length === 0;
  }

  /** Hides a node (and its edges) until restored. */
  hide(id: string): void {
    if (!this.state.hidden.includes(id)) this.state.hidden.push(id);
    if (this.state.selected === id) this.closeDetails();
    this.applyHidden();
    this.updateSummary();
    this.commit();
  }

  private unhide(id: string): void {
    this.state.hidden = this.state.hidden.filter((x) => x !== id);
    this.applyHidden();
  }

  private restoreHidden(): void {
    this.state.hidden = [];
    this.applyHidden();
    this.updateSummary();
    this.commit();
  }

  // ---------------------------------------------------------------- paths

  private pickForPath(id: string): void {
    if (!this.state.pathFrom || (this.state.pathFrom && this.state.pathTo)) {
      this.state.pathFrom = id;
      this.state.pathTo = null;
      this.selectTab('path', true);
    } else this.setPathEnd('to', id);
  }

  private setPathEnd(end: 'from' | 'to', id: string): void {
    if (end === 'from') this.state.pathFrom = id;
    else this.state.pathTo = id;
    this.paths = [];
    this.pathProblem = null;
    this.clearPathHighlight();
    this.selectTab('path', true);
    if (this.state.pathFrom && this.state.pathTo) void this.findPaths();
  }

  private clearPathHighlight(): void {
    this.cy?.elements().removeClass('path faded');
  }

  private async findPaths(k = 3): Promise<void> {
    const { pathFrom, pathTo } = this.state;
    if (!pathFrom || !pathTo || !this.cy) return;
    this.pathProblem = null;
    try {
      this.paths = await this.progress.run('Finding paths…', () => fetchPaths(pathFrom, pathTo, k, 6));
      for (const p of this.paths) for (const n of p.nodes) this.names.set(n.id, n.name);
      this.highlightPaths(this.paths);
    } catch (err) {
      this.paths = [];
      this.pathProblem = inlineError('Path', err);
    }
    this.renderPathPanel();
  }

  private highlightPaths(paths: GraphPath[]): void {
    const cy = this.cy;
    if (!cy) return;
    this.clearPathHighlight();
    if (!paths.length) return;
    // All paths at once, so that the nodes they bring in share one set of rings and do not overlap.
    const union = { nodes: paths.flatMap((p) => p.nodes), edges: paths.flatMap((p) => p.edges) };
    const anchor = union.nodes.find((n) => cy.getElementById(n.id).nonempty());
    mergeSubgraph(cy, union, anchor?.id);
    this.applyHidden();
    this.applyTimeNow();
    const ids = new Set<string>();
    for (const p of paths) {
      for (const n of p.nodes) ids.add(n.id);
      for (const e of p.edges) ids.add(e.id);
    }
    const onPath = cy.elements().filter((e) => ids.has(e.id()));
    cy.batch(() => {
      onPath.removeClass('user-hidden time-hidden');
      cy.elements().not(onPath).addClass('faded');
      onPath.addClass('path');
    });
    this.renderLegend();
    cy.animate({ fit: { eles: onPath, padding: 80 } }, { duration: 350 });
  }

  private renderPathPanel(): void {
    const panel = byId('panel-path');
    clear(panel);
    const name = (id: string | null): string => (id ? (this.names.get(id) ?? id) : '—');
    panel.append(
      h('h2', { class: 'panel-title', text: 'Path between two nodes' }),
      h('p', { class: 'hint', text: 'Pick the ends with “Path from here” / “Path to here” in a node’s details, or shift-click two nodes.' }),
      h(
        'div',
        { class: 'picks' },
        h('span', { text: 'From' }),
        h('span', { class: 'pick', id: 'path-from', text: name(this.state.pathFrom) }),
        h('span', { text: 'To' }),
        h('span', { class: 'pick', id: 'path-to', text: name(this.state.pathTo) }),
      ),
      h(
        'div',
        { class: 'actions' },
        h('button', { type: 'button', id: 'path-find', text: 'Find paths', disabled: !(this.state.pathFrom && this.state.pathTo), on: { click: () => void this.findPaths() } }),
        h('button', {
          type: 'button',
          text: 'Swap',
          disabled: !(this.state.pathFrom && this.state.pathTo),
          on: {
            click: () => {
              [this.state.pathFrom, this.state.pathTo] = [this.state.pathTo, this.state.pathFrom];
              void this.findPaths();
            },
          },
        }),
        h('button', {
          type: 'button',
          text: 'Clear',
          on: {
            click: () => {
              this.state.pathFrom = null;
              this.state.pathTo = null;
              this.paths = [];
              this.pathProblem = null;
              this.clearPathHighlight();
              this.commit();
              this.renderPathPanel();
            },
          },
        }),
      ),
    );
    if (this.pathProblem) panel.append(this.pathProblem);
    if (this.state.pathFrom && this.state.pathTo && !this.pathProblem) {
      if (!this.paths.length) panel.append(h('p', { class: 'hint', id: 'path-none', text: 'No path within 6 steps (or not searched yet).' }));
      const list = h('ol', { class: 'paths', id: 'path-results' });
      this.paths.forEach((p, i) => {
        list.append(
          h(
            'li',
            {},
            h('p', { class: 'sentence', text: p.sentence }),
            h('button', { type: 'button', text: `Show only this path (${p.length} steps)`, on: { click: () => this.highlightPaths([p]) } }),
          ),
        );
        if (i === 0) list.firstElementChild?.setAttribute('data-first', 'true');
      });
      if (this.paths.length > 1) panel.append(h('button', { type: 'button', text: 'Show all paths', on: { click: () => this.highlightPaths(this.paths) } }));
      panel.append(list);
    }
  }

  // ---------------------------------------------------------------- shared personnel

  private setCompare(slot: 'a' | 'b', id: string): void {
    if (slot === 'a') this.state.compareA = id;
    else this.state.compareB = id;
    this.shared = null;
    this.sharedProblem = null;
    this.cy?.nodes('.compare').removeClass('compare');
    for (const x of [this.state.compareA, this.state.compareB]) if (x) this.cy?.getElementById(x).addClass('compare');
    this.selectTab('shared', true);
    if (this.state.compareA && this.state.compareB) void this.compare();
  }

  private async compare(): Promise<void> {
    const { compareA: a, compareB: b } = this.state;
    if (!a || !b) return;
    for (const x of [a, b]) this.cy?.getElementById(x).addClass('compare');
    this.sharedProblem = null;
    if (this.caps.sharedPersonnel === false) {
      this.sharedProblem = this.missingNotice('sharedPersonnel', 'the states two missions or organizations share');
      this.renderSharedPanel();
      return;
    }
    try {
      this.shared = await this.progress.run('Comparing contributors…', () => fetchSharedPersonnel(a, b));
      if (!this.shared) this.sharedProblem = inlineError('Shared personnel', new ApiError(`No mission or organization “${a}” or “${b}”.`, 'NOT_FOUND'));
    } catch (err) {
      this.shared = null;
      if (err instanceof ApiError && err.isMissingField('sharedPersonnel')) {
        this.caps.sharedPersonnel = false;
        this.sharedProblem = this.missingNotice('sharedPersonnel', 'the states two missions or organizations share');
      } else this.sharedProblem = inlineError('Shared personnel', err);
    }
    this.renderSharedPanel();
  }

  private renderSharedPanel(): void {
    const panel = byId('panel-shared');
    clear(panel);
    const name = (id: string | null): string => (id ? (this.names.get(id) ?? id) : '—');
    panel.append(
      h('h2', { class: 'panel-title', text: 'Shared personnel' }),
      h('p', { class: 'hint', text: 'Pick two missions or organizations with “Compare as A / B” in their details: the states that sent personnel to both, and how alike the two sets of contributors are.' }),
      h('div', { class: 'picks' }, h('span', { text: 'A' }), h('span', { class: 'pick', id: 'compare-a', text: name(this.state.compareA) }), h('span', { text: 'B' }), h('span', { class: 'pick', id: 'compare-b', text: name(this.state.compareB) })),
      h(
        'div',
        { class: 'actions' },
        h('button', { type: 'button', id: 'compare-run', text: 'Compare', disabled: !(this.state.compareA && this.state.compareB), on: { click: () => void this.compare() } }),
        h('button', {
          type: 'button',
          text: 'Clear',
          on: {
            click: () => {
              this.state.compareA = null;
              this.state.compareB = null;
              this.shared = null;
              this.sharedProblem = null;
              this.cy?.nodes('.compare').removeClass('compare');
              this.commit();
              this.renderSharedPanel();
            },
          },
        }),
      ),
    );
    if (this.sharedProblem) panel.append(this.sharedProblem);
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
      h('p', { class: 'hint', text: `${s.a.name}: ${fmt(s.contributorsA)} contributing states; ${s.b.name}: ${fmt(s.contributorsB)}.${s.period ? ` Months counted: ${s.period}.` : ''}` }),
    );
    if (s.states.length) {
      const table = h('table', { class: 'data', 'aria-label': 'Shared contributing states' });
      table.append(h('thead', {}, h('tr', {}, h('th', { text: 'State' }), h('th', { text: s.a.name }), h('th', { text: s.b.name }))));
      const body = h('tbody');
      for (const st of s.states) body.append(h('tr', {}, h('td', { text: st.state.name }), h('td', { text: fmt(st.a) }), h('td', { text: fmt(st.b) })));
      table.append(body);
      result.append(table);
    } else result.append(h('p', { text: 'No state sent personnel to both.' }));
    if (s.people.length) {
      result.append(h('h3', { text: 'People who served both' }));
      const ul = h('ul', { class: 'related' });
      for (const p of s.people) ul.append(h('li', {}, h('button', { type: 'button', text: p.name, on: { click: () => void this.openDetails(p.id, { zoom: true }) } })));
      result.append(ul);
    }
    if (s.sources.length) result.append(h('p', { class: 'hint', text: `Sources: ${s.sources.join(', ')}` }));
    panel.append(result);
  }

  // ---------------------------------------------------------------- charts

  private refreshCharts(): void {
    if (this.state.tab === 'charts') void this.renderCharts();
  }

  private async renderCharts(): Promise<void> {
    const panel = byId('panel-charts');
    if (panel.hidden || !this.started) return;
    const token = ++this.chartsToken;
    const now = new Date().getFullYear();
    const from = this.state.from ? Number(this.state.from.slice(0, 4)) : 1948;
    const to = this.state.to ? Number(this.state.to.slice(0, 4)) : now;
    const org = this.state.organizations.length === 1 ? this.state.organizations[0] : null;
    const key = `${from}:${to}:${org ?? ''}`;
    if (this.caps.stats !== false && this.stats?.key !== key) {
      const entry: { key: string; value: Stats | null; problem: string | null; done: Promise<void> } = { key, value: null, problem: null, done: Promise.resolve() };
      entry.done = this.progress.run('Loading statistics…', () => fetchStats(Math.max(1945, from), Math.min(to, now), org)).then(
        (v) => {
          entry.value = v;
        },
        (err: unknown) => {
          if (err instanceof ApiError && err.isMissingField('stats')) this.caps.stats = false;
          entry.problem = err instanceof ApiError && err.isMissingField('stats') ? 'missing' : describeError(err).message;
        },
      );
      this.stats = entry;
    }
    if (this.stats) await this.stats.done;
    if (token !== this.chartsToken) return;
    for (const c of this.charts) c.destroy();
    this.charts = [];
    clear(panel);
    panel.append(h('h2', { class: 'panel-title', text: 'Charts' }));
    const stats = this.caps.stats === false ? null : (this.stats?.value ?? null);
    const marker = this.state.time ? Number(this.state.time.slice(0, 4)) : null;
    // MSPO share per year.
    if (stats && stats.years.length) {
      const c = lineChart(panel, {
        title: 'Share of active missions in an MSPO, per year',
        xs: stats.years.map((y) => y.year),
        lines: [{ label: 'MSPO share', colour: '#e6007e', values: stats.years.map((y) => (y.mspoShare === null ? null : y.mspoShare * 100)) }],
        format: (v) => `${Math.round(v)}%`,
        marker,
      });
      c.element.setAttribute('data-chart', 'mspo-share');
      this.charts.push(c);
      const c2 = lineChart(panel, {
        title: 'Missions active per year',
        xs: stats.years.map((y) => y.year),
        lines: [{ label: 'missions', colour: '#52606d', values: stats.years.map((y) => y.missionsActive) }],
        marker,
        height: 130,
      });
      c2.element.setAttribute('data-chart', 'missions-active');
      this.charts.push(c2);
    } else if (this.facetData) {
      const years = mspoShareByYear(this.facetData.nodes, this.facetData.edges, Math.max(from, 1948), Math.min(to, now));
      const c = lineChart(panel, {
        title: 'Share of active missions in an MSPO, per year (computed in the browser)',
        xs: years.map((y) => y.year),
        lines: [{ label: 'MSPO share', colour: '#e6007e', values: years.map((y) => (y.mspoShare === null ? null : y.mspoShare * 100)) }],
        format: (v) => `${Math.round(v)}%`,
        marker,
      });
      c.element.setAttribute('data-chart', 'mspo-share');
      this.charts.push(c);
      panel.append(
        h(
          'p',
          { class: 'notice', 'data-missing': 'stats' },
          this.stats?.problem && this.stats.problem !== 'missing'
            ? `Statistics failed (${this.stats.problem}); the MSPO share above is computed in the browser from every mission of the graph.`
            : 'This server does not offer the “stats” query yet: the MSPO share above is computed in the browser from every mission of the graph, and personnel per organization cannot be shown.',
        ),
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
        height: 200,
      });
      c.element.setAttribute('data-chart', 'org-personnel');
      this.charts.push(c);
    }
    panel.append(h('p', { class: 'hint', text: 'MSPO: a mission with another mission active at the same time in the same conflict (or host state where no conflict is known). The universe is the missions of the graph (UN list, Bara & Hultman, curated non-UN missions).' }));
  }

  // ---------------------------------------------------------------- export

  private export(kind: string): void {
    const cy = this.cy;
    if (!cy) return;
    byId<HTMLDetailsElement>('export-menu').open = false;
    this.commit();
    try {
      if (kind === 'png') {
        const blob = cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' });
        download('peace-operations.png', blob);
      } else if (kind === 'svg') {
        if (!hasSvgExport(cy)) {
          this.errors.show('SVG export', new Error('The SVG extension is not available in this build.'));
          return;
        }
        download('peace-operations.svg', new Blob([cy.svg({ full: true, bg: '#ffffff' })], { type: 'image/svg+xml' }));
      } else if (kind === 'json') {
        download('peace-operations.json', new Blob([toViewJSON(cy, location.href)], { type: 'application/json' }));
      } else if (kind === 'graphml') {
        download('peace-operations.graphml', new Blob([toGraphML(cy, `Peace operations graph — ${describeFilter(this.state, this.names)} — ${location.href}`)], { type: 'application/graphml+xml' }));
      }
    } catch (err) {
      this.errors.show(`Export ${kind.toUpperCase()}`, err);
    }
  }
}

function download(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = h('a', { download: filename });
  a.href = url;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
