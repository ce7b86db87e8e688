/** Draws the legend for what is in view, from the styling rules; its entries show or hide what they stand for. */
import type { Collection, Core, EdgeCollection, NodeCollection } from 'cytoscape';
import { nodeData } from '../graph/elements';
import { legendAppearance } from '../graph/measures';
import { legendEntries } from '../graph/style';
import type { LegendEntry } from '../graph/style';
import type { EntityLabel } from '../graph/types';
import { clear, h } from './dom';

/** Legend entries switched off (`kind:key`), kept across redraws of the view. */
const switchedOff = new Set<string>();

/** The elements a legend entry stands for (marks stand for none: they cannot be switched off). */
function elementsOf(cy: Core, kind: string, key: string): Collection {
  if (kind === 'edge') return cy.edges().filter((e) => e.data('type') === key);
  if (kind === 'node') return cy.nodes().filter((n) => n.data('label') === key);
  if (kind === 'organization') {
    return cy
      .nodes()
      .filter(
        (n) =>
          (n.data('label') === 'Mission' || n.data('label') === 'Organization') &&
          (n.data('organizations') as string[])[0] === key,
      );
  }
  return cy.collection();
}

/** Hides what the switched-off entries stand for, and shows the rest (class `legend-hidden`). */
export function applyLegend(cy: Core): void {
  cy.elements('.legend-hidden').removeClass('legend-hidden');
  for (const entry of switchedOff) {
    const [kind, ...rest] = entry.split(':');
    elementsOf(cy, kind ?? '', rest.join(':')).addClass('legend-hidden');
  }
}

export function renderLegend(list: HTMLElement, entries: readonly LegendEntry[], cy?: Core): void {
  clear(list);
  for (const e of entries) {
    let swatch: HTMLElement;
    if (e.kind === 'edge') {
      swatch = h('span', { class: `swatch line ${e.line ?? 'solid'}` });
      swatch.style.borderTopColor = e.colour;
    } else if (e.kind === 'mark') {
      swatch = h('span', { class: `swatch mark mark-${e.key}` });
    } else {
      swatch = h('span', { class: `swatch ${e.shape ?? 'ellipse'}` });
      swatch.style.background = e.colour;
    }
    const id = `${e.kind}:${e.key}`;
    const li = h('li', { 'data-legend': id }, swatch, h('span', { text: e.text }));
    if (cy && e.kind !== 'mark') {
      // A button in effect: click, Enter or Space shows or hides what the entry stands for.
      li.setAttribute('role', 'button');
      li.setAttribute('tabindex', '0');
      li.setAttribute('aria-pressed', String(!switchedOff.has(id)));
      li.title = 'Show or hide';
      const toggle = () => {
        if (switchedOff.has(id)) switchedOff.delete(id);
        else switchedOff.add(id);
        li.setAttribute('aria-pressed', String(!switchedOff.has(id)));
        li.classList.toggle('off', switchedOff.has(id));
        applyLegend(cy);
      };
      li.classList.toggle('off', switchedOff.has(id));
      li.addEventListener('click', toggle);
      li.addEventListener('keydown', (ev) => {
        if (ev.key === 'Enter' || ev.key === ' ') {
          ev.preventDefault();
          toggle();
        }
      });
    }
    list.append(li);
  }
}

/** The legend entries for the kinds of nodes, organizations (by colour) and relationships of these elements. */
export function legendEntriesOf(nodes: NodeCollection, edges: EdgeCollection): LegendEntry[] {
  const labels = new Set<EntityLabel>();
  const orgs = new Set<string>();
  nodes.forEach((n) => {
    const d = nodeData(n);
    labels.add(d.label);
    if (d.organizations[0] && (d.label === 'Mission' || d.label === 'Organization')) orgs.add(d.organizations[0]);
  });
  const types = new Set<string>();
  edges.forEach((e) => {
    types.add(e.data('type') as string);
  });
  // Every collection knows its Cytoscape instance (the typings give `cy()` to single elements only).
  const cy = (nodes as unknown as { cy(): Core }).cy();
  return legendEntries(labels, orgs, types, legendAppearance(cy));
}

/** Draws the legend for the kinds of nodes, organizations (by colour) and relationships in `cy`. */
export function renderLegendOf(list: HTMLElement, cy: Core): void {
  renderLegend(list, legendEntriesOf(cy.nodes(), cy.edges()), cy);
  applyLegend(cy);
}
