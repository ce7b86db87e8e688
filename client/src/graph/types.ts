/**
 * The shapes of the API's network data, as the view asks for them: the fragments of client/src/api/queries.ts,
 * typed from schema.graphql in client/src/api/generated.ts (`npm run codegen`).
 */
import type * as Api from '../api/generated';

/** The kind of an entity (the API's EntityLabel). */
export type EntityLabel = Api.EntityLabel;

/** A node of `network`, `neighbors`, `paths` or `search`. */
export type GraphNode = Api.NodeFieldsFragment;

/** A point on the map (`GraphNode.place`): WGS 84 degrees, what it stands for (`basis`), where it comes from. */
export type GeoPoint = Api.GeoPointFieldsFragment;

/** A relationship of `network`, `neighbors` or `paths`. */
export type GraphEdge = Api.EdgeFieldsFragment;

/** A set of nodes and the edges between them. */
export type Subgraph = Api.SubgraphFieldsFragment;

/** One path of the `paths` query. */
export type GraphPath = Api.PathsQuery['paths'][number];

/** The two modes of `network`. */
export type NetworkMode = Api.NetworkMode;

/** The API's NetworkFilter input as the view always sends it: the mode and both switches set. */
export type NetworkFilter = Omit<Api.NetworkFilter, 'mode' | 'includeStates' | 'includeConflicts'> & {
  mode: NetworkMode;
  includeStates: boolean;
  includeConflicts: boolean;
};
