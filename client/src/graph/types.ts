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
  period?: { from?: string; to?: string };
  includeStates: boolean;
  includeConflicts: boolean;
}
