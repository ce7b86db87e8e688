/**
 * The view state: everything a shared link must reproduce (mode, filters, time, layout, selection, expanded and
 * hidden nodes, focus, path and comparison picks, renderer). It lives in the URL's query string; unknown or malformed
 * values fall back to the defaults, so that any link opens something.
 */
import { ORGANIZATION_KINDS, SOURCE_FILTERS } from './filters';
import { encodePathPeriod, parseBounded, parsePathPeriod, parsePathTypes, PATH_DEFAULTS } from './path-options';
import type { PathPeriod } from './path-options';
import { GROUP_BYS } from './grouping';
import type { GroupBy } from './grouping';
import { SIZE_MEASURES } from './measures';
import type { SizeMeasure } from './measures';
import type { Grain } from './time';
import { DATE_PATTERN } from './time';
import type { NetworkFilter, NetworkMode } from './types';

export const LAYOUTS = ['fcose', 'concentric', 'breadthfirst', 'grid', 'map'] as const;
export type LayoutName = (typeof LAYOUTS)[number];

export const TABS = ['details', 'path', 'shared', 'charts'] as const;
export type Tab = (typeof TABS)[number];

/** What the view shows and how. */
export interface ViewState {
  mode: NetworkMode;
  organizations: string[];
  missionKinds: string[];
  regions: string[];
  conflicts: string[];
  /** Kinds of organization (ORGANIZATION_KINDS), one of which deploys each mission; empty: any. */
  organizationKinds: string[];
  /** Datasets (SOURCE_FILTERS) whose statements alone are shown; empty: all. */
  sources: string[];
  /** Period filter; both null: all time. */
  from: string | null;
  to: string | null;
  includeStates: boolean;
  includeConflicts: boolean;
  /** Time slider position (`YYYY` or `YYYY-MM`); null: the whole period. */
  time: string | null;
  grain: Grain;
  layout: LayoutName;
  /** Boxes around the missions of each organization or region (the force layout only). */
  group: GroupBy;
  /** What node sizes show. */
  size: SizeMeasure;
  selected: string | null;
  /**
   * Expanded nodes, in order, each with the slider's time it was expanded at (`UNAMID@2008`; a bare id: no slider
   * time, the filter's period), so that a link asks each expansion for the period it was first asked for.
   */
  expanded: string[];
  /** Expanded nodes whose every contributor was added ("+ more"); the others show the largest first. */
  expandedAll: string[];
  hidden: string[];
  /** Focus mode: the node whose surroundings stay shown (null: no focus), how many steps out, and whether the rest is hidden rather than faded. */
  focus: string | null;
  focusDepth: number;
  focusHide: boolean;
  pathFrom: string | null;
  pathTo: string | null;
  compareA: string | null;
  compareB: string | null;
  /** Relationship types paths may cross (the rest are avoided); null: the API's default set. */
  pathTypes: string[] | null;
  /** Longest path, 1 to 6 steps. */
  pathHops: number;
  /** How many shortest paths, 1 to 10. */
  pathK: number;
  /** The paths' period: null follows the view (the slider, else the filter); 'all' or a fixed period. */
  pathPeriod: PathPeriod | null;
  webgl: boolean;
  tab: Tab;
}

/** The opening view: missions of the last 30 years with their organizations and conflicts. */
export function defaultState(now: Date = new Date()): ViewState {
  const year = now.getFullYear();
  return {
    mode: 'FULL',
    organizations: [],
    missionKinds: [],
    regions: [],
    conflicts: [],
    organizationKinds: [],
    sources: [],
    from: String(year - 29),
    to: String(year),
    includeStates: false,
    includeConflicts: true,
    time: null,
    grain: 'year',
    layout: 'fcose',
    group: 'organization',
    size: 'personnel',
    selected: null,
    expanded: [],
    expandedAll: [],
    hidden: [],
    focus: null,
    focusDepth: 1,
    focusHide: false,
    pathFrom: null,
    pathTo: null,
    compareA: null,
    compareB: null,
    pathTypes: null,
    pathHops: PATH_DEFAULTS.hops,
    pathK: PATH_DEFAULTS.k,
    pathPeriod: null,
    webgl: false,
    tab: 'charts',
  };
}

/** The whole shipped graph: every mission, organization, host state and conflict, all time. */
export function fullGraphState(now: Date = new Date()): ViewState {
  return { ...defaultState(now), from: null, to: null, includeStates: true, includeConflicts: true };
}

