/** Draws the legend for what is in view, from the styling rules. */
import type { Core } from 'cytoscape';
import { nodeData } from '../graph/elements';
import { legendEntries } from '../graph/style';
import type { LegendEntry } from '../graph/style';
import type { EntityLabel } from '../graph/types';
import { clear, h } from './dom';

export function renderLegend(list: HTMLElement, entries: readonly LegendEntry[]): void {
  clear(list);
  for (const e of entries) {
    let swatch: HTMLElement;
    if (e.kind === 'edge') {
      swatch = h('span', { class: `swatch line ${e.line ?? 'solid'}` });
      swatch.style.borderTopColor = e.colour;
    } else if (e.kind === 'mark') {
      swatch = h('span', { class: 'swatch mark' });
    } else {
      swatch = h('span', { class: `swatch ${e.shape ?? 'ellipse'}` });
      swatch.style.background = e.colour;
    }
    list.append(h('li', { 'data-legend': `${e.kind}:${e.key}` }, swatch, h('span', { text: e.text })));
  }
}

/** Draws the legend for the kinds of nodes, organizations (by colour) and relationships in `cy`. */
export function renderLegendOf(list: HTMLElement, cy: Core): void {
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
  renderLegend(list, legendEntries(labels, orgs, types));
}
