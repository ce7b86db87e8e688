/**
 * The network view: wires the API, the graph core (graph/) and the panels (view/, ui/) around one view state that
 * lives in the URL. It owns the network request, the Cytoscape instance, the tabs and the top-level controls;
 * each panel owns its own state and drawing and reaches the rest only through the callbacks given here.
 */
import type { Core } from 'cytoscape';
import { fetchCapabilities, fetchFacetData, fetchNetwork, fetchOrganizations, fetchSearch } from './api/queries';
import type { Capabilities, OrganizationItem } from './api/queries';
import { SEARCH_DEBOUNCE_MS, WEBGL_AUTO_THRESHOLD } from './config';
import { replaceElements, toElements } from './graph/elements';
import { registerExtensions } from './graph/extensions';
import { countConflicts, facetsOf } from './graph/filters';
import type { Facets } from './graph/filters';
import type { GraphNode, Subgraph } from './graph/types';
import { defaultState, fullGraphState, parseExpansion, sameNetwork, TABS, toNetworkFilter } from './graph/view-state';
import type { LayoutName, Tab, ViewState } from './graph/view-state';
import { byId } from './ui/dom';
import { wireDrawers } from './ui/drawers';
import { ErrorBanner, isAbort, Progress } from './ui/feedback';
import { fillFilterForm, readFilterForm } from './ui/filters-form';
import { renderLegendOf } from './ui/legend';
import { setupSearch } from './ui/search';
import { showTab, wireTabs } from './ui/tabs';
import { countRender, createCanvas, MARK, runLayout, webglAvailable } from './view/canvas';
import { FocusMode } from './view/focus';
import { wireShortcuts } from './view/keyboard';
import { KeyboardCursor } from './view/node-nav';
import { wireTooltips } from './view/tooltip';
import { ChartsPanel } from './view/charts-panel';
import { DetailsPanel } from './view/details-panel';
import { EdgePanel } from './view/edge-panel';
import { Expander } from './view/expander';
import { wireExportMenu } from './view/export-menu';
import { HiddenNodes } from './view/hidden';
import { PathPanel } from './view/path-panel';
import { SharedPanel } from './view/shared-panel';
import { StatusLine } from './view/status';
import { ViewStore } from './view/store';
import { TimeBar } from './view/timebar';
import { Appearance } from './view/appearance';

/** The whole view. */
export class App {
  private readonly store: ViewStore;
  private cy: Core | null = null;
  /** Which newer queries the server offers; filled in place, so that the panels holding it see the answer. */
  private readonly caps: Capabilities = { node: null, sharedPersonnel: null, stats: null };
  private facets: Facets | null = null;
  private readonly names = new Map<string, string>();
  private network: Subgraph | null = null;
  private readonly progress = new Progress(byId('progress'), byId('progress-text'), byId('cy-wrap'));
  private readonly errors = new ErrorBanner(byId('error'));
  /** The filter and panel columns as drawers in a narrow window. */
  private readonly drawers = wireDrawers();
  private networkAbort: AbortController | null = null;
  /** Set after the first network render: secondary requests wait for it. */
  private started = false;
  private webglOn = false;
  private readonly time: TimeBar;
  private readonly status: StatusLine;
  private readonly hidden: HiddenNodes;
  private readonly expander: Expander;
  private readonly details: DetailsPanel;
  private readonly paths: PathPanel;
  private readonly shared: SharedPanel;
  private readonly charts: ChartsPanel;
  /** Group boxes, sizes by a measure and labels by priority. */
  private readonly appearance: Appearance;
  private readonly edges: EdgePanel;
  private readonly focus: FocusMode;
  private readonly cursor: KeyboardCursor;

