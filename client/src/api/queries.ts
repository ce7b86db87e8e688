/**
 * Every GraphQL operation the view sends. Each document is tagged `/* GraphQL *\/` so that `npm run codegen`
 * reads it and types its answer and variables in generated.ts from schema.graphql; the types below name those
 * generated shapes for the rest of the client.
 */
import type { PathQuery } from '../graph/path-options';
import type { PeriodInput } from '../graph/period';
import type { Stats } from '../graph/stats';
import type { GraphPath, NetworkFilter, Subgraph } from '../graph/types';
import { gql } from './client';
import type * as Api from './generated';

/** A place of a node on the map (GeoPoint). */
const GEO_POINT_FIELDS = /* GraphQL */ `
  fragment GeoPointFields on GeoPoint {
    latitude
    longitude
    label
    basis
    count
    source
  }
`;

/** A post as the details panel lists it under a mission or an organization: who held it, and when. */
const POST_HOLDER_FIELDS = /* GraphQL */ `
  fragment PostHolderFields on Post {
    role
    start
    end
    person {
      id
      name
    }
  }
`;

/** What the view draws of a node. */
const NODE_FIELDS = /* GraphQL */ `
  fragment NodeFields on GraphNode {
    id
    label
    name
    fullName
    start
    end
    kinds
    organizations
    region
    personnel
    mspo
    place {
      ...GeoPointFields
    }
  }
  ${GEO_POINT_FIELDS}
`;

/** What the view draws of an edge. */
const EDGE_FIELDS = /* GraphQL */ `
  fragment EdgeFields on GraphEdge {
    id
    source
    target
    type
    kind
    start
    end
    weight
    months
    sources
  }
`;

/** A subgraph as the view draws it. */
const SUBGRAPH_FIELDS = /* GraphQL */ `
  fragment SubgraphFields on Subgraph {
    nodes {
      ...NodeFields
    }
    edges {
      ...EdgeFields
    }
    truncated
  }
  ${NODE_FIELDS}
  ${EDGE_FIELDS}
`;

/** The fields of an organization the filter and the details use. */
const ORGANIZATION_FIELDS = /* GraphQL */ `
  fragment OrganizationFields on Organization {
    id
    name
    acronym
    kind
    founded
    dissolved
    sources
  }
`;

/** An edge merged from all its relationships (any time), with the documents they cite (`sourceRefs`). */
export type EdgeRecord = NonNullable<Api.EdgeRecordQuery['neighbors']>['edges'][number];
/** A mission's personnel in one month (`Mission.personnelSeries`: summed over hosts, the most official source). */
export type PersonnelPoint = NonNullable<Api.SeriesQuery['mission']>['personnelSeries'][number];
/** A full-text search hit. */
export type SearchHit = Api.SearchQuery['search'][number];
/** An organization for the filter and the details. */
export type OrganizationItem = Api.OrganizationFieldsFragment;
/** A state's personnel in a mission (`Mission.contributors`): null where a source names it without a figure. */
export type Contribution = NonNullable<Api.ContributorsQuery['mission']>['contributors'][number];
/** What `sharedPersonnel` returns. */
export type SharedPersonnel = NonNullable<Api.SharedQuery['sharedPersonnel']>;
/** One period of the server's MSPO rule: the missions that were part of an MSPO then. */
export type MspoPeriod = Api.MspoPeriodsQuery['mspoShare']['periods'][number];

/** A reference to another entity. */
export interface Ref {
  id: string;
  name: string;
}

type KeysOfUnion<T> = T extends unknown ? keyof T : never;
type ValueInUnion<T, K extends PropertyKey> = T extends unknown ? (K extends keyof T ? T[K] : never) : never;
/** A union of object types as one object: the keys all members share are required, the others optional. */
type Merged<T> = { [K in keyof T]: ValueInUnion<T, K> } & {
  [K in Exclude<KeysOfUnion<T>, keyof T>]?: ValueInUnion<T, K>;
};

/**
 * What `node(id)` returns for the details panel, one object for every entity type: `__typename` (Mission,
 * Organization, State, Conflict or Person), id, name and sources, and the fields of its type (others undefined).
 */
