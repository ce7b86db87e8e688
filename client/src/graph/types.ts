/** The shapes of the API's network data, as the view uses them (see the GraphQL types GraphNode, GraphEdge). */

export type EntityLabel = 'Organization' | 'Mission' | 'Conflict' | 'State' | 'Person';

/** A node of `network`, `neighbors`, `paths` or `search`. */
export interface GraphNode {
  id: string;
  label: EntityLabel;
  name: string;
  fullName: string | null;
  start: string | null;
  end: string | null;
  kinds: string[];
  organizations: string[];
  region: string | null;
  personnel: number | null;
  mspo: boolean;
  /** Where the map layout draws it (headquarters, capital, a conflict's place); null: no sourced coordinate. */
  place?: GeoPoint | null;
}

/** A point on the map (the API's GeoPoint): WGS 84 degrees, what it stands for, where it comes from. */
export interface GeoPoint {
  latitude: number;
  longitude: number;
  /** The city, or the places a mean is taken over. */
  label: string | null;
  basis: 'HEADQUARTERS' | 'HOST_CAPITALS' | 'CAPITAL' | 'LOCATION_CAPITALS' | 'MISSION_HEADQUARTERS';
  /** How many points it is the mean of (1: a place itself). */
  count: number;
  source: string | null;
}

/** A relationship of `network`, `neighbors` or `paths`. */
export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  type: string;
  kind: string | null;
  start: string | null;
  end: string | null;
  weight: number | null;
  months: number | null;
  sources: string[];
  /** The documents the relationships cite, as written (asked for by the edge panel only). */
  sourceRefs?: string[];
}

/** A set of nodes and the edges between them. */
export interface Subgraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  truncated: boolean;
}

/** One path of the `paths` query. */
export interface GraphPath {
  nodes: GraphNode[];
  edges: GraphEdge[];
  length: number;
  sentence: string;
}

/** The two modes of `network`. */
export type NetworkMode = 'FULL' | 'ORGANIZATIONS';

/** The API's NetworkFilter input. */
export interface NetworkFilter {
  mode: NetworkMode;
  organizations?: string[];
  missionKinds?: string[];
  regions?: string[];
  conflicts?: string[];
  /** Kinds of organization (global, regional, ..., ad_hoc_coalition, lead_state), one of which deploys each mission. */
  organizationKinds?: string[];
  /** Datasets (un-pko-list, bara-hultman, ...): only what they state. */
  sources?: string[];
  period?: { from?: string; to?: string };
  includeStates: boolean;
  includeConflicts: boolean;
}
