/**
 * How the network is drawn beyond its data: the group boxes ("Group" select: by organization, by region, none),
 * the node sizes ("Size" select: personnel, degree, number of organizations) and the labels by priority. Keeps
 * them current as the graph in view changes: a layout, a zoom or pan, a time step, a legend toggle, hidden or
 * added nodes. The boxes are drawn with the force layout only (layouts.ts's layoutKeepsGroups).
 */
import type { Core, EventObject, NodeSingular } from 'cytoscape';
import { applyGrouping, GROUP_BOX_CLASS, GROUP_BYS, syncGroupBoxes } from '../graph/grouping';
import type { GroupBy } from '../graph/grouping';
import { clearLabels, HOVER_LABEL_CLASS, updateLabels } from '../graph/labels';
import { layoutKeepsGroups } from '../graph/layouts';
import { applySizes, SIZE_MEASURES } from '../graph/measures';
import { setScratch } from '../graph/scratch';
import type { SizeMeasure } from '../graph/measures';
import { byId } from '../ui/dom';
import type { ViewStore } from './store';

/** What the appearance needs from the rest of the view. */
export interface AppearanceDeps {
  store: ViewStore;
  cy(): Core | null;
  /** Runs the state's layout over the view again (after the boxes changed). */
  relayout(): Promise<void>;
  /** Draws the legend again (it names the boxes and the size measure). */
  renderLegend(): void;
}

/** Wait after a change of what is visible, and after a zoom or pan, before sizes and labels follow (ms). */
const REFRESH_DELAY_MS = 40;
const VIEWPORT_DELAY_MS = 90;

/** Owns the Group and Size controls and keeps boxes, sizes and labels in step with the graph in view. */
export class Appearance {
  private attachedTo: Core | null = null;
  /** Above 0 while the appearance changes the graph itself: the class events that causes are its own. */
  private own = 0;
  private refreshTimer: number | undefined;
  private labelTimer: number | undefined;
  /** Zooms, pans and selections seen (the label pass waits until they stop). */
  private moves = 0;

  constructor(private readonly deps: AppearanceDeps) {}

  /** The grouping drawn now: the state's, with the force layout; none with the other layouts. */
  get grouping(): GroupBy {
    const state = this.deps.store.state;
    return layoutKeepsGroups(state.layout) ? state.group : 'none';
  }

  /** Follows the changes of a new Cytoscape instance (once per instance). */
  attach(cy: Core): void {
    if (this.attachedTo === cy) return;
    this.attachedTo = cy;
    const later = () => {
      if (this.own === 0) this.schedule();
    };
    cy.on('class add remove', later);
    cy.on('select unselect dragfree', () => this.scheduleLabels());
    cy.on('viewport', () => this.scheduleLabels());
    // A layout fits the view to the nodes: labels (as large in the model as the zoom is small) would count too.
    cy.on('layoutstart', () => this.quietly(() => clearLabels(cy)));
    cy.on('layoutstop', () => this.refresh());
    // The label of the node under the pointer shows on top, the others stay as they are.
    cy.on('mouseover', 'node', (ev: EventObject) => {
      const n = ev.target as NodeSingular;
      if (!n.hasClass(GROUP_BOX_CLASS)) this.quietly(() => n.addClass(HOVER_LABEL_CLASS));
    });
    cy.on('mouseout', 'node', (ev: EventObject) =>
      this.quietly(() => (ev.target as NodeSingular).removeClass(HOVER_LABEL_CLASS)),
    );
  }

  /** Listens to the Group and Size selects. */
  wire(): void {
    const group = byId<HTMLSelectElement>('group-by');
    const size = byId<HTMLSelectElement>('size-by');
    this.syncControls();
    group.addEventListener('change', () => {
      const state = this.deps.store.state;
      state.group = (GROUP_BYS as readonly string[]).includes(group.value) ? (group.value as GroupBy) : 'organization';
      this.deps.store.commit();
      this.regroup();
      void this.deps.relayout().then(() => {
        this.refresh();
        this.deps.renderLegend();
      });
    });
    size.addEventListener('change', () => {
      const state = this.deps.store.state;
      state.size = (SIZE_MEASURES as readonly string[]).includes(size.value)
        ? (size.value as SizeMeasure)
        : 'personnel';
      this.deps.store.commit();
      this.refresh();
      this.deps.renderLegend();
    });
  }

  /** Shows the state in the selects; the Group select is off with the layouts that draw no boxes. */
  syncControls(): void {
    const state = this.deps.store.state;
    const group = byId<HTMLSelectElement>('group-by');
    group.value = state.group;
    group.disabled = !layoutKeepsGroups(state.layout);
    group.title = group.disabled
      ? 'Boxes are drawn with the force layout (fcose) only'
      : 'Boxes around the missions of each organization or region';
    byId<HTMLSelectElement>('size-by').value = state.size;
  }

  /** Puts the nodes in view into the boxes the state asks for (before a layout, which places the boxes). */
  regroup(): void {
    const cy = this.deps.cy();
    this.syncControls();
    if (!cy) return;
    this.quietly(() => applyGrouping(cy, this.grouping));
  }

  /** Sizes, boxes and labels for the graph in view, now. */
  refresh(): void {
    window.clearTimeout(this.refreshTimer);
    window.clearTimeout(this.labelTimer);
    const cy = this.deps.cy();
    if (!cy) return;
    this.quietly(() => {
      setScratch(cy, 'sizeMeasure', this.deps.store.state.size);
      applySizes(cy, this.deps.store.state.size);
      syncGroupBoxes(cy);
      updateLabels(cy);
    });
  }

  private schedule(): void {
    window.clearTimeout(this.refreshTimer);
    this.refreshTimer = window.setTimeout(() => this.refresh(), REFRESH_DELAY_MS);
  }

  /**
   * The label pass after a zoom, a pan or a selection, once the view has been still for VIEWPORT_DELAY_MS and
   * then two frames: never during a pan, even one whose frames take longer than the delay (the pass changes
   * classes, which makes Cytoscape draw every label again instead of its cached layers).
   */
  private scheduleLabels(): void {
    window.clearTimeout(this.labelTimer);
    const moves = ++this.moves;
    this.labelTimer = window.setTimeout(() => {
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          const cy = this.deps.cy();
          // A move in between has armed the timer again.
          if (cy && moves === this.moves) this.quietly(() => updateLabels(cy));
        }),
      );
    }, VIEWPORT_DELAY_MS);
  }

  private quietly<T>(work: () => T): T {
    this.own++;
    try {
      return work();
    } finally {
      this.own--;
    }
  }
}
