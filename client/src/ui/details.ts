/** The details panel: properties, sources, personnel over time, related entities and actions for one node. */
import type { NodeDetails, OrganizationItem } from '../api/queries';
import { peakText } from '../graph/figures';
import type { Peak } from '../graph/figures';
import type { ViewPeriod } from '../graph/period';
import type { GraphNode, Subgraph } from '../graph/types';
import { lineChart } from './charts';
import type { Chart } from './charts';
import { clear, fmt, h, linkified } from './dom';
import { contributorsTable, cooperationTable, peopleTable, postsTable, relatedCsvButton } from './details-tables';
import type { MissionContributors } from './details-tables';
import { sourceTitle } from './sources';
import { exportable } from './table-export';

/** What the panel shows; `undefined` parts are still loading, `null` ones are absent. */
export interface DetailsInput {
  node: GraphNode;
  inView: boolean;
  details: NodeDetails | null | undefined;
  /** Why `details` is missing (its request failed). */
  detailsProblem: HTMLElement | null;
  organization: OrganizationItem | null | undefined;
  /** Sources of the node's relationships in view. */
  edgeSources: string[];
  related: Subgraph | null | undefined;
  relatedProblem: HTMLElement | null;
  /** Organization personnel per year (from `stats`), when the node is an organization. */
  orgPersonnel: { years: number[]; values: (number | null)[] } | null | undefined;
  orgPersonnelProblem: string | null;
  /** A mission's contributing states in the view's period (undefined: loading; null: not a mission or failed). */
  contributors?: MissionContributors | null;
  contributorsProblem?: HTMLElement | null;
  /** The period the view asks for (the slider's, else the filter's): the period-dependent figures are of it. */
  period?: ViewPeriod;
  /** The network's period filter in words (the MSPO flag is of it). */
  networkPeriod?: string;
  /** A mission's peak monthly personnel with its month and source, over all months and in `period`. */
  peaks?: { all: Peak | null; inPeriod: Peak | null } | null;
}

/** "Personnel, 2008-03" for a month, else "Peak monthly personnel, 2008". */
function periodMeasure(p: ViewPeriod): string {
  return p.from && p.from === p.to && p.from.length === 7
    ? `Personnel, ${p.label}`
    : `Peak monthly personnel, ${p.label}`;
}

/** What the panel's buttons do. */
export interface DetailsActions {
  focus(id: string): void;
  expand(id: string): void;
  hide(id: string): void;
  pathFrom(id: string): void;
  pathTo(id: string): void;
  compare(id: string, slot: 'a' | 'b'): void;
  /** Focus mode on the node: its surroundings stay, the rest fades. */
  focusOn(id: string): void;
  close(): void;
}

const LABEL_NAMES: Record<string, string> = {
  Organization: 'Organization',
  Mission: 'Mission',
  Conflict: 'Conflict',
  State: 'State',
  Person: 'Person',
};

/** A row of the properties table; `raw` is the value written to CSV where the cell shows it formatted. */
function row(th: string, value: string | Node | null | undefined, raw?: string): HTMLElement | null {
  if (value === null || value === undefined || value === '') return null;
  return h('tr', {}, h('th', { scope: 'row', text: th }), h('td', { 'data-value': raw }, value));
}

function refList(refs: { id: string; name: string }[] | undefined, actions: DetailsActions): HTMLElement | null {
  if (!refs?.length) return null;
  const span = h('span');
  refs.forEach((r, i) => {
    if (i) span.append(', ');
    span.append(
      h('button', {
        type: 'button',
        class: 'linklike',
        text: r.name,
        'data-focus': r.id,
        on: { click: () => actions.focus(r.id) },
      }),
    );
  });
  return span;
}

let chart: Chart | null = null;

