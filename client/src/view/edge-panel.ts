/**
 * The edge panel: what a clicked edge states, in the details area. Its type and kind, its dates with their
 * precision as the source gives them, its figure with what it is (and, for a contribution, the figure of the view's
 * period), the import sources and the documents they cite (links), and its two ends, which open their details.
 * Esc or Close closes it.
 */
import type { Core, EdgeSingular } from 'cytoscape';
import { fetchContributors, fetchEdgeRecord } from '../api/queries';
import type { Contribution } from '../api/queries';
import type { EdgeData } from '../graph/elements';
import { RELATIONSHIP_TYPES } from '../graph/path-options';
import { datePrecision, viewPeriod } from '../graph/period';
import type { ViewPeriod } from '../graph/period';
import { edgeLook } from '../graph/style';
import { isActive, spanOf } from '../graph/time';
import type { Tab } from '../graph/view-state';
import { byId, clear, fmt, h, linkified } from '../ui/dom';
import { describeError, isAbort } from '../ui/feedback';
import { sourceTitle } from '../ui/sources';
import type { ViewStore } from './store';

/** What the edge panel needs from the rest of the view. */
export interface EdgePanelDeps {
  store: ViewStore;
  cy(): Core | null;
  selectTab(tab: Tab, record: boolean): void;
  /** Opens an end's details. */
  openDetails(id: string): void;
  /** Clears the node selection and the details area. */
  closeDetails(): void;
}

/** What is known of the edge beyond the graph's data, filled as the API answers (undefined: loading). */
interface EdgeExtras {
  /** The documents its relationships cite; null: could not be asked. */
  refs: string[] | null | undefined;
  refsProblem: string | null;
  /** A contribution's figure in the view's period. */
  contribution: Contribution | null | undefined;
  contributionProblem: string | null;
  period: ViewPeriod;
}

const PRECISION_WORDS = { year: 'to the year', month: 'to the month', day: 'to the day' } as const;

/** "2004-06 (to the month, as the source gives it)". */
export function dateWithPrecision(d: string | null): string | null {
  if (!d) return null;
  const p = datePrecision(d);
  return p ? `${d} (${PRECISION_WORDS[p]}, as the source gives it)` : d;
}

/** Which end to ask the API about: the one with the fewest relationships of a type, by its label. */
function anchorOf(e: EdgeSingular): string {
  const rank = (label: string): number => ['Mission', 'Person', 'Conflict', 'State', 'Organization'].indexOf(label);
  const s = e.source();
  const t = e.target();
  return rank(String(s.data('label'))) <= rank(String(t.data('label'))) ? s.id() : t.id();
}

/** Opens, draws and closes the explanation of one edge at a time. */
export class EdgePanel {
  private openId: string | null = null;
  private abort: AbortController | null = null;
  private followTimer: number | undefined;