export type NodeDetails = Merged<
  Exclude<NonNullable<Api.NodeDetailsQuery['node']>, { orgAcronym?: unknown }> | OrganizationDetails
>;
/** The Organization member of `node` with `orgAcronym` named `acronym` again (see fetchNodeDetails). */
type OrganizationDetails = Omit<
  Extract<NonNullable<Api.NodeDetailsQuery['node']>, { orgAcronym?: unknown }>,
  'orgAcronym'
> & { acronym: string | null };

const NETWORK = /* GraphQL */ `
  query Network($filter: NetworkFilter) {
    network(filter: $filter) {
      ...SubgraphFields
    }
  }
  ${SUBGRAPH_FIELDS}
`;

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
  const d = await gql<Api.NetworkQuery, Api.NetworkQueryVariables>(NETWORK, { filter }, signal);
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

const FACETS = /* GraphQL */ `
  query Facets {
    network(filter: { mode: FULL, includeStates: false, includeConflicts: true }) {
      nodes {
        ...NodeFields
      }
      edges {
        id
        source
        target
        type
      }
      truncated
    }
  }
  ${NODE_FIELDS}
`;

/** Nodes only of the whole graph, for the filter choices (organizations, regions, conflicts). */
export async function fetchFacetData(signal?: AbortSignal): Promise<Subgraph> {
  const d = await gql<Api.FacetsQuery, Api.FacetsQueryVariables>(FACETS, {}, signal);
  return {
    ...d.network,
    edges: d.network.edges.map((e) => ({
      ...e,
      kind: null,
      start: null,
      end: null,
      weight: null,
      months: null,
      sources: [],
    })),
  };
}

const NEIGHBORS = /* GraphQL */ `
  query Neighbors($id: ID!, $limit: Int, $period: PeriodInput) {
    neighbors(id: $id, depth: 1, limit: $limit, period: $period) {
      ...SubgraphFields
    }
  }
  ${SUBGRAPH_FIELDS}
`;

/**
 * The neighbours of a node in the view's period (relationships and MSPO flags of that period, as the network's);
 * null when the id is unknown.
 */
export async function fetchNeighbors(
  id: string,
  limit: number,
  period: { from: string | null; to: string | null } | null,
  signal?: AbortSignal,
): Promise<Subgraph | null> {
  const activeIn = period && (period.from || period.to) ? { from: period.from, to: period.to } : null;
  const d = await gql<Api.NeighborsQuery, Api.NeighborsQueryVariables>(
    NEIGHBORS,
    { id, limit, period: activeIn },
    signal,
  );
  return d.neighbors ?? null;
}

const PATHS = /* GraphQL */ `
  query Paths($from: ID!, $to: ID!, $k: Int, $maxHops: Int, $types: [RelationshipType!], $period: PeriodInput) {
    paths(from: $from, to: $to, k: $k, maxHops: $maxHops, types: $types, period: $period) {
      length
      sentence
      nodes {
        ...NodeFields
      }
      edges {
        ...EdgeFields
      }
    }
  }
  ${NODE_FIELDS}
  ${EDGE_FIELDS}
`;

/**
 * The k shortest paths between two nodes within `maxHops` steps, only through relationships of `types` (null: the
 * API's default set) active in `activeIn` (null: any time).
 */
export async function fetchPaths(from: string, to: string, q: PathQuery, signal?: AbortSignal): Promise<GraphPath[]> {
  const types = q.types as Api.RelationshipType[] | null;
  const d = await gql<Api.PathsQuery, Api.PathsQueryVariables>(
    PATHS,
    { from, to, k: q.k, maxHops: q.maxHops, types, period: q.period },
    signal,
  );
  return d.paths;
}

const EDGE_RECORD = /* GraphQL */ `
  query EdgeRecord($id: ID!, $types: [RelationshipType!]) {
    neighbors(id: $id, depth: 1, limit: 1000, types: $types) {
      edges {
        ...EdgeFields
        sourceRefs
      }
    }
  }
  ${EDGE_FIELDS}
`;

/**
 * One edge as the API merges it from all its relationships (any time), with the documents they cite: found among
 * the edges of that type around `anchor` (one of its ends); null when it is not there.
 */
