/**
 * The toolbar over the canvas: the mode, the layout, Fit, Restore, the export menu, Copy link, the WebGL switch
 * and the search box. Each control changes the view state (and the URL) and asks the rest of the view to follow.
 */
import type { Core } from 'cytoscape';
import { fetchSearch } from '../api/queries';
import { SEARCH_DEBOUNCE_MS } from '../config';
import type { GraphNode } from '../graph/types';
import type { LayoutName } from '../graph/view-state';
import { byId } from '../ui/dom';
import type { ErrorBanner, Progress } from '../ui/feedback';
import { setupSearch } from '../ui/search';
import type { Appearance } from './appearance';
import { runLayout, webglAvailable } from './canvas';
import { wireExportMenu } from './export-menu';
import type { HiddenNodes } from './hidden';
import type { LoadOptions } from './network-loader';
import type { StatusLine } from './status';
import type { ViewStore } from './store';

/** What the toolbar needs from the rest of the view (read when used, not when built). */
export interface ToolbarDeps {
  store: ViewStore;
  cy(): Core | null;
  progress: Progress;
  errors: ErrorBanner;
  names: Map<string, string>;
  appearance(): Appearance;
  hidden(): HiddenNodes;
  status(): StatusLine;
  loadNetwork(opts: LoadOptions): Promise<boolean>;
  /** After a new network for another mode: the panels that follow the period ask again. */
  networkChanged(): void;
  /** A search hit chosen: select it, zoom to it and open its details. */
  openHit(id: string, known: GraphNode): void;
}

/** Wires the toolbar's controls; returns the search box (the `/` shortcut focuses it). */
export function wireToolbar(deps: ToolbarDeps): { focus(): void } {
  const { store, progress, errors } = deps;
  const relayout = (name: string): Promise<void> =>
    progress.run(`Layout: ${name}…`, () =>
      runLayout(deps.cy(), store.state.layout, { animate: (deps.cy()?.nodes().length ?? 0) < 400 }),
    );

  const mode = byId<HTMLSelectElement>('mode');
  mode.value = store.state.mode;
  mode.addEventListener('change', () => {
    const state = store.state;
    state.mode = mode.value === 'ORGANIZATIONS' ? 'ORGANIZATIONS' : 'FULL';
    state.expanded = [];
    state.expandedAll = [];
    state.time = null;
    store.commit();
    void deps.loadNetwork({ layout: true }).then(() => deps.networkChanged());
  });
  const layout = byId<HTMLSelectElement>('layout');
  layout.value = store.state.layout;
  layout.addEventListener('change', () => {
    store.state.layout = layout.value as LayoutName;
    store.commit();
    // Boxes are drawn with the force layout only.
    deps.appearance().regroup();
    void relayout(layout.value);
  });
  byId('fit').addEventListener('click', () => {
    const cy = deps.cy();
    cy?.animate({ fit: { eles: cy.elements().not('.user-hidden, .time-hidden'), padding: 30 } }, { duration: 300 });
  });
  byId('restore').addEventListener('click', () => deps.hidden().restoreAll());
  wireExportMenu({ store, cy: () => deps.cy(), names: deps.names, errors });
  byId('copy-link').addEventListener('click', () => {
    store.commit();
    void navigator.clipboard?.writeText(location.href).then(
      () => deps.status().flash('Link copied.'),
      () => deps.status().flash(`Link: ${location.href}`),
    );
  });
  const webgl = byId<HTMLInputElement>('webgl');
  webgl.addEventListener('change', () => {
    if (webgl.checked && !webglAvailable()) {
      webgl.checked = false;
      errors.show('WebGL renderer', new Error('This browser offers no WebGL 2: the view keeps the canvas renderer.'));
      return;
    }
    store.state.webgl = webgl.checked;
    store.commit();
    // The renderer is chosen when Cytoscape starts: reload the same view with the other one.
    const params = new URLSearchParams(location.search);
    params.set('webgl', webgl.checked ? '1' : '0');
    location.search = params.toString();
  });

  return setupSearch({
    input: byId<HTMLInputElement>('search-input'),
    list: byId<HTMLUListElement>('search-list'),
    debounceMs: SEARCH_DEBOUNCE_MS,
    search: (text, signal) => fetchSearch(text, 10, signal),
    choose: (hit) => deps.openHit(hit.node.id, hit.node),
    onError: (err) => errors.show('Search failed', err),
  });
}