  constructor(private readonly deps: EdgePanelDeps) {
    // Esc closes the edge panel, after what is above it (an open drawer takes Esc in the capture phase; a menu or
    // the help closes first) and before the view's shortcuts (registered later), so that the same Esc does not
    // also leave the focus mode. Not while typing in a field.
    document.addEventListener('keydown', (ev) => {
      if (ev.key !== 'Escape' || ev.defaultPrevented || !this.isShown()) return;
      const t = ev.target as HTMLElement | null;
      if (t && (t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA')) return;
      if (document.querySelector('details.menu[open]') || document.querySelector('dialog[open]')) return;
      ev.preventDefault();
      ev.stopImmediatePropagation();
      this.close();
    });
  }

  /** Whether the details area shows an edge now (a node's details replace it). */
  isShown(): boolean {
    return this.openId !== null && document.querySelector('#panel-details #edge-title') !== null;
  }

  /** Opens the explanation of edge `id` (an edge in view). */
  open(id: string): void {
    const cy = this.deps.cy();
    const edge = cy?.getElementById(id);
    if (!cy || !edge || edge.empty() || !edge.isEdge()) return;
    this.abort?.abort();
    const controller = new AbortController();
    this.abort = controller;
    this.deps.closeDetails();
    this.deps.selectTab('details', true);
    cy.$(':selected').unselect();
    edge.select();
    this.openId = id;
    const d = edge.data() as EdgeData;
    const extras: EdgeExtras = {
      refs: RELATIONSHIP_TYPES.includes(d.type as (typeof RELATIONSHIP_TYPES)[number]) ? undefined : null,
      refsProblem: null,
      contribution: d.type === 'CONTRIBUTED_TO' ? undefined : null,
      contributionProblem: null,
      period: viewPeriod(this.deps.store.state),
    };
    const render = (): void => {
      if (!controller.signal.aborted && this.openId === id) this.render(edge, extras);
    };
    render();
    if (extras.refs === undefined) {
      fetchEdgeRecord(anchorOf(edge), d.type, id, controller.signal).then(
        (record) => {
          extras.refs = record?.sourceRefs ?? [];
          render();
        },
        (err: unknown) => {
          if (isAbort(err)) return;
          extras.refs = null;
          extras.refsProblem = `The documents cited could not be loaded: ${describeError(err).message}`;
          render();
        },
      );
    }
    if (extras.contribution === undefined) {
      const p = extras.period;
      fetchContributors(d.target, p.from || p.to ? { from: p.from, to: p.to } : null, controller.signal).then(
        (list) => {
          extras.contribution = list?.find((c) => c.state.id === d.source) ?? null;
          render();
        },
        (err: unknown) => {
          if (isAbort(err)) return;
          extras.contribution = null;
          extras.contributionProblem = `The figure for ${p.label} could not be loaded: ${describeError(err).message}`;
          render();
        },
      );
    }
  }

  /** The view's period changed: an open contribution is explained again for the new period once the slider rests. */
  periodChanged(): void {
    window.clearTimeout(this.followTimer);
    const id = this.openId;
    if (!id || !this.isShown()) return;
    this.followTimer = window.setTimeout(() => {
      if (this.openId === id && this.isShown()) this.open(id);
    }, 500);
  }

  /** Closes the explanation (the details area shows its hint again). */
  close(): void {
    this.abort?.abort();
    window.clearTimeout(this.followTimer);
    const id = this.openId;
    this.openId = null;
    if (id) this.deps.cy()?.getElementById(id).unselect();
    this.deps.closeDetails();
  }

  private render(edge: EdgeSingular, x: EdgeExtras): void {
    const d = edge.data() as EdgeData;
    const panel = byId('panel-details');
    clear(panel);
    const source = edge.source();
    const target = edge.target();
    const end = (n: typeof source): HTMLElement =>
      h('button', {
        type: 'button',
        class: 'linklike',
        'data-focus': n.id(),
        text: String(n.data('name')),
        title: `Open the details of ${String(n.data('name'))}`,
        on: { click: () => this.deps.openDetails(n.id()) },
      });
    const look = edgeLook(d.type);
    panel.append(
      h('h2', {
        class: 'panel-title',
        id: 'edge-title',
        'data-edge-id': d.id,
        text: d.kind ? `${d.type} (${d.kind})` : d.type,
      }),
      h('p', {}, h('span', { class: 'badge', text: 'Relationship' }), look.meaning),
      h('p', { class: 'edge-ends' }, end(source), ` ${look.arrow ? '→' : '—'} `, end(target)),
      h(
        'div',
        { class: 'actions', role: 'group', 'aria-label': 'Actions' },
        h('button', {
          type: 'button',
          text: 'Close',
          'aria-label': 'Close the edge',
          on: { click: () => this.close() },
        }),
      ),
    );
    const rows: [string, string | Node | null][] = [
      ['Type', d.type],
      ['Kind', d.kind ?? 'none stated'],
      ['From', end(source)],
      ['To', end(target)],
      ['Start', dateWithPrecision(d.start) ?? 'none on record'],
      ['End', dateWithPrecision(d.end) ?? (d.start ? 'none on record (ongoing, or not stated)' : 'none on record')],
      ['Period', this.periodNote(edge)],
      ...this.figureRows(d, x),
    ];
    const body = h('tbody');
    for (const [th, value] of rows)
      if (value !== null) body.append(h('tr', {}, h('th', { scope: 'row', text: th }), h('td', {}, value)));
    panel.append(h('table', { class: 'props', id: 'edge-props', 'aria-label': 'Relationship' }, body));

    panel.append(h('h3', { text: 'Sources' }));
    const list = h('ul', { class: 'sources', id: 'edge-sources', 'aria-label': 'Sources' });
    for (const s of d.sources)
      list.append(h('li', { title: s, 'data-source': s }, h('code', { text: s }), ` — ${sourceTitle(s)}`));
    if (!d.sources.length)
      list.append(
        h('li', {
          class: 'hint',
          text:
            d.type === 'CO_DEPLOYED' || d.type === 'COOPERATED'
              ? 'Derived by the API from the missions it links; see their sources.'
              : 'No source recorded.',
        }),
      );
    panel.append(list);
    if (x.refs === undefined) panel.append(h('p', { class: 'hint', text: 'Loading the documents cited…' }));
    else if (x.refsProblem) panel.append(h('p', { class: 'notice', text: x.refsProblem }));
    else if (x.refs?.length) {
      panel.append(h('h4', { text: 'Documents cited' }));
      const refs = h('ul', { class: 'sources', id: 'edge-refs', 'aria-label': 'Documents cited' });
      for (const r of x.refs) refs.append(h('li', {}, linkified(r)));
      panel.append(refs);
    } else if (x.refs)
      panel.append(
        h('p', { class: 'hint', id: 'edge-refs-none', text: 'The sources cite no document for this relationship.' }),
      );
  }

  /** When the relationship holds, and whether it did at the slider's time. */
  private periodNote(edge: EdgeSingular): string | null {
    const d = edge.data() as EdgeData;
    const time = this.deps.store.state.time;
    let own: string;
    let start = d.start;
    let end = d.end;
    if (d.start || d.end) own = 'its own dates';
    else {
      const mission = [edge.source(), edge.target()].find((n) => n.data('label') === 'Mission');
      if (!mission)
        return d.type === 'CO_DEPLOYED'
          ? 'while the two organizations’ missions overlapped in the same conflicts'
          : 'no dates on record';
      start = (mission.data('start') as string | null) ?? null;
      end = (mission.data('end') as string | null) ?? null;
      own = `no dates of its own: it counts as active while ${String(mission.data('name'))} is (${start ?? '?'} – ${end ?? 'ongoing'})`;
    }
    if (!time) return own;
    return `${own}; ${isActive(start, end, spanOf(time)) ? 'active' : 'not active'} in ${time} (the slider’s time)`;
  }

  /** The edge's figure, saying what it is; for a contribution, also the figure of the view's period. */
  private figureRows(d: EdgeData, x: EdgeExtras): [string, string | null][] {
    if (d.type === 'CO_DEPLOYED') {
      return [
        [
          'Shared conflicts',
          d.weight === null
            ? null
            : `${fmt(d.weight)} (conflicts in which both organizations had missions at the same time)`,
        ],
        [
          'Overlapping months',
          d.months === null
            ? null
            : `${fmt(d.months)} (months the two organizations’ missions overlapped, summed over mission pairs)`,
        ],
      ];
    }
    if (d.type === 'COOPERATED')
      return [
        ['Cooperations', d.weight === null ? null : `${fmt(d.weight)} recorded cooperations between their missions`],
      ];
    if (d.type !== 'CONTRIBUTED_TO')
      return d.weight === null ? [] : [['Personnel', `${fmt(d.weight)} (largest figure its records state)`]];
    const p = x.period;
    const measure =
      p.from && p.from === p.to && p.from.length === 7
        ? `Personnel, ${p.label}`
        : `Peak monthly personnel, ${p.from || p.to ? p.label : 'all months on record'}`;
    const c = x.contribution;
    const inPeriod =
      c === undefined
        ? 'loading…'
        : x.contributionProblem
          ? x.contributionProblem
          : !c
            ? `no record of personnel in ${p.label}`
            : c.personnel === null
              ? `present, no figure given (sources: ${c.sources.join('; ') || 'none named'})`
              : `${fmt(c.personnel)} (sources: ${c.sources.join('; ')})`;
    return [
      [
        'Largest figure on the edge',
        d.weight === null
          ? 'none: the sources name the state without a figure'
          : `${fmt(d.weight)} (the largest monthly figure, or yearly average where a source gives only those, among the records in view)`,
      ],
      [measure, inPeriod],
    ];
  }
}
