/**
 * The network on the canvas: asks the API for the network of the view's filter and draws it, creating the
 * Cytoscape instance on the first answer (with WebGL when asked for, or for a large view). The rest of the view
 * reads the instance and the last network from here.
 */
import type { Core } from 'cytoscape';
import { fetchNetwork } from '../api/queries';
import { WEBGL_AUTO_THRESHOLD } from '../config';
import { replaceElements, toElements } from '../graph/elements';
import type { Subgraph } from '../graph/types';
import { toNetworkFilter } from '../graph/view-state';
import { byId } from '../ui/dom';
import { isAbort } from '../ui/feedback';
import type { ErrorBanner, Progress } from '../ui/feedback';
import type { Appearance } from './appearance';
import { countRender, createCanvas, MARK, runLayout, webglAvailable } from './canvas';
import type { NodeGestures } from './canvas';
import type { Expander } from './expander';
import type { HiddenNodes } from './hidden';
import type { StatusLine } from './status';
import type { ViewStore } from './store';
import type { TimeBar } from './timebar';
import { wireTooltips } from './tooltip';

/** What loading and drawing the network needs from the rest of the view (read when used, not when built). */
export interface NetworkLoaderDeps {
  store: ViewStore;
  progress: Progress;
  errors: ErrorBanner;
  /** Every id's name seen so far (the network adds its nodes'). */
  names: Map<string, string>;
  appearance(): Appearance;
  hidden(): HiddenNodes;
  time(): TimeBar;
  expander(): Expander;
  status(): StatusLine;
  renderLegend(): void;
  /** What a click, a double click and a click on an edge do. */
  gestures: NodeGestures;
}

/** Options of one load: run the layout (else nodes that stay keep their place), the first load, another period. */
export interface LoadOptions {
  layout: boolean;
  first?: boolean;
  periodOverride?: { from: string; to: string };
}

/** Loads the network for the view's filter and draws it on the one Cytoscape instance. */
export class NetworkLoader {
  /** The canvas, once the first network has arrived. */
  cy: Core | null = null;
  /** The last network drawn. */
  network: Subgraph | null = null;
  /** Whether the canvas draws with WebGL. */
  webglOn = false;
  private abort: AbortController | null = null;

  constructor(private readonly deps: NetworkLoaderDeps) {}

  /**
   * Fetches the network for the state's filter and draws it. `layout` runs the chosen layout; without it,
   * nodes that stay keep their place (time steps in the organization network).
   */
  async load(opts: LoadOptions): Promise<boolean> {
    const { store, progress, errors, names } = this.deps;
    this.abort?.abort();
    const controller = new AbortController();
    this.abort = controller;
    const filter = toNetworkFilter(store.state);
    // The organization network of one year or month is the API's, not a client-side cut (co-deployment depends on time).
    const t = store.state.mode === 'ORGANIZATIONS' ? store.state.time : null;
    const period = opts.periodOverride ?? (t ? { from: t, to: t } : undefined);
    if (period) filter.period = period;
    try {
      const sub = await progress.run('Loading the network…', () => fetchNetwork(filter, controller.signal));
      if (controller.signal.aborted) return false;
      if (opts.first) performance.mark(MARK.networkLoaded);
      this.network = sub;
      for (const n of sub.nodes) names.set(n.id, n.name);
      errors.hide();
      await progress.run(`Drawing ${sub.nodes.length} nodes and ${sub.edges.length} edges…`, () =>
        this.draw(sub, opts),
      );
      return true;
    } catch (err) {
      if (isAbort(err)) return false;
      errors.show('Could not load the network', err);
      this.deps.status().update();
      return false;
    }
  }

  private async draw(sub: Subgraph, opts: LoadOptions): Promise<void> {
    const cy = this.cy ?? this.createCy(sub);
    const appearance = this.deps.appearance();
    if (opts.layout) {
      this.deps.expander().dismissMore();
      cy.batch(() => {
        cy.elements().remove();
        cy.add(toElements(sub, appearance.grouping));
      });
    } else {
      replaceElements(cy, sub);
    }
    appearance.regroup();
    this.deps.hidden().apply();
    this.deps.time().applyNow();
    const drawn = (): void => {
      appearance.refresh();
      this.deps.renderLegend();
      this.deps.time().update();
      countRender(opts.first === true);
    };
    // With a layout, drawn as soon as the nodes stand somewhere (a draft, or stored positions), then when in place.
    if (opts.layout) await runLayout(this.cy, this.deps.store.state.layout, { animate: false, drawn });
    else drawn();
  }

  /** Creates the Cytoscape instance, with WebGL when asked for (or for large views) and available. */
  private createCy(sub: Subgraph): Core {
    const state = this.deps.store.state;
    const explicit = new URLSearchParams(location.search).has('webgl');
    let webgl = state.webgl || (!explicit && sub.nodes.length + sub.edges.length > WEBGL_AUTO_THRESHOLD);
    if (webgl && !webglAvailable()) {
      webgl = false;
      if (state.webgl)
        this.deps.errors.show(
          'WebGL renderer',
          new Error('This browser offers no WebGL 2: the view uses the canvas renderer.'),
        );
      state.webgl = false;
    }
    this.webglOn = webgl;
    byId<HTMLInputElement>('webgl').checked = webgl;
    const cy = createCanvas(byId('cy'), webgl, this.deps.gestures);
    this.cy = cy;
    wireTooltips(cy, byId('tooltip'));
    this.deps.appearance().attach(cy);
    return cy;
  }
}