  constructor(search: string) {
    this.store = new ViewStore(search);
    const store = this.store;
    const { caps, progress, errors, names } = this;
    const cy = (): Core | null => this.cy;
    const selectTab = (tab: Tab, record: boolean): void => this.selectTab(tab, record);
    const applyHidden = (): void => this.hidden.apply();
    const applyTime = (): void => this.time.applyNow();
    const renderLegend = (): void => this.renderLegend();
    this.status = new StatusLine({ store, cy, names, timeSummary: () => this.time.summary, truncated: () => Boolean(this.network?.truncated), webgl: () => this.webglOn });
    this.time = new TimeBar({
      store,
      cy,
      progress,
      reloadNetwork: (period) => this.loadNetwork({ layout: false, periodOverride: period }),
      timeApplied: () => {
        this.focus.apply();
        this.status.update();
      },
      moved: (year) => {
        this.charts.setMarker(year);
        this.periodChanged();
      },
    });
    this.hidden = new HiddenNodes({
      store,
      cy,
      closeDetails: () => this.details.close(),
      changed: () => {
        this.focus.apply();
        this.status.update();
      },
    });
    this.focus = new FocusMode({ store, cy, changed: () => this.status.update() });
    this.cursor = new KeyboardCursor(cy, byId('cy-cursor'), byId('cy'));
    this.expander = new Expander({ store, cy, progress, errors, names, applyHidden, applyTime, renderLegend, flash: (text) => this.status.flash(text) });
    this.paths = new PathPanel({ store, cy, progress, names, selectTab, applyHidden, applyTime, renderLegend });
    this.shared = new SharedPanel({ store, cy, caps, progress, names, selectTab, openDetails: (id) => void this.openDetails(id, { zoom: true }) });
    this.charts = new ChartsPanel({ store, caps, progress, ready: () => this.started });
    this.appearance = new Appearance({
      store,
      cy,
      renderLegend,
      relayout: () => progress.run('Layout…', () => runLayout(this.cy, this.state.layout, { animate: (this.cy?.nodes().length ?? 0) < 400 })),
    });
    this.edges = new EdgePanel({ store, cy, selectTab, openDetails: (id) => void this.openDetails(id, { zoom: true }), closeDetails: () => this.details.close() });
    this.details = new DetailsPanel({
      store,
      cy,
      caps,
      progress,
      errors,
      selectTab,
      unhide: (id) => this.hidden.unhide(id),
      addBeside: (node, around) => this.expander.addBeside(node, around),
      actions: {
        expand: (id) => void this.expand(id),
        hide: (id) => this.hide(id),
        pathFrom: (id) => this.paths.setEnd('from', id),
        pathTo: (id) => this.paths.setEnd('to', id),
        compare: (id, slot) => this.shared.setPick(slot, id),
        focusOn: (id) => this.focus.enter(id),
      },
    });
  }

  private get state(): ViewState {
    return this.store.state;
  }