/** Renders the panel (again) from scratch; the previous chart is destroyed. */
export function renderDetails(panel: HTMLElement, d: DetailsInput, actions: DetailsActions): void {
  chart?.destroy();
  chart = null;
  clear(panel);
  const n = d.node;
  const det = d.details ?? null;
  panel.append(
    h('h2', { class: 'panel-title', id: 'details-title', text: n.name, 'data-node-id': n.id }),
    h(
      'p',
      {},
      h('span', { class: 'badge', text: LABEL_NAMES[n.label] ?? n.label }),
      n.mspo ? h('span', { class: 'badge mspo', text: 'MSPO' }) : null,
      n.fullName && n.fullName !== n.name ? n.fullName : null,
    ),
  );

  const actionsEl = h(
    'div',
    { class: 'actions', role: 'group', 'aria-label': 'Actions' },
    h('button', { type: 'button', text: 'Expand neighbours', on: { click: () => actions.expand(n.id) } }),
    h('button', {
      type: 'button',
      text: 'Focus',
      'data-action': 'focus-mode',
      title: 'Keep this node’s surroundings and fade the rest (f)',
      disabled: !d.inView,
      on: { click: () => actions.focusOn(n.id) },
    }),
    h('button', {
      type: 'button',
      text: d.inView ? 'Hide' : 'Hidden',
      disabled: !d.inView,
      on: { click: () => actions.hide(n.id) },
    }),
    h('button', { type: 'button', text: 'Path from here', on: { click: () => actions.pathFrom(n.id) } }),
    h('button', { type: 'button', text: 'Path to here', on: { click: () => actions.pathTo(n.id) } }),
  );
  if (n.label === 'Mission' || n.label === 'Organization') {
    actionsEl.append(
      h('button', { type: 'button', text: 'Compare as A', on: { click: () => actions.compare(n.id, 'a') } }),
      h('button', { type: 'button', text: 'Compare as B', on: { click: () => actions.compare(n.id, 'b') } }),
    );
  }
  actionsEl.append(
    h('button', { type: 'button', text: 'Close', 'aria-label': 'Close details', on: { click: () => actions.close() } }),
  );
  panel.append(actionsEl);

  const org = d.organization ?? null;
  const kinds = det?.kinds ?? n.kinds;
  const table = h('table', { class: 'props', 'aria-label': 'Properties' });
  const tbody = h('tbody');
  table.append(tbody);
  for (const r of [
    row('Id', n.id),
    row('Full name', det?.name ?? org?.name ?? n.fullName),
    row('Acronym', det?.acronym ?? org?.acronym),
    row(n.label === 'Organization' ? 'Founded' : 'Start', det?.start ?? det?.founded ?? org?.founded ?? n.start),
    row(
      n.label === 'Organization' ? 'Dissolved' : 'End',
      det?.end ?? det?.dissolved ?? org?.dissolved ?? n.end ?? (n.label === 'Mission' ? 'ongoing' : null),
    ),
    row(n.label === 'Mission' ? 'Kinds' : 'Kind', (kinds.length ? kinds.join(', ') : null) ?? det?.kind ?? org?.kind),
    row(
      'Organizations',
      refList(det?.organizations, actions) ??
        (n.label === 'Mission' && n.organizations.length ? n.organizations.join(', ') : null),
    ),
    row('Hosts', refList(det?.hosts, actions)),
    row('Conflicts', refList(det?.conflicts, actions)),
    row('Region', det?.region ?? n.region),
    row(
      'Peak monthly personnel, all months on record',
      d.peaks?.all
        ? peakText(d.peaks.all)
        : n.personnel !== null
          ? `${fmt(n.personnel)}${d.peaks === undefined ? ' (month and source: loading…)' : ''}`
          : null,
      d.peaks?.all ? String(d.peaks.all.value) : n.personnel !== null ? String(n.personnel) : undefined,
    ),
    d.period && (d.period.from || d.period.to) && d.peaks !== undefined && d.peaks !== null
      ? row(
          periodMeasure(d.period),
          d.peaks.inPeriod ? peakText(d.peaks.inPeriod) : 'no figure in this period',
          d.peaks.inPeriod ? String(d.peaks.inPeriod.value) : '',
        )
      : null,
    row('Mandates', det?.mandates?.length ? det.mandates.join(', ') : null),
    row('Also known as', det?.aliases?.length ? det.aliases.join('; ') : null),
    row('Conflict type', det?.type),
    row('Side A', det?.sideA),
    row('Side B', det?.sideB),
    row('Location', det?.location),
    row('Nationality', det?.nationality),
    row(
      `Part of an MSPO in ${d.networkPeriod ?? 'the period'}`,
      n.label === 'Mission' ? (n.mspo ? 'yes' : 'no') : null,
    ),
  ]) {
    if (r) tbody.append(r);
  }
  panel.append(exportable(table, { file: ['properties', n.id], header: ['Property', 'Value'] }));
  if (d.details === undefined && !d.detailsProblem) panel.append(h('p', { class: 'hint', text: 'Loading details…' }));
  if (d.detailsProblem) panel.append(d.detailsProblem);

  // Personnel over time, with a line at the slider's year.
  const marker = d.period?.origin === 'slider' && d.period.from ? Number(d.period.from.slice(0, 4)) : null;
  const markerNote = marker !== null ? `; line: ${marker}, the slider’s year` : '';
  const series = det?.personnelByYear ?? [];
  if (series.some((p) => p.personnel !== null)) {
    const sources = [...new Set(series.flatMap((p) => p.sources))].sort();
    chart = lineChart(panel, {
      title: `Personnel of ${n.name} per year (mean monthly strength; gaps: no figure; sources: ${sources.join(', ')}${markerNote})`,
      xs: series.map((p) => p.year),
      lines: [{ label: 'personnel', colour: '#0b6bcb', values: series.map((p) => p.personnel) }],
      height: 150,
      marker,
      sources: series.map((p) => p.sources),
      file: ['personnel', n.id],
    });
    chart.element.setAttribute('data-chart', 'node-personnel');
  } else if (d.orgPersonnel && d.orgPersonnel.years.length > 1) {
    chart = lineChart(panel, {
      title: `Personnel in ${n.name}'s missions per year (average monthly total, from the API's stats${markerNote})`,
      xs: d.orgPersonnel.years,
      lines: [{ label: 'personnel', colour: '#0b6bcb', values: d.orgPersonnel.values }],
      height: 150,
      marker,
      file: ['personnel', n.id],
    });
    chart.element.setAttribute('data-chart', 'node-personnel');
  } else if (n.label === 'Mission' && det && series.length <= 1) {
    panel.append(h('p', { class: 'hint', text: 'No monthly personnel figures recorded for this mission.' }));
  } else if (d.orgPersonnelProblem && n.label === 'Organization') {
    panel.append(h('p', { class: 'notice', text: d.orgPersonnelProblem }));
  }

  // Contributing states (from `Mission.contributors`), cooperation and people (from `node`).
  if (n.label === 'Mission' && d.contributors)
    panel.append(
      h('h3', { text: 'Contributing states' }),
      d.contributors.list.length
        ? contributorsTable(n, d.contributors, (id) => actions.focus(id))
        : h('p', { class: 'hint', text: 'No contributing state on record for this period.' }),
    );
  if (d.contributorsProblem) panel.append(d.contributorsProblem);
  if (det?.cooperations?.length)
    panel.append(
      h('h3', { text: 'Cooperation' }),
      cooperationTable(n, det.cooperations, (id) => actions.focus(id)),
    );
  const posts = det?.people ?? [];
  if (posts.length)
    panel.append(
      h('h3', { text: 'People' }),
      peopleTable(n, posts, (id) => actions.focus(id)),
    );
  if (det?.posts?.length)
    panel.append(
      h('h3', { text: 'Posts' }),
      postsTable(n, det.posts, (id) => actions.focus(id)),
    );

  // Sources.
  const sources = [...new Set([...(det?.sources ?? []), ...(org?.sources ?? []), ...d.edgeSources])];
  const refs = [det?.sourceRef].filter((s): s is string => Boolean(s));
  if (sources.length || refs.length) {
    panel.append(h('h3', { text: 'Sources' }));
    const ul = h('ul', { class: 'sources', 'aria-label': 'Sources' });
    for (const r of refs) ul.append(h('li', {}, linkified(r)));
    for (const s of sources) ul.append(h('li', { title: s }, h('code', { text: s }), ` — ${sourceTitle(s)}`));
    panel.append(ul);
  }

  // Related entities (from `neighbors`).
  panel.append(h('h3', { text: 'Related' }));
  if (d.period)
    panel.append(
      h('p', {
        class: 'hint',
        'data-related-period': d.period.label,
        text:
          d.period.from || d.period.to ? `Relationships active in ${d.period.label}.` : 'Relationships of any time.',
      }),
    );
  if (d.relatedProblem) panel.append(d.relatedProblem);
  else if (d.related === undefined) panel.append(h('p', { class: 'hint', text: 'Loading related entities…' }));
  else if (!d.related || d.related.edges.length === 0)
    panel.append(h('p', { class: 'hint', text: 'Nothing related.' }));
  else {
    const byId = new Map(d.related.nodes.map((x) => [x.id, x]));
    const groups = new Map<string, GraphNode[]>();
    for (const e of d.related.edges) {
      const otherId = e.source === n.id ? e.target : e.target === n.id ? e.source : null;
      const other = otherId ? byId.get(otherId) : undefined;
      if (!other) continue;
      const key = e.source === n.id ? `${e.type} →` : `← ${e.type}`;
      const list = groups.get(key) ?? [];
      if (!list.some((x) => x.id === other.id)) list.push(other);
      groups.set(key, list);
    }
    const wrap = h(
      'div',
      { class: 'related-groups', 'aria-label': 'Related entities' },
      h('div', { class: 'table-export-bar' }, relatedCsvButton(n, d.related)),
    );
    for (const [key, nodes] of [...groups.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
      const ul = h('ul', { class: 'related' });
      for (const x of nodes.slice(0, 40))
        ul.append(
          h(
            'li',
            {},
            h('button', {
              type: 'button',
              text: x.name,
              'data-focus': x.id,
              title: x.fullName ?? x.name,
              on: { click: () => actions.focus(x.id) },
            }),
          ),
        );
      if (nodes.length > 40)
        ul.append(h('li', { class: 'hint', text: `and ${nodes.length - 40} more (expand to see them)` }));
      wrap.append(h('h4', { text: `${key} (${nodes.length})` }), ul);
    }
    if (d.related.truncated) wrap.append(h('p', { class: 'hint', text: 'Only the first neighbours are listed.' }));
    panel.append(wrap);
  }
}
