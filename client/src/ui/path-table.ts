/** The found paths as one table, a row per step, with its CSV button (the path panel places it). */
import type { GraphPath } from '../graph/types';
import { h } from './dom';
import { exportable } from './table-export';

/**
 * The steps of every path, in order: the path's number, the step's number, and the relationship it crosses as
 * stored (its source, type and kind, target, period and sources), so that a step taken against the arrow shows
 * the relationship's own direction. `notes` (what the paths are: period, types, step limit) head the CSV.
 */
export function pathsTable(
  paths: readonly GraphPath[],
  from: { id: string; name: string },
  to: { id: string; name: string },
  notes: readonly string[] = [],
): HTMLElement {
  const table = h(
    'table',
    { class: 'data text', 'data-table': 'paths' },
    h('caption', { text: `Paths from ${from.name} to ${to.name}` }),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ...['Path', 'Step', 'From', 'Relationship', 'To', 'Start', 'End', 'Sources'].map((t) =>
          h('th', { scope: 'col', text: t }),
        ),
      ),
    ),
  );
  const body = h('tbody');
  paths.forEach((p, i) => {
    const names = new Map(p.nodes.map((n) => [n.id, n.name]));
    p.edges.forEach((e, j) => {
      body.append(
        h(
          'tr',
          {},
          h('td', { text: String(i + 1) }),
          h('td', { text: String(j + 1) }),
          h('td', { text: names.get(e.source) ?? e.source }),
          h('td', { text: e.kind ? `${e.type} (${e.kind})` : e.type }),
          h('td', { text: names.get(e.target) ?? e.target }),
          h('td', { text: e.start ?? '' }),
          h('td', { text: e.end ?? '' }),
          h('td', { text: e.sources.join('; ') }),
        ),
      );
    });
  });
  table.append(body);
  return exportable(table, {
    file: ['paths', from.id, to.id],
    notes: () => [...notes, ...paths.map((p, i) => `Path ${i + 1} (${p.length} steps): ${p.sentence}`)],
  });
}
