/** Draws the legend for what is in view, from the styling rules. */
import type { LegendEntry } from '../graph/style';
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