  private commit(): void {
    this.store.commit();
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

  // ---------------------------------------------------------------- what the rest of the page (and tests) call

  /** Moves the view to a year or month (null: the whole period). */
  setTime(at: string | null): void {
    this.time.setTime(at);
  }

  /** Selects a node and fills the details panel (fetching `node`, `neighbors` and, for organizations, `stats`). */
  openDetails(id: string, opts: { zoom?: boolean; switchTab?: boolean; known?: GraphNode } = {}): Promise<void> {
    // In a narrow window the details are in the panel drawer: asking for them opens it.
    if (opts.switchTab !== false) this.drawers.open('right');
    return this.details.open(id, opts);
  }

  /** Adds a node's neighbours around it; the nodes already there do not move. */
  expand(id: string, opts: { record?: boolean } = {}): Promise<void> {
    return this.expander.expand(id, opts);
  }

  /** Hides a node (and its edges) until restored. */
  hide(id: string): void {
    this.hidden.hide(id);
  }

  // ---------------------------------------------------------------- data

  private async loadCapabilities(): Promise<void> {
    Object.assign(this.caps, await fetchCapabilities());
    document.body.dataset.caps = JSON.stringify(this.caps);
    this.charts.refresh();
  }

  private async loadFacets(): Promise<void> {
    try {
      const [data, orgs] = await Promise.all([fetchFacetData(), fetchOrganizations().catch(() => [] as OrganizationItem[])]);
      for (const n of data.nodes) this.names.set(n.id, n.name);
      for (const o of orgs) this.names.set(o.id, o.acronym ?? o.name);
      this.facets = countConflicts(facetsOf(data.nodes), data.edges);
      // Organizations that deploy no mission still belong in the filter.
      const known = new Set(this.facets.organizations.map((o) => o.value));
      for (const o of orgs) if (!known.has(o.id)) this.facets.organizations.push({ value: o.id, text: o.acronym ?? o.name, count: 0 });
      this.fillFilters();
      this.charts.refresh();
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
      this.status.update();
      return false;
    }
  }

  private async draw(sub: Subgraph, opts: { layout: boolean; first?: boolean }): Promise<void> {
    const cy = this.cy ?? this.createCy(sub);
    if (opts.layout) {
      this.expander.dismissMore();
      cy.batch(() => {
        cy.elements().remove();
        cy.add(toElements(sub, this.appearance.grouping));
      });
    } else {
      replaceElements(cy, sub);
    }
    this.appearance.regroup();
    this.hidden.apply();
    this.time.applyNow();
    const drawn = (): void => {
      this.appearance.refresh();
      this.renderLegend();
      this.time.update();
      countRender(opts.first === true);
    };
    // With a layout, drawn as soon as the nodes stand somewhere (a draft, or stored positions), then when in place.
    if (opts.layout) await runLayout(this.cy, this.state.layout, { animate: false, drawn });
    else drawn();
  }

  /** Creates the Cytoscape instance, with WebGL when asked for (or for large views) and available. */
  private createCy(sub: Subgraph): Core {
    const explicit = new URLSearchParams(location.search).has('webgl');
    let webgl = this.state.webgl || (!explicit && sub.nodes.length + sub.edges.length > WEBGL_AUTO_THRESHOLD);
    if (webgl && !webglAvailable()) {
      webgl = false;
      if (this.state.webgl) this.errors.show('WebGL renderer', new Error('This browser offers no WebGL 2: the view uses the canvas renderer.'));
      this.state.webgl = false;
    }
    this.webglOn = webgl;
    byId<HTMLInputElement>('webgl').checked = webgl;
    this.cy = createCanvas(byId('cy'), webgl, {
      tap: (id, shift) => {
        if (shift) this.paths.pick(id);
        else void this.openDetails(id);
      },
      doubleTap: (id) => void this.expand(id),
      edgeTap: (id) => this.edges.open(id),
    });
    wireTooltips(this.cy, byId('tooltip'));
    this.appearance.attach(this.cy);
    return this.cy;
  }

  /** The period the view asks for changed (slider or filter): the panels that follow it ask again. */
  private periodChanged(): void {
    this.paths.periodChanged();
    this.shared.periodChanged();
    this.details.periodChanged();
    this.edges.periodChanged();
  }

  private renderLegend(): void {
    if (this.cy) renderLegendOf(byId('legend-list'), this.cy);
  }

  // ---------------------------------------------------------------- restore from URL

  private async restoreExtras(): Promise<void> {
    for (const entry of this.state.expanded) {
      const { id, time } = parseExpansion(entry);
      await this.expander.expand(id, { record: false, at: time });
    }
    this.hidden.apply();
    this.time.applyNow();
    // Restoring a link selects its node without opening the panel drawer over the network (narrow windows).
    if (this.state.selected) await this.details.open(this.state.selected, { zoom: true, switchTab: this.state.tab === 'details' });
    if (this.state.pathFrom && this.state.pathTo) await this.paths.find();
    else this.paths.render();
    if (this.state.compareA && this.state.compareB) await this.shared.compare();
    else this.shared.render();
    if (this.state.tab === 'charts') await this.charts.render();
  }

  // ---------------------------------------------------------------- controls

  private wireControls(): void {
    const mode = byId<HTMLSelectElement>('mode');
    mode.value = this.state.mode;
    mode.addEventListener('change', () => {
      this.state.mode = mode.value === 'ORGANIZATIONS' ? 'ORGANIZATIONS' : 'FULL';
      this.state.expanded = [];
      this.state.expandedAll = [];
      this.state.time = null;
      this.commit();
      void this.loadNetwork({ layout: true }).then(() => {
        this.charts.refresh();
        this.periodChanged();
      });
    });
    const layout = byId<HTMLSelectElement>('layout');
    layout.value = this.state.layout;
    layout.addEventListener('change', () => {
      this.state.layout = layout.value as LayoutName;
      this.commit();
      // Boxes are drawn with the force layout only.
      this.appearance.regroup();
      void this.progress.run(`Layout: ${layout.value}…`, () => runLayout(this.cy, this.state.layout, { animate: (this.cy?.nodes().length ?? 0) < 400 }));
    });
    byId('fit').addEventListener('click', () => this.cy?.animate({ fit: { eles: this.cy.elements().not('.user-hidden, .time-hidden'), padding: 30 } }, { duration: 300 }));
    byId('restore').addEventListener('click', () => this.hidden.restoreAll());
    wireExportMenu({ store: this.store, cy: () => this.cy, names: this.names, errors: this.errors });
    byId('copy-link').addEventListener('click', () => {
      this.commit();
      void navigator.clipboard?.writeText(location.href).then(
        () => this.status.flash('Link copied.'),
        () => this.status.flash(`Link: ${location.href}`),
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
      // A search hit: select it, zoom to it and open its details.
      choose: (hit) => void this.openDetails(hit.node.id, { zoom: true, known: hit.node }),
      onError: (err) => this.errors.show('Search failed', err),
    });

    // Time.
    this.time.wire();
    this.focus.wire();
    this.appearance.wire();

    // Tabs.
    wireTabs(TABS, (tab) => this.selectTab(tab, true));

    wireShortcuts({
      focusSearch: () => searchBox.focus(),
      selected: () => this.state.selected,
      closeDetails: () => this.details.close(),
      hide: (id) => this.hide(id),
      expand: (id) => void this.expand(id),
      open: (id) => void this.openDetails(id),
      focusOn: (id) => this.focus.enter(id),
      leaveFocus: () => this.focus.leave(),
      canvas: byId('cy'),
      cursor: this.cursor,
    });
    window.addEventListener('resize', () => this.charts.refresh());
  }

  private selectTab(tab: Tab, record: boolean): void {
    this.state.tab = tab;
    showTab(TABS, tab);
    if (tab === 'charts') void this.charts.render();
    if (tab === 'path') this.paths.render();
    if (tab === 'shared') this.shared.render();
    if (record) this.commit();
  }

  // ---------------------------------------------------------------- filters

  private fillFilters(): void {
    fillFilterForm(this.state, this.facets, this.names);
  }

  private applyFilters(): void {
    const read = readFilterForm(this.state);
    if ('error' in read) {
      this.errors.show('Period', read.error);
      return;
    }
    if (sameNetwork(read.state, this.state)) return;
    this.store.state = { ...read.state, expanded: [], expandedAll: [], time: null };
    this.commit();
    void this.loadNetwork({ layout: true }).then(() => {
        this.charts.refresh();
        this.periodChanged();
      });
  }

  private resetTo(s: ViewState): void {
    this.time.pause();
    this.store.state = { ...s, webgl: this.state.webgl, tab: this.state.tab };
    this.fillFilters();
    byId<HTMLSelectElement>('layout').value = this.state.layout;
    this.commit();
    void this.loadNetwork({ layout: true }).then(() => {
      this.paths.render();
      this.shared.render();
      this.charts.refresh();
      this.periodChanged();
    });
  }
}