const ID_PATTERN = /^[\w.:-]{1,100}$/;
const LIST_MAX = 100;

function list(params: URLSearchParams, key: string, pattern: RegExp = ID_PATTERN): string[] {
  const raw = params.get(key);
  if (!raw) return [];
  return [
    ...new Set(
      raw
        .split(',')
        .map((s) => s.trim())
        .filter((s) => pattern.test(s)),
    ),
  ].slice(0, LIST_MAX);
}

/** An expansion as the link writes it: the node id, and `@` the slider's year or month when there was one. */
const EXPANSION_PATTERN = /^[\w.:-]{1,100}(@\d{4}(-(0[1-9]|1[0-2]))?)?$/;

/** The link's entry for an expansion of `id` made while the slider was at `time` (null: the filter's period). */
export function expansionEntry(id: string, time: string | null): string {
  return time ? `${id}@${time}` : id;
}

/** Reads an entry of `exp`: the node, and the slider's time it was expanded at (null: none). */
export function parseExpansion(entry: string): { id: string; time: string | null } {
  const at = entry.lastIndexOf('@');
  return at < 0 ? { id: entry, time: null } : { id: entry.slice(0, at), time: entry.slice(at + 1) };
}

function id(params: URLSearchParams, key: string): string | null {
  const v = params.get(key);
  return v && ID_PATTERN.test(v) ? v : null;
}

function date(v: string | null): string | null {
  return v && DATE_PATTERN.test(v) ? v : null;
}

function flag(params: URLSearchParams, key: string, fallback: boolean): boolean {
  const v = params.get(key);
  return v === '1' ? true : v === '0' ? false : fallback;
}

/** `value` when it is one of `choices`, else `fallback`. */
function oneOf<T extends string>(choices: readonly T[], value: string | null, fallback: T): T {
  return (choices as readonly string[]).includes(value ?? '') ? (value as T) : fallback;
}

