/** Every GraphQL operation the view sends, with the shape of its answer. */
import type { PathQuery } from '../graph/path-options';
import type { PeriodInput } from '../graph/period';
import type { GraphEdge, GraphNode, GraphPath, NetworkFilter, Subgraph } from '../graph/types';
import type { Stats } from '../graph/stats';
import { gql } from './client';

const NODE_FIELDS = 'id label name fullName start end kinds organizations region personnel mspo place { latitude longitude label basis count source }';
const EDGE_FIELDS = 'id source target type kind start end weight months sources';
const SUBGRAPH = `nodes { ${NODE_FIELDS} } edges { ${EDGE_FIELDS} } truncated`;

/** The network for a filter (the answer of prefetchNetwork when it asked for the same filter, once). */
export async function fetchNetwork(filter: NetworkFilter, signal?: AbortSignal): Promise<Subgraph> {
  const early = prefetched;
  prefetched = null;
  if (early?.key === JSON.stringify(filter)) {
    try {
      return await early.answer;
    } catch {
      // Asked again below, so that the error the view shows is that of its own request.
    }
  }
  const d = await gql<{ network: Subgraph }>(`query Network($filter: NetworkFilter) { network(filter: $filter) { ${SUBGRAPH} } }`, { filter }, signal);
  return d.network;
}

/** The network request that the entry point (main.ts) sends before the rest of the view's code has loaded. */
let prefetched: { key: string; answer: Promise<Subgraph> } | null = null;

/** Asks for the network of `filter` now; the next fetchNetwork of the same filter takes the answer. */
export function prefetchNetwork(filter: NetworkFilter): void {
  prefetched = null;
  const answer = fetchNetwork(filter);
  answer.catch(() => undefined);
  prefetched = { key: JSON.stringify(filter), answer };
}

/** Nodes only of the whole graph, for the filter choices (organizations, regions, conflicts). */
export async function fetchFacetData(signal?: AbortSignal): Promise<Subgraph> {
  const d = await gql<{ network: Subgraph }>(
    `query Facets { network(filter: { mode: FULL, includeStates: false, includeConflicts: true }) { nodes { ${NODE_FIELDS} } edges { id source target type } truncated } }`,
    {},
    signal,
  );
  return { ...d.network, edges: d.network.edges.map((e) => ({ ...e, kind: null, start: null, end: null, weight: null, months: null, sources: [] })) };
}

/**
 * The neighbours of a node in the view's period (relationships and MSPO flags of that period, as the network's);
 * null when the id is unknown.
 */
export async function fetchNeighbors(id: string, limit: number, period: { from: string | null; to: string | null } | null, signal?: AbortSignal): Promise<Subgraph | null> {
  const activeIn = period && (period.from || period.to) ? { from: period.from, to: period.to } : null;
  const d = await gql<{ neighbors: Subgraph | null }>(
    `query Neighbors($id: ID!, $limit: Int, $period: PeriodInput) { neighbors(id: $id, depth: 1, limit: $limit, period: $period) { ${SUBGRAPH} } }`,
    { id, limit, period: activeIn },
    signal,
  );
  return d.neighbors;
}

/**
 * The k shortest paths between two nodes within `maxHops` steps, only through relationships of `types` (null: the
 * API's default set) active in `activeIn` (null: any time).
 */
export async function fetchPaths(from: string, to: string, q: PathQuery, signal?: AbortSignal): Promise<GraphPath[]> {
  const d = await gql<{ paths: GraphPath[] }>(
    `query Paths($from: ID!, $to: ID!, $k: Int, $maxHops: Int, $types: [RelationshipType!], $period: PeriodInput) { paths(from: $from, to: $to, k: $k, maxHops: $maxHops, types: $types, period: $period) { length sentence nodes { ${NODE_FIELDS} } edges { ${EDGE_FIELDS} } } }`,
    { from, to, k: q.k, maxHops: q.maxHops, types: q.types, period: q.period },
    signal,
  );
  return d.paths;
}

/**
 * One edge as the API merges it from all its relationships (any time), with the documents they cite: found among
 * the edges of that type around `anchor` (one of its ends); null when it is not there.
 */
export async function fetchEdgeRecord(anchor: string, type: string, edgeId: string, signal?: AbortSignal): Promise<GraphEdge | null> {
  const d = await gql<{ neighbors: { edges: GraphEdge[] } | null }>(
    `query EdgeRecord($id: ID!, $types: [RelationshipType!]) { neighbors(id: $id, depth: 1, limit: 1000, types: $types) { edges { ${EDGE_FIELDS} sourceRefs } } }`,
    { id: anchor, types: [type] },
    signal,
  );
  return d.neighbors?.edges.find((e) => e.id === edgeId) ?? null;
}

