/** The details panel: properties, sources, personnel over time, related entities and actions for one node. */
import type { NodeDetails, OrganizationItem } from '../api/queries';
import type { GraphNode, Subgraph } from '../graph/types';
import { lineChart } from './charts';
import type { Chart } from './charts';
import { clear, fmt, h, linkified } from './dom';
import { sourceTitle } from './sources';

/** What the panel shows; `undefined` parts are still loading, `null` ones are absent. */
export interface DetailsInput {
  node: GraphNode;
  inView: boolean;
  details: NodeDetails | null | undefined;
  /** Why `details` is missing (the server lacks `node`, or it failed). */
  detailsProblem: HTMLElement | null;
  organization: OrganizationItem | null | undefined;
  /** Sources of the node's relationships in view. */
  edgeSources: string[];
  related: Subgraph | null | undefined;
  relatedProblem: HTMLElement | null;
  /** Organization personnel per year (from `stats`), when the node is an organization. */
  orgPersonnel: { years: number[]; values: (number | null)[] } | null | undefined;
  orgPersonnelProblem: string | null;
}

/** What the panel's buttons do. */
export interface DetailsActions {
  focus(id: string): void;
  expand(id: string): void;
  hide(id: string): void;
  pathFrom(id: string): void;
  pathTo(id: string): void;
  compare(id: string, slot: 'a' | 'b'): void;
  close(): void;
}

const LABEL_NAMES: Record<string, string> = { Organization: 'Organization', Mission: 'Mission', Conflict: 'Conflict', State: 'State', Person: 'Person' };

function row(th: string, value: string | Node | null | undefined): HTMLElement | null {
  if (value === null || value === undefined || value === '') return null;
  return h('tr', {}, h('th', { scope: 'row', text: th }), h('td', {}, value));
}