/** Reads a view state from a query string; what is absent or invalid takes the default. */
export function decodeState(search: string, now: Date = new Date()): ViewState {
  const params = new URLSearchParams(search);
  const d = defaultState(now);
  const mode = params.get('mode');
  const layout = params.get('layout');
  const tab = params.get('tab');
  const grain = params.get('grain');
  const period = params.get('period');
  let from = d.from;
  let to = d.to;
  if (period === 'all') {
    from = null;
    to = null;
  } else if (period) {
    const [a, b] = period.split('..');
    from = date(a ?? null);
    to = date(b ?? null);
    if (from && to && from > to) [from, to] = [to, from];
  }
  const time = params.get('t');
  const t = time && /^\d{4}(-(0[1-9]|1[0-2]))?$/.test(time) ? time : null;
  return {
    mode: mode === 'ORGANIZATIONS' || mode === 'FULL' ? mode : d.mode,
    organizations: list(params, 'orgs'),
    missionKinds: list(params, 'kinds', /^[a-z_ ]{1,40}$/),
    regions: list(params, 'regions', /^[\p{L} .'-]{1,60}$/u),
    conflicts: list(params, 'conflicts'),
    organizationKinds: list(params, 'okinds').filter((k) => (ORGANIZATION_KINDS as readonly string[]).includes(k)),
    sources: list(params, 'src').filter((k) => (SOURCE_FILTERS as readonly string[]).includes(k)),
    from,
    to,
    includeStates: flag(params, 'states', d.includeStates),
    includeConflicts: flag(params, 'conf', d.includeConflicts),
    time: t,
    grain: grain === 'month' ? 'month' : t && t.length === 7 ? 'month' : 'year',
    layout: (LAYOUTS as readonly string[]).includes(layout ?? '') ? (layout as LayoutName) : d.layout,
    group: oneOf(GROUP_BYS, params.get('group'), d.group),
    size: oneOf(SIZE_MEASURES, params.get('size'), d.size),
    selected: id(params, 'sel'),
    expanded: list(params, 'exp', EXPANSION_PATTERN),
    expandedAll: list(params, 'expall'),
    hidden: list(params, 'hide'),
    focus: id(params, 'focus'),
    focusDepth: ['1', '2', '3'].includes(params.get('fdepth') ?? '') ? Number(params.get('fdepth')) : d.focusDepth,
    focusHide: flag(params, 'fhide', d.focusHide),
    pathFrom: id(params, 'from'),
    pathTo: id(params, 'to'),
    compareA: id(params, 'a'),
    compareB: id(params, 'b'),
    pathTypes: parsePathTypes(params.get('ptypes')),
    pathHops: parseBounded(params.get('phops'), 1, PATH_DEFAULTS.maxHops, d.pathHops),
    pathK: parseBounded(params.get('pk'), 1, PATH_DEFAULTS.maxK, d.pathK),
    pathPeriod: parsePathPeriod(params.get('pperiod')),
    webgl: flag(params, 'webgl', d.webgl),
    tab: (TABS as readonly string[]).includes(tab ?? '') ? (tab as Tab) : d.tab,
  };
}

/**
 * Writes a view state as a query string (without `?`). The period is always written, so that a link keeps
 * meaning the same years when opened later; other keys only when they differ from the defaults.
 */
export function encodeState(s: ViewState): string {
  const p = new URLSearchParams();
  const d = defaultState();
  if (s.mode !== d.mode) p.set('mode', s.mode);
  if (s.organizations.length) p.set('orgs', s.organizations.join(','));
  if (s.missionKinds.length) p.set('kinds', s.missionKinds.join(','));
  if (s.regions.length) p.set('regions', s.regions.join(','));
  if (s.conflicts.length) p.set('conflicts', s.conflicts.join(','));
  if (s.organizationKinds.length) p.set('okinds', s.organizationKinds.join(','));
  if (s.sources.length) p.set('src', s.sources.join(','));
  p.set('period', s.from || s.to ? `${s.from ?? ''}..${s.to ?? ''}` : 'all');
  if (s.includeStates !== d.includeStates) p.set('states', s.includeStates ? '1' : '0');
  if (s.includeConflicts !== d.includeConflicts) p.set('conf', s.includeConflicts ? '1' : '0');
  if (s.time) p.set('t', s.time);
  if (s.grain !== d.grain && !(s.time && s.time.length === 7)) p.set('grain', s.grain);
  if (s.layout !== d.layout) p.set('layout', s.layout);
  if (s.group !== d.group) p.set('group', s.group);
  if (s.size !== d.size) p.set('size', s.size);
  if (s.selected) p.set('sel', s.selected);
  if (s.expanded.length) p.set('exp', s.expanded.join(','));
  if (s.expandedAll.length) p.set('expall', s.expandedAll.join(','));
  if (s.hidden.length) p.set('hide', s.hidden.join(','));
  if (s.focus) p.set('focus', s.focus);
  if (s.focusDepth !== d.focusDepth) p.set('fdepth', String(s.focusDepth));
  if (s.focusHide) p.set('fhide', '1');
  if (s.pathFrom) p.set('from', s.pathFrom);
  if (s.pathTo) p.set('to', s.pathTo);
  if (s.compareA) p.set('a', s.compareA);
  if (s.compareB) p.set('b', s.compareB);
  if (s.pathTypes) p.set('ptypes', s.pathTypes.join(','));
  if (s.pathHops !== d.pathHops) p.set('phops', String(s.pathHops));
  if (s.pathK !== d.pathK) p.set('pk', String(s.pathK));
  const pathPeriod = encodePathPeriod(s.pathPeriod);
  if (pathPeriod) p.set('pperiod', pathPeriod);
  if (s.webgl) p.set('webgl', '1');
  if (s.tab !== d.tab) p.set('tab', s.tab);
  return p.toString().replace(/%2C/g, ',');
}

/** The API filter for a view state. */
export function toNetworkFilter(s: ViewState): NetworkFilter {
  const f: NetworkFilter = { mode: s.mode, includeStates: s.includeStates, includeConflicts: s.includeConflicts };
  if (s.organizations.length) f.organizations = [...s.organizations];
  if (s.missionKinds.length) f.missionKinds = [...s.missionKinds];
  if (s.regions.length) f.regions = [...s.regions];
  if (s.conflicts.length) f.conflicts = [...s.conflicts];
  if (s.organizationKinds.length) f.organizationKinds = [...s.organizationKinds];
  if (s.sources.length) f.sources = [...s.sources];
  if (s.from || s.to) {
    f.period = {};
    if (s.from) f.period.from = s.from;
    if (s.to) f.period.to = s.to;
  }
  return f;
}

/** Whether two states ask the API for the same network (so that a change needs no new request). */
export function sameNetwork(a: ViewState, b: ViewState): boolean {
  return JSON.stringify(toNetworkFilter(a)) === JSON.stringify(toNetworkFilter(b));
}
