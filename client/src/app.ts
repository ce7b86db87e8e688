/**
 * The network view: builds the panels (view/, ui/) around one view state that lives in the URL, and starts them
 * in order. Loading and drawing the network is view/network-loader.ts's, the filter column view/filter-controls.ts's,
 * the toolbar view/toolbar.ts's; each panel owns its own state and drawing and reaches the rest only through the
 * callbacks given here.
 */
import type { Core } from 'cytoscape';
import { registerExtensions } from './graph/extensions';
import type { GraphNode } from './graph/types';
import { parseExpansion, TABS } from './graph/view-state';
import type { Tab, ViewState } from './graph/view-state';
import { byId } from './ui/dom';
import { wireDrawers } from './ui/drawers';
import { ErrorBanner, Progress } from './ui/feedback';
import { renderLegendOf } from './ui/legend';
import { showTab, wireTabs } from './ui/tabs';
import { MARK, runLayout } from './view/canvas';
import { FocusMode } from './view/focus';
import { wireShortcuts } from './view/keyboard';
import { KeyboardCursor } from './view/node-nav';
import { ChartsPanel } from './view/charts-panel';
import { DetailsPanel } from './view/details-panel';
import { EdgePanel } from './view/edge-panel';
import { Expander } from './view/expander';
import { FilterControls } from './view/filter-controls';
import { HiddenNodes } from './view/hidden';
import { NetworkLoader } from './view/network-loader';
import type { LoadOptions } from './view/network-loader';
import { PathPanel } from './view/path-panel';
import { SharedPanel } from './view/shared-panel';
import { StatusLine } from './view/status';
import { ViewStore } from './view/store';
import { TimeBar } from './view/timebar';
import { wireToolbar } from './view/toolbar';
import { Appearance } from './view/appearance';

/** The whole view. */
export class App {
  private readonly store: ViewStore;
  private readonly names = new Map<string, string>();
  private readonly progress = new Progress(byId('progress'), byId('progress-text'), byId('cy-wrap'));
  private readonly errors = new ErrorBanner(byId('error'));
  /** The filter and panel columns as drawers in a narrow window. */
  private readonly drawers = wireDrawers();
  /** Set after the first network render: secondary requests wait for it. */
  private started = false;
  private readonly net: NetworkLoader;
  private readonly filters: FilterControls;
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
    const { progress, errors, names } = this;
    const cy = (): Core | null => this.cy;
    const selectTab = (tab: Tab, record: boolean): void => this.selectTab(tab, record);
    const applyHidden = (): void => this.hidden.apply();
    const applyTime = (): void => this.time.applyNow();
    const renderLegend = (): void => this.renderLegend();
    const loadNetwork = (opts: LoadOptions): Promise<boolean> => this.loadNetwork(opts);
    this.net = new NetworkLoader({
      store,
      progress,
      errors,
      names,
      appearance: () => this.appearance,
      hidden: () => this.hidden,
      time: () => this.time,
      expander: () => this.expander,
      status: () => this.status,
      renderLegend,
      gestures: {
        tap: (id, shift) => {
          if (shift) this.paths.pick(id);
          else void this.openDetails(id);
        },
        doubleTap: (id) => void this.expand(id),
        edgeTap: (id) => this.edges.open(id),
      },
    });
    this.filters = new FilterControls({
      store,
      errors,
      names,
      charts: () => this.charts,
      time: () => this.time,
      loadNetwork,
      networkChanged: () => this.networkChanged(),
      panelsReset: () => {
        this.paths.render();
        this.shared.render();
      },
    });
    this.status = new StatusLine({
      store,
      cy,
      names,
      timeSummary: () => this.time.summary,
      truncated: () => Boolean(this.net.network?.truncated),
      webgl: () => this.net.webglOn,
    });
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
    this.expander = new Expander({
      store,
      cy,
      progress,
      errors,
      names,
      applyHidden,
      applyTime,
      renderLegend,
      flash: (text) => this.status.flash(text),
    });
    this.paths = new PathPanel({ store, cy, progress, names, selectTab, applyHidden, applyTime, renderLegend });
    this.shared = new SharedPanel({
      store,
      cy,
      progress,
      names,
      selectTab,
      openDetails: (id) => void this.openDetails(id, { zoom: true }),
    });
    this.charts = new ChartsPanel({ store, progress, ready: () => this.started });
    this.appearance = new Appearance({
      store,
      cy,
      renderLegend,
      relayout: () =>
        progress.run('Layout…', () =>
          runLayout(this.cy, this.state.layout, { animate: (this.cy?.nodes().length ?? 0) < 400 }),
        ),
    });
    this.edges = new EdgePanel({
      store,
      cy,
      selectTab,
      openDetails: (id) => void this.openDetails(id, { zoom: true }),
      closeDetails: () => this.details.close(),
    });
    this.details = new DetailsPanel({
      store,
      cy,
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

  private get cy(): Core | null {
    return this.net.cy;
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
    // The network first: the filter choices and the charts would compete with it for the server.
    const ok = await this.loadNetwork({ layout: true, first: true });
    this.started = true;
    void this.filters.loadFacets();
    this.charts.refresh();
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

  /** Fetches the network for the state's filter and draws it (view/network-loader.ts). */
  private loadNetwork(opts: LoadOptions): Promise<boolean> {
    return this.net.load(opts);
  }

  /** A new network for a new filter or mode: the charts and the panels that follow the period ask again. */
  private networkChanged(): void {
    this.charts.refresh();
    this.periodChanged();
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
    if (this.state.selected)
      await this.details.open(this.state.selected, { zoom: true, switchTab: this.state.tab === 'details' });
    if (this.state.pathFrom && this.state.pathTo) await this.paths.find();
    else this.paths.render();
    if (this.state.compareA && this.state.compareB) await this.shared.compare();
    else this.shared.render();
    if (this.state.tab === 'charts') await this.charts.render();
  }

  // ---------------------------------------------------------------- controls

  private wireControls(): void {
    const searchBox = wireToolbar({
      store: this.store,
      cy: () => this.cy,
      progress: this.progress,
      errors: this.errors,
      names: this.names,
      appearance: () => this.appearance,
      hidden: () => this.hidden,
      status: () => this.status,
      loadNetwork: (opts) => this.loadNetwork(opts),
      networkChanged: () => this.networkChanged(),
      openHit: (id, known) => void this.openDetails(id, { zoom: true, known }),
    });
    this.filters.wire();
    this.time.wire();
    this.focus.wire();
    this.appearance.wire();
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
}