function refList(refs: { id: string; name: string }[] | undefined, actions: DetailsActions): HTMLElement | null {
  if (!refs?.length) return null;
  const span = h('span');
  refs.forEach((r, i) => {
    if (i) span.append(', ');
    span.append(h('button', { type: 'button', class: 'linklike', text: r.name, 'data-focus': r.id, on: { click: () => actions.focus(r.id) } }));
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
    h('p', {}, h('span', { class: 'badge', text: LABEL_NAMES[n.label] ?? n.label }), n.mspo ? h('span', { class: 'badge mspo', text: 'MSPO' }) : null, n.fullName && n.fullName !== n.name ? n.fullName : null),
  );

  const actionsEl = h(
    'div',
    { class: 'actions', role: 'group', 'aria-label': 'Actions' },
    h('button', { type: 'button', text: 'Expand neighbours', on: { click: () => actions.expand(n.id) } }),
    h('button', { type: 'button', text: d.inView ? 'Hide' : 'Hidden', disabled: !d.inView, on: { click: () => actions.hide(n.id) } }),
    h('button', { type: 'button', text: 'Path from here', on: { click: () => actions.pathFrom(n.id) } }),
    h('button', { type: 'button', text: 'Path to here', on: { click: () => actions.pathTo(n.id) } }),
  );
  if (n.label === 'Mission' || n.label === 'Organization') {
    actionsEl.append(
      h('button', { type: 'button', text: 'Compare as A', on: { click: () => actions.compare(n.id, 'a') } }),
      h('button', { type: 'button', text: 'Compare as B', on: { click: () => actions.compare(n.id, 'b') } }),
    );
  }
  actionsEl.append(h('button', { type: 'button', text: 'Close', 'aria-label': 'Close details', on: { click: () => actions.close() } }));
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
    row(n.label === 'Organization' ? 'Dissolved' : 'End', det?.end ?? det?.dissolved ?? org?.dissolved ?? n.end ?? (n.label === 'Mission' ? 'ongoing' : null)),
    row(n.label === 'Mission' ? 'Kinds' : 'Kind', (kinds.length ? kinds.join(', ') : null) ?? det?.kind ?? org?.kind),
    row('Organizations', refList(det?.organizations, actions) ?? (n.label === 'Mission' && n.organizations.length ? n.organizations.join(', ') : null)),
    row('Hosts', refList(det?.hosts, actions)),
    row('Conflicts', refList(det?.conflicts, actions)),
    row('Region', det?.region ?? n.region),
    row('Largest monthly personnel', n.personnel !== null ? fmt(n.personnel) : null),
    row('Mandates', det?.mandates?.length ? det.mandates.join(', ') : null),
    row('Also known as', det?.aliases?.length ? det.aliases.join('; ') : null),
    row('Conflict type', det?.type),
    row('Side A', det?.sideA),
    row('Side B', det?.sideB),
    row('Location', det?.location),
    row('Nationality', det?.nationality),
    row('MSPO in the period', n.label === 'Mission' ? (n.mspo ? 'yes' : 'no') : null),
  ]) {
    if (r) tbody.append(r);
  }
  panel.append(table);
  if (d.details === undefined && !d.detailsProblem) panel.append(h('p', { class: 'hint', text: 'Loading details…' }));
  if (d.detailsProblem) panel.append(d.detailsProblem);

  // Personnel over time.
  const series = det?.personnelByYear ?? [];
  if (series.some((p) => p.personnel !== null)) {
    const sources = [...new Set(series.flatMap((p) => p.sources))].sort();
    chart = lineChart(panel, {
      title: `Personnel of ${n.name} per year (mean monthly strength; gaps: no figure; sources: ${sources.join(', ')})`,
      xs: series.map((p) => p.year),
      lines: [{ label: 'personnel', colour: '#0b6bcb', values: series.map((p) => p.personnel) }],
      height: 150,
    });
    chart.element.setAttribute('data-chart', 'node-personnel');
  } else if (d.orgPersonnel && d.orgPersonnel.years.length > 1) {
    chart = lineChart(panel, {
      title: `Personnel in ${n.name}'s missions per year`,
      xs: d.orgPersonnel.years,
      lines: [{ label: 'personnel', colour: '#0b6bcb', values: d.orgPersonnel.values }],
      height: 150,
    });
    chart.element.setAttribute('data-chart', 'node-personnel');
  } else if (n.label === 'Mission' && det && series.length <= 1) {
    panel.append(h('p', { class: 'hint', text: 'No monthly personnel figures recorded for this mission.' }));
  } else if (d.orgPersonnelProblem && n.label === 'Organization') {
    panel.append(h('p', { class: 'notice', text: d.orgPersonnelProblem }));
  }

  // Cooperation and people (from `node`).
  if (det?.cooperations?.length) {
    panel.append(h('h3', { text: 'Cooperation' }));
    const ul = h('ul', { class: 'related' });
    for (const c of det.cooperations) {
      ul.append(
        h(
          'li',
          {},
          `${c.kind} with `,
          h('button', { type: 'button', text: c.other.name, on: { click: () => actions.focus(c.other.id) } }),
          c.start ? ` (${c.start}${c.end && c.end !== c.start ? `–${c.end}` : ''})` : '',
          c.sourceRef ? h('span', { class: 'hint' }, ' — ', linkified(c.sourceRef)) : null,
        ),
      );
    }
    panel.append(ul);
  }
  const posts = det?.people ?? [];
  if (posts.length) {
    panel.append(h('h3', { text: 'People' }));
    const ul = h('ul', { class: 'related' });
    for (const p of posts) ul.append(h('li', {}, h('button', { type: 'button', text: p.person.name, on: { click: () => actions.focus(p.person.id) } }), `, ${p.role}${p.start ? ` (${p.start}–${p.end ?? ''})` : ''}`));
    panel.append(ul);
  }
  if (det?.posts?.length) {
    panel.append(h('h3', { text: 'Posts' }));
    const ul = h('ul', { class: 'related' });
    for (const p of det.posts) {
      const where = p.mission ?? p.organization;
      ul.append(h('li', {}, `${p.role}${p.start ? ` (${p.start}–${p.end ?? ''})` : ''}, `, where ? h('button', { type: 'button', text: where.name, on: { click: () => actions.focus(where.id) } }) : ''));
    }
    panel.append(ul);
  }

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
  if (d.relatedProblem) panel.append(d.relatedProblem);
  else if (d.related === undefined) panel.append(h('p', { class: 'hint', text: 'Loading related entities…' }));
  else if (!d.related || d.related.edges.length === 0) panel.append(h('p', { class: 'hint', text: 'Nothing related.' }));
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
    const wrap = h('div', { class: 'related-groups', 'aria-label': 'Related entities' });
    for (const [key, nodes] of [...groups.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
      const ul = h('ul', { class: 'related' });
      for (const x of nodes.slice(0, 40)) ul.append(h('li', {}, h('button', { type: 'button', text: x.name, 'data-focus': x.id, title: x.fullName ?? x.name, on: { click: () => actions.focus(x.id) } })));
      if (nodes.length > 40) ul.append(h('li', { class: 'hint', text: `and ${nodes.length - 40} more (expand to see them)` }));
      wrap.append(h('h4', { text: `${key} (${nodes.length})` }), ul);
    }
    if (d.related.truncated) wrap.append(h('p', { class: 'hint', text: 'Only the first neighbours are listed.' }));
    panel.append(wrap);
  }
}
