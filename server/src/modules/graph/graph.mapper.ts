import type { GeoPoint } from '../common/geo.type';
import { NODE_FIELD_NAMES } from './graph.cypher';
import type { EntityLabel, GraphEdge, GraphNode } from './graph.type';

/** A node as NODE_PROJECTION returns it. */
export interface RawNode {
  id: string;
  label: string;
  name: string;
  fullName: string | null;
  start: string | null;
  end: string | null;
  kinds: string[];
  orgs: { id: string; lead: boolean }[];
  region: string | null;
  personnel: number | null;
  mspo?: boolean;
  /** Where the map draws it (NODE_PLACE); absent in projections that do not read it. */
  place?: GeoPoint | null;
}

/** A node as NODE_ROW returns it: the values of RawNode in the order of NODE_FIELD_NAMES. */
export type NodeRow = unknown[];

/** The node a NODE_ROW list holds. */
export function rawNodeOfRow(row: NodeRow): RawNode {
  const node: Record<string, unknown> = {};
  for (let i = 0; i < NODE_FIELD_NAMES.length; i += 1) node[NODE_FIELD_NAMES[i] as string] = row[i];
  return node as unknown as RawNode;
}

/** A relationship as EDGE_PROJECTION returns it. */
export interface RawEdge {
  source: string;
  target: string;
  type: string;
  kind: string | null;
  start: string | null;
  end: string | null;
  weight: number | null;
  src: string | null;
  /** The document the relationship cites (curated rows), as written. */
  ref?: string | null;
}

/** Time-series relationship types: all of a pair's relationships become one edge. */
export const SERIES_EDGE_TYPES: ReadonlySet<string> = new Set(['CONTRIBUTED_TO', 'PERSONNEL_IN', 'PARTY_TO']);
const SERIES = SERIES_EDGE_TYPES;

/** An edge already merged by the database (EDGE_AGGREGATE in graph.cypher.ts): its sources and cited documents listed. */
export type AggregatedEdge = Omit<RawEdge, 'src' | 'ref'> & { sources: (string | null)[]; refs?: (string | null)[] };

export function toGraphNode(raw: RawNode): GraphNode {
  const orgs = [...raw.orgs].sort((a, b) => Number(b.lead) - Number(a.lead) || a.id.localeCompare(b.id));
  return {
    id: raw.id,
    label: raw.label as EntityLabel,
    name: raw.name,
    fullName: raw.fullName,
    start: raw.start,
    end: raw.end,
    kinds: raw.kinds ?? [],
    organizations: [...new Set(orgs.map((o) => o.id))],
    region: raw.region,
    place: raw.place ?? null,
    personnel: raw.personnel,
    mspo: raw.mspo ?? false,
  };
}

/** Nodes by id, first occurrence kept. */
export function uniqueNodes(raws: RawNode[]): GraphNode[] {
  const byId = new Map<string, GraphNode>();
  for (const r of raws) if (r && !byId.has(r.id)) byId.set(r.id, toGraphNode(r));
  return [...byId.values()];
}

/** The id of the edge a relationship belongs to. */
export function edgeId(e: RawEdge): string {
  return SERIES.has(e.type) ? `${e.type}:${e.source}>${e.target}` : `${e.type}:${e.source}>${e.target}:${e.kind ?? ''}`;
}

/** An edge merged by the database, with the id mergeEdges would give it and its sources in order. */
export function toGraphEdge(e: AggregatedEdge): GraphEdge {
  const sources = e.sources.filter((x): x is string => !!x).sort();
  const sourceRefs = (e.refs ?? []).filter((x): x is string => !!x).sort();
  return {
    id: edgeId({ ...e, src: null }),
    source: e.source,
    target: e.target,
    type: e.type,
    kind: e.kind,
    start: e.start,
    end: e.end,
    weight: e.weight,
    months: null,
    sources,
    sourceRefs,
  };
}

/**
 * Merges relationships into edges: the same fact stated by several sources is one edge listing them all; a
 * time series (contributions, monthly personnel, conflict parties per year) is one edge spanning its first to
 * last period, weighted by its largest figure.
 */
