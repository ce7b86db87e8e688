/**
 * Hover tooltips on the canvas: what a node or an edge is, its period, its personnel and, for an edge, the sources
 * that state it. Text from the data is written as text.
 */
import type { Core, EdgeSingular, EventObject, NodeSingular } from 'cytoscape';
import type { EdgeData, NodeData } from '../graph/elements';
import { h } from '../ui/dom';

/** "1999-06 – 2008-12", "since 2004", or null when no date is on record. */
function period(start: string | null, end: string | null): string | null {
  if (start && end) return start === end ? start : `${start} – ${end}`;
  if (start) return `since ${start}`;
  if (end) return `until ${end}`;
  return null;
}

/** The lines of a node's tooltip. */
export function nodeLines(d: NodeData): string[] {
  const lines = [`${d.name} (${d.label.toLowerCase()})`];
  if (d.fullName && d.fullName !== d.name) lines.push(d.fullName);
  const p = period(d.start, d.end);
  if (p) lines.push(p);
  if (d.label === 'Mission' && d.organizations.length) lines.push(`deployed by ${d.organizations.join(', ')}`);
  if (d.label === 'Mission')
    lines.push(
      d.personnel === null
        ? 'personnel: no figure on record'
        : `peak monthly personnel: ${d.personnel.toLocaleString('en')}`,
    );
  return lines;
}

/** The lines of an edge's tooltip: its type and kind, period, figure and sources. */
export function edgeLines(d: EdgeData, sourceName: string, targetName: string): string[] {
  const lines = [`${sourceName} → ${targetName}`, d.kind ? `${d.type} (${d.kind})` : d.type];
  const p = period(d.start, d.end);
  if (p) lines.push(p);
  if (d.weight !== null) lines.push(`personnel (largest figure): ${d.weight.toLocaleString('en')}`);
  lines.push(d.sources.length ? `sources: ${d.sources.join('; ')}` : 'sources: none recorded');
  return lines;
}

/** Shows a tooltip beside the pointer over nodes and edges of `cy`, in `tip` (a child of the canvas's container). */
export function wireTooltips(cy: Core, tip: HTMLElement): void {
  const hide = () => {
    tip.hidden = true;
  };
  const show = (ev: EventObject, lines: string[]) => {
    tip.replaceChildren(...lines.map((line, i) => h(i === 0 ? 'strong' : 'span', { text: line })));
    const { x, y } = ev.renderedPosition ?? { x: 0, y: 0 };
    const box = cy.container()?.getBoundingClientRect();
    // Beside the pointer, kept inside the canvas.
    tip.hidden = false;
    const left = Math.min(x + 14, (box?.width ?? 0) - tip.offsetWidth - 4);
    const top = Math.min(y + 14, (box?.height ?? 0) - tip.offsetHeight - 4);
    tip.style.left = `${Math.max(4, left)}px`;
    tip.style.top = `${Math.max(4, top)}px`;
  };
  cy.on('mouseover', 'node', (ev: EventObject) => show(ev, nodeLines((ev.target as NodeSingular).data() as NodeData)));
  cy.on('mouseover', 'edge', (ev: EventObject) => {
    const e = ev.target as EdgeSingular;
    show(ev, edgeLines(e.data() as EdgeData, String(e.source().data('name')), String(e.target().data('name'))));
  });
  cy.on('mouseout', 'node, edge', hide);
  cy.on('viewport tapstart', hide);
}
