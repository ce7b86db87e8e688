/**
 * The filter column: its choices (organizations, regions, conflicts... from the whole graph, loaded after the
 * first network), applying the form to the view state, and the two resets. Each change loads the network again.
 */
import { fetchFacetData, fetchOrganizations } from '../api/queries';
import type { OrganizationItem } from '../api/queries';
import { countConflicts, facetsOf } from '../graph/filters';
import type { Facets } from '../graph/filters';
import { defaultState, fullGraphState, sameNetwork } from '../graph/view-state';
import type { ViewState } from '../graph/view-state';
import { byId } from '../ui/dom';
import type { ErrorBanner } from '../ui/feedback';
import { fillFilterForm, readFilterForm } from '../ui/filters-form';
import type { ChartsPanel } from './charts-panel';
import type { LoadOptions } from './network-loader';
import type { ViewStore } from './store';
import type { TimeBar } from './timebar';

/** What the filters need from the rest of the view (read when used, not when built). */
export interface FilterControlsDeps {
  store: ViewStore;
  errors: ErrorBanner;
  /** Every id's name seen so far (the filter choices add theirs). */
  names: Map<string, string>;
  charts(): ChartsPanel;
  time(): TimeBar;
  loadNetwork(opts: LoadOptions): Promise<boolean>;
  /** After a new network for a new filter: the panels that follow the period ask again. */
  networkChanged(): void;
  /** After a reset: the path and comparison panels draw their (emptied) state. */
  panelsReset(): void;
}

/** The filter form, its choices and what applying or resetting it does. */
export class FilterControls {
  private facets: Facets | null = null;

  constructor(private readonly deps: FilterControlsDeps) {}

  /** Wires the form's buttons and fills it from the state. */
  wire(): void {
    const form = byId<HTMLFormElement>('filters');
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      this.apply();
    });
    byId('f-reset').addEventListener('click', () => this.resetTo(defaultState()));
    byId('f-all').addEventListener('click', () => this.resetTo(fullGraphState()));
    this.fill();
  }

  /** Loads the filter choices: the nodes of the whole graph and every organization (also those with no mission). */
  async loadFacets(): Promise<void> {
    const { names, errors } = this.deps;
    try {
      const [data, orgs] = await Promise.all([
        fetchFacetData(),
        fetchOrganizations().catch(() => [] as OrganizationItem[]),
      ]);
      for (const n of data.nodes) names.set(n.id, n.name);
      for (const o of orgs) names.set(o.id, o.acronym ?? o.name);
      this.facets = countConflicts(facetsOf(data.nodes), data.edges);
      // Organizations that deploy no mission still belong in the filter.
      const known = new Set(this.facets.organizations.map((o) => o.value));
      for (const o of orgs)
        if (!known.has(o.id)) this.facets.organizations.push({ value: o.id, text: o.acronym ?? o.name, count: 0 });
      this.fill();
      this.deps.charts().refresh();
    } catch (err) {
      errors.show('Could not load the filter choices', err);
    }
  }

  private fill(): void {
    fillFilterForm(this.deps.store.state, this.facets, this.deps.names);
  }

  private apply(): void {
    const { store } = this.deps;
    const read = readFilterForm(store.state);
    if ('error' in read) {
      this.deps.errors.show('Period', read.error);
      return;
    }
    if (sameNetwork(read.state, store.state)) return;
    store.state = { ...read.state, expanded: [], expandedAll: [], time: null };
    store.commit();
    void this.deps.loadNetwork({ layout: true }).then(() => this.deps.networkChanged());
  }

  private resetTo(s: ViewState): void {
    const { store } = this.deps;
    this.deps.time().pause();
    store.state = { ...s, webgl: store.state.webgl, tab: store.state.tab };
    this.fill();
    byId<HTMLSelectElement>('layout').value = store.state.layout;
    store.commit();
    void this.deps.loadNetwork({ layout: true }).then(() => {
      this.deps.panelsReset();
      this.deps.networkChanged();
    });
  }
}