export function mergeEdges(raws: RawEdge[]): GraphEdge[] {
  const byId = new Map<string, GraphEdge>();
  for (const r of raws) {
    if (!r) continue;
    const id = edgeId(r);
    const e = byId.get(id);
    if (!e) {
      byId.set(id, {
        id,
        source: r.source,
        target: r.target,
        type: r.type,
        kind: SERIES.has(r.type) ? null : r.kind,
        start: r.start,
        end: r.end,
        weight: r.weight,
        months: null,
        sources: r.src ? [r.src] : [],
        sourceRefs: r.ref ? [r.ref] : [],
      });
      continue;
    }
    if (r.src && !e.sources.includes(r.src)) e.sources.push(r.src);
    if (r.ref && !e.sourceRefs.includes(r.ref)) e.sourceRefs.push(r.ref);
    if (r.start && (!e.start || r.start < e.start)) e.start = r.start;
    if (r.end && (!e.end || r.end > e.end)) e.end = r.end;
    if (r.weight !== null && (e.weight === null || r.weight > e.weight)) e.weight = r.weight;
  }
  return [...byId.values()];
}

interface Verb {
  forward: string;
  backward: string;
}

const VERBS: Record<string, Verb> = {
  DEPLOYED: { forward: 'deployed', backward: 'was deployed by' },
  IN_CONFLICT: { forward: 'was deployed in', backward: 'saw the deployment of' },
  HOSTED_BY: { forward: 'was hosted by', backward: 'hosted' },
  CONTRIBUTED_TO: { forward: 'sent personnel to', backward: 'had personnel from' },
  PERSONNEL_IN: { forward: 'had personnel in', backward: 'hosted personnel of' },
  MEMBER_OF: { forward: 'was a member of', backward: 'had as a member' },
  SERVED_IN: { forward: 'served in', backward: 'had on its staff' },
  HELD_POST: { forward: 'held a post in', backward: 'had on its staff' },
  NATIONAL_OF: { forward: 'is a national of', backward: 'is the state of' },
  PARTY_TO: { forward: 'was a party to', backward: 'had as a party' },
  LOCATED_IN: { forward: 'took place in', backward: 'was the place of' },
  SUCCEEDED: { forward: 'succeeded', backward: 'was succeeded by' },
  PART_OF: { forward: 'was part of', backward: 'included' },
  SUPPORTED: { forward: 'supported', backward: 'was supported by' },
};

const COOPERATION_VERBS: Record<string, Verb> = {
  handover: { forward: 'handed over to', backward: 'took over from' },
  bridging: { forward: 'bridged the way for', backward: 'followed the bridging operation' },
  hybrid: { forward: 'ran jointly with', backward: 'ran jointly with' },
  support: { forward: 'supported', backward: 'was supported by' },
  joint: { forward: 'operated jointly with', backward: 'operated jointly with' },
  coordination: { forward: 'coordinated with', backward: 'coordinated with' },
};

function verbOf(edge: GraphEdge, forward: boolean): string {
  const v =
    edge.type === 'COOPERATED_WITH'
      ? (COOPERATION_VERBS[edge.kind ?? ''] ?? { forward: 'cooperated with', backward: 'cooperated with' })
      : VERBS[edge.type];
  const verb = v ?? { forward: `${edge.type.toLowerCase()}`, backward: `${edge.type.toLowerCase()} (reversed)` };
  return forward ? verb.forward : verb.backward;
}

/**
 * Reads a path as a sentence: "NATO deployed SFOR, which handed over to EUFOR-ALTHEA, which was deployed by EU".
 * Each step says what the node just named did to the next one, in the direction the relationship points; support
 * says its kind ("EU supported AMIS (funding)"), so that two routes over parallel links read apart.
 */
export function pathSentence(nodes: GraphNode[], edges: GraphEdge[]): string {
  if (!nodes.length) return '';
  let sentence = nodes[0]?.name ?? '';
  edges.forEach((edge, i) => {
    const from = nodes[i];
    const to = nodes[i + 1];
    const kind = edge.type === 'SUPPORTED' && edge.kind ? ` (${edge.kind})` : '';
    const clause = `${verbOf(edge, edge.source === from.id)} ${to.name}${kind}`;
    sentence += i === 0 ? ` ${clause}` : `, which ${clause}`;
  });
  return sentence;
}