/** A mission's personnel in one month (`Mission.personnelSeries`: summed over hosts, the most official source). */
export interface PersonnelPoint {
  month: string;
  total: number | null;
  source: string;
}

/** A mission's monthly personnel; null when the id is not a mission. */
export async function fetchPersonnelSeries(id: string, signal?: AbortSignal): Promise<PersonnelPoint[] | null> {
  const d = await gql<{ mission: { personnelSeries: PersonnelPoint[] } | null }>(`query Series($id: ID!) { mission(id: $id) { personnelSeries { month total source } } }`, { id }, signal);
  return d.mission?.personnelSeries ?? null;
}

/** A full-text search hit. */
export interface SearchHit {
  score: number;
  node: GraphNode;
}

/** Full-text search over names, acronyms and aliases. */
export async function fetchSearch(text: string, first: number, signal?: AbortSignal): Promise<SearchHit[]> {
  const d = await gql<{ search: SearchHit[] }>(`query Search($text: String!, $first: Int) { search(text: $text, first: $first) { score node { ${NODE_FIELDS} } } }`, { text, first }, signal);
  return d.search;
}

/** Organizations for the filter, by id. */
export interface OrganizationItem {
  id: string;
  name: string;
  acronym: string | null;
  kind: string | null;
  founded: string | null;
  dissolved: string | null;
  sources: string[];
}