export async function fetchEdgeRecord(
  anchor: string,
  type: string,
  edgeId: string,
  signal?: AbortSignal,
): Promise<EdgeRecord | null> {
  const types = [type] as Api.RelationshipType[];
  const d = await gql<Api.EdgeRecordQuery, Api.EdgeRecordQueryVariables>(EDGE_RECORD, { id: anchor, types }, signal);
  return d.neighbors?.edges.find((e) => e.id === edgeId) ?? null;
}

const SERIES = /* GraphQL */ `
  query Series($id: ID!) {
    mission(id: $id) {
      personnelSeries {
        month
        total
        source
      }
    }
  }
`;

/** A mission's monthly personnel; null when the id is not a mission. */
export async function fetchPersonnelSeries(id: string, signal?: AbortSignal): Promise<PersonnelPoint[] | null> {
  const d = await gql<Api.SeriesQuery, Api.SeriesQueryVariables>(SERIES, { id }, signal);
  return d.mission?.personnelSeries ?? null;
}

const SEARCH = /* GraphQL */ `
  query Search($text: String!, $first: Int) {
    search(text: $text, first: $first) {
      score
      node {
        ...NodeFields
      }
    }
  }
  ${NODE_FIELDS}
`;

/** Full-text search over names, acronyms and aliases. */
export async function fetchSearch(text: string, first: number, signal?: AbortSignal): Promise<SearchHit[]> {
  const d = await gql<Api.SearchQuery, Api.SearchQueryVariables>(SEARCH, { text, first }, signal);
  return d.search;
}

const ORGANIZATIONS = /* GraphQL */ `
  query Orgs($after: String) {
    organizations(first: 50, after: $after) {
      items {
        ...OrganizationFields
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
  ${ORGANIZATION_FIELDS}
`;

/** Every organization, 50 a page (the API's complexity limit makes larger pages of this selection too costly). */
export async function fetchOrganizations(signal?: AbortSignal): Promise<OrganizationItem[]> {
  const out: OrganizationItem[] = [];
  let after: string | null = null;
  for (let page = 0; page < 20; page++) {
    const d: Api.OrgsQuery = await gql<Api.OrgsQuery, Api.OrgsQueryVariables>(ORGANIZATIONS, { after }, signal);
    out.push(...d.organizations.items);
    if (!d.organizations.pageInfo.hasNextPage || !d.organizations.pageInfo.endCursor) break;
    after = d.organizations.pageInfo.endCursor;
  }
  return out;
}

const ORGANIZATION = /* GraphQL */ `
  query Org($id: ID!) {
    organization(id: $id) {
      ...OrganizationFields
    }
  }
  ${ORGANIZATION_FIELDS}
`;

/** One organization's record. */
export async function fetchOrganization(id: string, signal?: AbortSignal): Promise<OrganizationItem | null> {
  const d = await gql<Api.OrgQuery, Api.OrgQueryVariables>(ORGANIZATION, { id }, signal);
  return d.organization ?? null;
}

const NODE_DETAILS = /* GraphQL */ `
  query NodeDetails($id: ID!) {
    node(id: $id) {
      __typename
      id
      name
      sources
      ... on Mission {
        acronym
        start
        end
        kinds
        mandates
        aliases
        sourceRef
        organizations {
          id
          name
        }
        hosts {
          id
          name
        }
        conflicts {
          id
          name
        }
        personnelByYear {
          year
          personnel
          sources
        }
        cooperations {
          kind
          start
          end
          description
          sourceRef
          other {
            id
            name
          }
        }
        people {
          ...PostHolderFields
        }
      }
      ... on Organization {
        orgAcronym: acronym
        kind
        founded
        dissolved
        aliases
        sourceRef
        people {
          ...PostHolderFields
        }
      }
      ... on State {
        region
        aliases
      }
      ... on Conflict {
        type
        sideA
        sideB
        location
        start
      }
      ... on Person {
        nationality
        sourceRef
        posts {
          role
          start
          end
          mission {
            id
            name
          }
          organization {
            id
            name
          }
        }
      }
    }
  }
  ${POST_HOLDER_FIELDS}
`;

