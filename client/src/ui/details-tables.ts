/**
 * The details panel's tables: contributing states, cooperation, people and posts, each with its CSV button, and
 * the CSV of the related entities (shown as grouped lists, written as one table). ui/details.ts places them.
 */
import type { Contribution, NodeDetails, Ref } from '../api/queries';
import type { GraphNode, Subgraph } from '../graph/types';
import { fmt, h, linkified } from './dom';
import { csvButton, exportable } from './table-export';
import type { Rows } from './table-export';

/** The contributing states of a mission over a window of time, as `Mission.contributors` gives them. */
export interface MissionContributors {
  /** The window asked for, in words (`2008`, `1996–2025`), or null: every month on record. */
  window: string | null;
  list: Contribution[];
}

const dates = (start: string | null | undefined, end: string | null | undefined): [HTMLElement, HTMLElement] => [
  h('td', { text: start ?? '' }),
  h('td', { text: end ?? '' }),
];

const focusButton = (ref: Ref, focus: (id: string) => void): HTMLButtonElement =>
  h('button', {
    type: 'button',
    class: 'linklike',
    text: ref.name,
    'data-focus': ref.id,
    title: ref.id,
    on: { click: () => focus(ref.id) },
  });

const headRow = (...names: string[]): HTMLElement =>
  h('thead', {}, h('tr', {}, ...names.map((n) => h('th', { scope: 'col', text: n }))));

/**
 * The states with personnel in a mission: the figure is the peak monthly personnel in the window (the month's
 * figure for a month); a state its sources name without a figure shows "present" and is written empty.
 */
export function contributorsTable(node: GraphNode, c: MissionContributors, focus: (id: string) => void): HTMLElement {
  const when = c.window ?? 'all months on record';
  const measure =
    c.window && /^\d{4}-\d{2}$/.test(c.window) ? `Personnel, ${c.window}` : `Peak monthly personnel, ${when}`;
  const table = h(
    'table',
    { class: 'data', 'data-table': 'contributors' },
    h('caption', { text: `States contributing to ${node.name} (${when})` }),
    headRow('State', measure, 'Sources'),
  );
  const body = h('tbody');
  for (const x of c.list) {
    body.append(
      h(
        'tr',
        {},
        h('td', { 'data-value': x.state.name }, focusButton(x.state, focus)),
        h('td', {
          'data-value': x.personnel === null ? '' : String(x.personnel),
          title: x.personnel === null ? 'named by a source without a figure' : undefined,
          text: x.personnel === null ? 'present' : fmt(x.personnel),
        }),
        h('td', { text: x.sources.join('; ') }),
      ),
    );
  }
  table.append(body);
  return exportable(table, { file: ['contributors', node.id, c.window] });
}

/** The mission's recorded cooperation with other missions. */
export function cooperationTable(
  node: GraphNode,
  list: NonNullable<NodeDetails['cooperations']>,
  focus: (id: string) => void,
): HTMLElement {
  const table = h(
    'table',
    { class: 'data text', 'data-table': 'cooperation' },
    h('caption', { text: `Cooperation of ${node.name}` }),
    headRow('Kind', 'With', 'Start', 'End', 'Source'),
  );
  const body = h('tbody');
  for (const c of list)
    body.append(
      h(
        'tr',
        {},
        h('td', { text: c.kind }),
        h('td', { 'data-value': c.other.name }, focusButton(c.other, focus)),
        ...dates(c.start, c.end),
        h('td', {}, c.sourceRef ? linkified(c.sourceRef) : ''),
      ),
    );
  table.append(body);
  return exportable(table, { file: ['cooperation', node.id] });
}

/** The people who held a post in the mission or organization. */
export function peopleTable(
  node: GraphNode,
  list: NonNullable<NodeDetails['people']>,
  focus: (id: string) => void,
): HTMLElement {
  const table = h(
    'table',
    { class: 'data text', 'data-table': 'people' },
    h('caption', { text: `People of ${node.name}` }),
    headRow('Person', 'Role', 'Start', 'End'),
  );
  const body = h('tbody');
  for (const p of list)
    body.append(
      h(
        'tr',
        {},
        h('td', { 'data-value': p.person.name }, focusButton(p.person, focus)),
        h('td', { text: p.role }),
        ...dates(p.start, p.end),
      ),
    );
  table.append(body);
  return exportable(table, { file: ['people', node.id] });
}

/** A person's posts. */
export function postsTable(
  node: GraphNode,
  list: NonNullable<NodeDetails['posts']>,
  focus: (id: string) => void,
): HTMLElement {
  const table = h(
    'table',
    { class: 'data text', 'data-table': 'posts' },
    h('caption', { text: `Posts of ${node.name}` }),
    headRow('Role', 'Start', 'End', 'Mission or organization'),
  );
  const body = h('tbody');
  for (const p of list) {
    const where = p.mission ?? p.organization;
    body.append(
      h(
        'tr',
        {},
        h('td', { text: p.role }),
        ...dates(p.start, p.end),
        h('td', { 'data-value': where?.name ?? '' }, where ? focusButton(where, focus) : ''),
      ),
    );
  }
  table.append(body);
  return exportable(table, { file: ['posts', node.id] });
}

/**
 * Every related entity of `node` (the panel lists 40 per group): the relationship, its direction, the entity,
 * its id and type, and the relationship's period and sources.
 */
export function relatedRows(node: GraphNode, related: Subgraph): Rows {
  const byId = new Map(related.nodes.map((x) => [x.id, x]));
  const rows: Rows = [['Relationship', 'Direction', 'Entity', 'Id', 'Type', 'Start', 'End', 'Sources']];
  for (const e of related.edges) {
    const outgoing = e.source === node.id;
    const other = byId.get(outgoing ? e.target : e.source);
    if (!other || (!outgoing && e.target !== node.id)) continue;
    rows.push([
      e.kind ? `${e.type} (${e.kind})` : e.type,
      outgoing ? 'to' : 'from',
      other.name,
      other.id,
      other.label,
      e.start ?? '',
      e.end ?? '',
      e.sources.join('; '),
    ]);
  }
  const [head, ...body] = rows;
  body.sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]) || a[2].localeCompare(b[2]));
  return [head, ...body];
}

/** The CSV button of the related entities. */
export function relatedCsvButton(node: GraphNode, related: Subgraph): HTMLButtonElement {
  return csvButton({
    name: `Entities related to ${node.name}`,
    file: ['related', node.id],
    rows: () => relatedRows(node, related),
    notes: () => (related.truncated ? ['Only the first neighbours the API returned are listed.'] : []),
  });
}