/** Every organization, 50 a page (the API's complexity limit makes larger pages of this selection too costly). */
export async function fetchOrganizations(signal?: AbortSignal): Promise<OrganizationItem[]> {
  const out: OrganizationItem[] = [];
  let after: string | null = null;
  for (let page = 0; page < 20; page++) {
    const d: { organizations: { items: OrganizationItem[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } = await gql(
      `query Orgs($after: String) { organizations(first: 50, after: $after) { items { id name acronym kind founded dissolved sources } pageInfo { hasNextPage endCursor } } }`,
      { after },
      signal,
    );
    out.push(...d.organizations.items);
    if (!d.organizations.pageInfo.hasNextPage || !d.organizations.pageInfo.endCursor) break;
    after = d.organizations.pageInfo.endCursor;
  }
  return out;
}

/** One organization's record (available before `node` exists on the server). */
export async function fetchOrganization(id: string, signal?: AbortSignal): Promise<OrganizationItem | null> {
  const d = await gql<{ organization: OrganizationItem | null }>(`query Org($id: ID!) { organization(id: $id) { id name acronym kind founded dissolved sources } }`, { id }, signal);
  return d.organization;
}

/** A reference to another entity. */
export interface Ref {
  id: string;
  name: string;
}

/** What `node(id)` returns for the details panel (fields per entity type; absent ones are undefined). */
export interface NodeDetails {
  /** Mission, Organization, State, Conflict or Person. */
  __typename: string;
  id: string;
  name: string;
  sources: string[];
  acronym?: string | null;
  /** Organization.acronym, fetched under another name (see fetchNodeDetails). */
  orgAcronym?: string | null;
  start?: string | null;
  end?: string | null;
  kinds?: string[];
  mandates?: string[];
  aliases?: string[];
  sourceRef?: string | null;
  organizations?: Ref[];
  hosts?: Ref[];
  conflicts?: Ref[];
  personnelByYear?: { year: number; personnel: number | null; sources: string[] }[];
  cooperations?: { kind: string; start: string | null; end: string | null; description: string | null; sourceRef: string | null; other: Ref }[];
  people?: { role: string; start: string | null; end: string | null; person: Ref }[];
  kind?: string | null;
  founded?: string | null;
  dissolved?: string | null;
  region?: string | null;
  type?: string | null;
  sideA?: string | null;
  sideB?: string | null;
  location?: string | null;
  nationality?: string | null;
  posts?: { role: string; start: string | null; end: string | null; mission: Ref | null; organization: Ref | null }[];
}

/** Any entity by id, with what the details panel shows. */
export async function fetchNodeDetails(id: string, signal?: AbortSignal): Promise<NodeDetails | null> {
  const d = await gql<{ node: NodeDetails | null }>(
    `query NodeDetails($id: ID!) {
      node(id: $id) {
        __typename id name sources
        ... on Mission {
          acronym start end kinds mandates aliases sourceRef
          organizations { id name } hosts { id name } conflicts { id name }
          personnelByYear { year personnel sources }
          cooperations { kind start end description sourceRef other { id name } }
          people { role start end person { id name } }
        }
        ... on Organization { orgAcronym: acronym kind founded dissolved aliases sourceRef people { role start end person { id name } } }
        ... on State { region aliases }
        ... on Conflict { type sideA sideB location start }
        ... on Person { nationality sourceRef posts { role start end mission { id name } organization { id name } } }
      }
    }`,
    { id },
    signal,
  );
  const node = d.node;
  // Mission.acronym is non-null and Organization.acronym nullable, so GraphQL needs them under two names.
  if (node && node.acronym === undefined) node.acronym = node.orgAcronym ?? null;
  return node;
}

/** A state's personnel in a mission (`Mission.contributors`): null where a source names it without a figure. */
export interface Contribution {
  state: Ref;
  personnel: number | null;
  sources: string[];
}

/**
 * The states with personnel in a mission, largest first: the peak monthly figure in `between` (every month on
 * record when null); null when the id is not a mission.
 */
export async function fetchContributors(id: string, between: { from: string | null; to: string | null } | null, signal?: AbortSignal): Promise<Contribution[] | null> {
  const d = await gql<{ mission: { contributors: Contribution[] } | null }>(
    `query Contributors($id: ID!, $period: PeriodInput) { mission(id: $id) { contributors(period: $period) { state { id name } personnel sources } } }`,
    { id, period: between },
    signal,
  );
  return d.mission?.contributors ?? null;
}

/** What `sharedPersonnel` returns. */
export interface SharedPersonnel {
  a: Ref;
  b: Ref;
  states: { state: Ref; a: number | null; b: number | null }[];
  jaccard: number;
  cosine: number | null;
  contributorsA: number;
  contributorsB: number;
  contributorsWithFigureA: number;
  contributorsWithFigureB: number;
  people: Ref[];
  sources: string[];
  period: string | null;
}

/**
 * The states (and people) two missions or organizations share; with `between`, a state's figure is its peak
 * monthly personnel in that period (the month's figure for one month), and only states present then count.
 */
export async function fetchSharedPersonnel(a: string, b: string, between: PeriodInput | null = null, signal?: AbortSignal): Promise<SharedPersonnel | null> {
  const d = await gql<{ sharedPersonnel: SharedPersonnel | null }>(
    `query Shared($a: ID!, $b: ID!, $period: PeriodInput) { sharedPersonnel(a: $a, b: $b, period: $period) { a { id name } b { id name } states { state { id name } a b } jaccard cosine contributorsA contributorsB contributorsWithFigureA contributorsWithFigureB people { id name } sources period } }`,
    { a, b, period: between },
    signal,
  );
  return d.sharedPersonnel;
}

/** Yearly figures, overall and per organization (or for one organization). */
export async function fetchStats(from: number, to: number | null, organization: string | null, signal?: AbortSignal): Promise<Stats> {
  const d = await gql<{ stats: Stats }>(
    `query Stats($period: PeriodInput, $organization: ID) { stats(period: $period, organization: $organization) { universe { description } mspoDefinition years { year missionsActive personnel mspoShare missionsWithPersonnel personnelSources } organizations { organization { id name } years { year missionsActive personnel } } } }`,
    { period: { from: String(from), to: to === null ? null : String(to) }, organization },
    signal,
  );
  return d.stats;
}

/** Which optional queries the server offers (null: unknown, introspection is off). */
export interface Capabilities {
  node: boolean | null;
  sharedPersonnel: boolean | null;
  stats: boolean | null;
}

/** Asks the schema which of the newer queries exist; all unknown when introspection is disabled. */
export async function fetchCapabilities(signal?: AbortSignal): Promise<Capabilities> {
  try {
    const d = await gql<{ __schema: { queryType: { fields: { name: string }[] } } }>(`query Caps { __schema { queryType { fields { name } } } }`, {}, signal);
    const names = new Set(d.__schema.queryType.fields.map((f) => f.name));
    return { node: names.has('node'), sharedPersonnel: names.has('sharedPersonnel'), stats: names.has('stats') };
  } catch {
    return { node: null, sharedPersonnel: null, stats: null };
  }
}

/** One period of the server's MSPO rule: the missions that were part of an MSPO then. */
export interface MspoPeriod {
  period: string;
  mspoMissionIds: string[];
}

/** The server's MSPO missions per year or month (`mspoShare` with its defaults, the field's rule). */
export async function fetchMspoPeriods(from: string, to: string, granularity: 'YEAR' | 'MONTH', signal?: AbortSignal): Promise<MspoPeriod[]> {
  const d = await gql<{ mspoShare: { periods: MspoPeriod[] } }>(
    `query MspoPeriods($period: PeriodInput!, $granularity: AnalysisGranularity) { mspoShare(period: $period, granularity: $granularity) { periods { period mspoMissionIds } } }`,
    { period: { from, to }, granularity },
    signal,
  );
  return d.mspoShare.periods;
}