/** Any entity by id, with what the details panel shows. */
export async function fetchNodeDetails(id: string, signal?: AbortSignal): Promise<NodeDetails | null> {
  const d = await gql<Api.NodeDetailsQuery, Api.NodeDetailsQueryVariables>(NODE_DETAILS, { id }, signal);
  const node = d.node;
  if (!node) return null;
  // Mission.acronym is non-null and Organization.acronym nullable, so GraphQL needs them under two names.
  if (node.__typename !== 'Organization') return node;
  const { orgAcronym, ...rest } = node;
  return { ...rest, acronym: orgAcronym ?? null };
}

const CONTRIBUTORS = /* GraphQL */ `
  query Contributors($id: ID!, $period: PeriodInput) {
    mission(id: $id) {
      contributors(period: $period) {
        state {
          id
          name
        }
        personnel
        sources
      }
    }
  }
`;

/**
 * The states with personnel in a mission, largest first: the peak monthly figure in `between` (every month on
 * record when null); null when the id is not a mission.
 */
export async function fetchContributors(
  id: string,
  between: { from: string | null; to: string | null } | null,
  signal?: AbortSignal,
): Promise<Contribution[] | null> {
  const d = await gql<Api.ContributorsQuery, Api.ContributorsQueryVariables>(
    CONTRIBUTORS,
    { id, period: between },
    signal,
  );
  return d.mission?.contributors ?? null;
}

const SHARED = /* GraphQL */ `
  query Shared($a: ID!, $b: ID!, $period: PeriodInput) {
    sharedPersonnel(a: $a, b: $b, period: $period) {
      a {
        id
        name
      }
      b {
        id
        name
      }
      states {
        state {
          id
          name
        }
        a
        b
      }
      jaccard
      cosine
      contributorsA
      contributorsB
      contributorsWithFigureA
      contributorsWithFigureB
      people {
        id
        name
      }
      sources
      period
    }
  }
`;

/**
 * The states (and people) two missions or organizations share; with `between`, a state's figure is its peak
 * monthly personnel in that period (the month's figure for one month), and only states present then count.
 */
export async function fetchSharedPersonnel(
  a: string,
  b: string,
  between: PeriodInput | null = null,
  signal?: AbortSignal,
): Promise<SharedPersonnel | null> {
  const d = await gql<Api.SharedQuery, Api.SharedQueryVariables>(SHARED, { a, b, period: between }, signal);
  return d.sharedPersonnel ?? null;
}

const STATS = /* GraphQL */ `
  query Stats($period: PeriodInput, $organization: ID) {
    stats(period: $period, organization: $organization) {
      universe {
        description
      }
      mspoDefinition
      years {
        year
        missionsActive
        personnel
        mspoShare
        missionsWithPersonnel
        personnelSources
      }
      organizations {
        organization {
          id
          name
        }
        years {
          year
          missionsActive
          personnel
        }
      }
    }
  }
`;

/** Yearly figures, overall and per organization (or for one organization). */
export async function fetchStats(
  from: number,
  to: number | null,
  organization: string | null,
  signal?: AbortSignal,
): Promise<Stats> {
  const period = { from: String(from), to: to === null ? null : String(to) };
  const d = await gql<Api.StatsQuery, Api.StatsQueryVariables>(STATS, { period, organization }, signal);
  return d.stats;
}

const MSPO_PERIODS = /* GraphQL */ `
  query MspoPeriods($period: PeriodInput!, $granularity: AnalysisGranularity) {
    mspoShare(period: $period, granularity: $granularity) {
      periods {
        period
        mspoMissionIds
      }
    }
  }
`;

/** The server's MSPO missions per year or month (`mspoShare` with its defaults, the field's rule). */
export async function fetchMspoPeriods(
  from: string,
  to: string,
  granularity: Api.AnalysisGranularity,
  signal?: AbortSignal,
): Promise<MspoPeriod[]> {
  const d = await gql<Api.MspoPeriodsQuery, Api.MspoPeriodsQueryVariables>(
    MSPO_PERIODS,
    { period: { from, to }, granularity },
    signal,
  );
  return d.mspoShare.periods;
}
