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

/** A table of the panel with its CSV button: `name` is its data-table name, `file` the parts of the file name. */
interface DetailsTable {
  name: string;
  caption: string;
  heads: string[];
  file: readonly (string | null | undefined)[];
  /** Text columns (left-aligned), as opposed to figures. */
  text?: boolean;
}

function detailsTable(spec: DetailsTable, rows: readonly HTMLElement[][]): HTMLElement {
  const table = h(
    'table',
    { class: spec.text ? 'data text' : 'data', 'data-table': spec.name },
    h('caption', { text: spec.caption }),
    headRow(...spec.heads),
    h('tbody', {}, ...rows.map((cells) => h('tr', {}, ...cells))),
  );
  return exportable(table, { file: spec.file });
}

/**
 * The states with personnel in a mission: the figure is the peak monthly personnel in the window (the month's
 * figure for a month); a state its sources name without a figure shows "present" and is written empty.
 */
export function contributorsTable(node: GraphNode, c: MissionContributors, focus: (id: string) => void): HTMLElement {
  const when = c.window ?? 'all months on record';
  const measure =
    c.window && /^\d{4}-\d{2}$/.test(c.window) ? `Personnel, ${c.window}` : `Peak monthly personnel, ${when}`;
  return detailsTable(
    {
      name: 'contributors',
      caption: `States contributing to ${node.name} (${when})`,
      heads: ['State', measure, 'Sources'],
      file: ['contributors', node.id, c.window],
    },
    c.list.map((x) => [
      h('td', { 'data-value': x.state.name }, focusButton(x.state, focus)),
      h('td', {
        'data-value': x.personnel === null ? '' : String(x.personnel),
        title: x.personnel === null ? 'named by a source without a figure' : undefined,
        text: x.personnel === null ? 'present' : fmt(x.personnel),
      }),
      h('td', { text: x.sources.join('; ') }),
    ]),
  );
}

/** The mission's recorded cooperation with other missions. */
export function cooperationTable(
  node: GraphNode,
  list: NonNullable<NodeDetails['cooperations']>,
  focus: (id: string) => void,
): HTMLElement {
  return detailsTable(
    {
      name: 'cooperation',
      caption: `Cooperation of ${node.name}`,
      heads: ['Kind', 'With', 'Start', 'End', 'Source'],
      file: ['cooperation', node.id],
      text: true,
    },
    list.map((c) => [
      h('td', { text: c.kind }),
      h('td', { 'data-value': c.other.name }, focusButton(c.other, focus)),
      ...dates(c.start, c.end),
      h('td', {}, c.sourceRef ? linkified(c.sourceRef) : ''),
    ]),
  );
}

/** The people who held a post in the mission or organization. */
export function peopleTable(
  node: GraphNode,
  list: NonNullable<NodeDetails['people']>,
  focus: (id: string) => void,
): HTMLElement {
  return detailsTable(
    {
      name: 'people',
      caption: `People of ${node.name}`,
      heads: ['Person', 'Role', 'Start', 'End'],
      file: ['people', node.id],
      text: true,
    },
    list.map((p) => [
      h('td', { 'data-value': p.person.name }, focusButton(p.person, focus)),
      h('td', { text: p.role }),
      ...dates(p.start, p.end),
    ]),
  );
}

/** A person's posts. */
export function postsTable(
  node: GraphNode,
  list: NonNullable<NodeDetails['posts']>,
  focus: (id: string) => void,
): HTMLElement {
  return detailsTable(
    {
      name: 'posts',
      caption: `Posts of ${node.name}`,
      heads: ['Role', 'Start', 'End', 'Mission or organization'],
      file: ['posts', node.id],
      text: true,
    },
    list.map((p) => {
      const where = p.mission ?? p.organization;
      return [
        h('td', { text: p.role }),
        ...dates(p.start, p.end),
        h('td', { 'data-value': where?.name ?? '' }, where ? focusButton(where, focus) : ''),
      ];
    }),
  );
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
