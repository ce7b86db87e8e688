import type { Database } from '../../db/database';
import type { KeptTie, NetworkFilterParams, OrgRow } from '../../db/organization-network';
import {
  KEPT_PAIRS,
  LIVE_PAIRS,
  MISSION_FILTER,
  isUnfiltered,
  keptOrganizationNetworkStatement,
  organizationNetworkStatement,
} from '../../db/organization-network';
import type { CoDeploymentPair, OpenPair } from '../../model/co-deployment';
import { coDeploymentDyads, dyadMonths } from '../../model/co-deployment';
import { REL_SPECS, isRelType } from '../../model/graph';
import type { RelType } from '../../model/graph';
import { matchEntity } from '../common/node-lookup';
import type { Span } from '../common/period';
import { EDGE_AGGREGATE, EDGE_PROJECTION, NODE_PROJECTION, NODE_ROW, REL_ACTIVE } from './graph.cypher';
import type { AggregatedEdge, NodeRow, RawEdge, RawNode } from './graph.mapper';
import { SERIES_EDGE_TYPES, mergeEdges, pathSentence, rawNodeOfRow, toGraphEdge, uniqueNodes } from './graph.mapper';
import type { GraphEdge, GraphPath, SearchHit, Subgraph } from './graph.type';

/** Relationship types left out unless asked for: yearly and monthly series that would swamp a view. */
const SERIES_TYPES: RelType[] = ['PERSONNEL_IN', 'PARTY_TO'];
const DEFAULT_NEIGHBOR_TYPES = (Object.keys(REL_SPECS) as RelType[]).filter((t) => !SERIES_TYPES.includes(t));
const DEFAULT_PATH_TYPES = DEFAULT_NEIGHBOR_TYPES.filter((t) => t !== 'CONTRIBUTED_TO');

/** Checks types against the allow-list (the GraphQL enum already does; this guards every other caller). */
export function allowedTypes(types: readonly string[] | null | undefined, fallback: RelType[]): RelType[] {
  const list = types?.length ? [...new Set(types)] : fallback;
  for (const t of list) if (!isRelType(t)) throw new Error(`relationship type not allowed: ${t}`);
  return list as RelType[];
}

/** A network question: the filter on the missions (db/organization-network.ts) and what FULL mode shows besides. */
export interface NetworkQuery extends NetworkFilterParams {
  includeStates: boolean;
  includeConflicts: boolean;
}

/** How many shortest paths a `paths` statement asks for (k routes need up to 4k paths: parallel relationships). */
const PATH_COUNTS = [4, 12, 40] as const;

/**
 * One level of the neighbours' breadth-first search (written three times: `depth` is at most 3). Levels past
 * `$depth`, or after the limit was reached, add nothing; new nodes are taken in id order up to the limit.
 */
const NEIGHBOR_LEVEL = `
       CALL (seen, frontier, expanded, truncated) {
         // Expanded from n: with NOT x IN seen the planner scanned every node for x and expanded into n (every
         // node read at each level); a test on the element id of x it cannot answer from a node scan.
         WITH frontier, expanded, truncated, [y IN seen | elementId(y)] AS seenIds
         UNWIND CASE WHEN size(expanded) < $depth AND NOT truncated THEN frontier ELSE [] END AS n
         UNWIND [(n)-[r]-(x) WHERE type(r) IN $types AND NOT elementId(x) IN seenIds AND ${REL_ACTIVE('r')} | x] AS x
         WITH DISTINCT x ORDER BY x.id
         RETURN collect(x) AS found
       }
       WITH seen, expanded + CASE WHEN size(expanded) < $depth AND NOT truncated THEN [frontier] ELSE [] END AS expandedLevels, found, truncated
       WITH seen + found[..($limit - size(seen))] AS seen, found[..($limit - size(seen))] AS frontier,
            expandedLevels AS expanded, truncated OR size(found) > $limit - size(seen) AS truncated`;

/** Every Cypher statement of the graph queries: network, neighbours, paths, search. */
export class GraphRepository {
  constructor(private readonly db: Database) {}

  /**
   * Missions matching the filter with their organizations, hosts, conflicts and the links between them. MSPO
   * flags are left to the caller (the rule of mspoShare, analytics/mspo-flags.ts).
   */
  async missionNetwork(q: NetworkQuery): Promise<Subgraph> {
    const rows = await this.db.read<{ missions: NodeRow[]; others: NodeRow[]; edges: RawEdge[] }>(
      `MATCH (m:Mission) WHERE ${MISSION_FILTER('m')}
       WITH collect(m) AS ms
       CALL (ms) {
         UNWIND ms AS m
         MATCH (m)-[r:DEPLOYED|SUPPORTED|HOSTED_BY|IN_CONFLICT|COOPERATED_WITH|PART_OF]-(x)
         WHERE (x:Organization OR (x:State AND $includeStates) OR (x:Conflict AND $includeConflicts) OR (x:Mission AND x IN ms))
           // With datasets chosen: only the relationships they record, to the entities they state.
           AND ($sources IS NULL OR (r.source IN $sources AND (x:Mission OR any(src IN coalesce(x.sources, []) WHERE src IN $sources))))
         RETURN collect(DISTINCT x) AS xs, collect(DISTINCT r) AS rs
       }
       RETURN [m IN ms | ${NODE_ROW('m')}] AS missions,
              [x IN xs WHERE NOT x:Mission | ${NODE_ROW('x')}] AS others,
              [r IN rs | ${EDGE_PROJECTION('r')}] AS edges`,
      { ...q },
    );
    const row = rows[0] ?? { missions: [], others: [], edges: [] };
    const nodes = [...row.missions, ...row.others].map(rawNodeOfRow);
    return { nodes: uniqueNodes(nodes), edges: mergeEdges(row.edges), truncated: false };
  }

  /**
   * Organizations linked when their missions were deployed in the same conflict at the same time (weight:
   * shared conflicts; months: overlapping months summed over mission pairs, model/co-deployment.ts), and when
   * their missions have a recorded cooperation. Without a filter, read from the ties kept at write time
   * (db/organization-network.ts); with one, from the co-deployment pairs kept at write time
   * (db/co-deployment-pairs.ts), a pair counting when both of its missions pass the filter. Every filter gives
   * the answer organizationNetworkLive computes.
   */
  async organizationNetwork(q: NetworkQuery): Promise<Subgraph> {
    if (isUnfiltered(q)) return this.keptOrganizationNetwork();
    return this.organizationNetworkFrom(KEPT_PAIRS, q);
  }

  /**
   * organizationNetwork with its co-deployments computed from the whole graph on each call, as before they were
   * kept at write time: the reference the kept pairs and ties are checked against (tests/integration, the
   * benchmark). Its cost grows with the graph (1.5 s at 100x through the repository).
   */
  async organizationNetworkLive(q: NetworkQuery): Promise<Subgraph> {
    return this.organizationNetworkFrom(LIVE_PAIRS, q);
  }

  /** The organization network of a filter with its co-deployment rows from `pairsPart`. */
  private async organizationNetworkFrom(pairsPart: string, q: NetworkQuery): Promise<Subgraph> {
    const rows = await this.db.read<{
      orgs: OrgRow<NodeRow>[];
      pairs: CoDeploymentPair[];
      coop: { a: string; b: string; n: number }[];
    }>(organizationNetworkStatement(pairsPart, NODE_ROW('o')), { ...q });
    const row = rows[0] ?? { orgs: [], pairs: [], coop: [] };
    const ties = [
      ...coDeploymentDyads(row.pairs).map((d) => tieEdge('CO_DEPLOYED', d.a, d.b, d.conflicts, dyadMonths(d))),
      ...row.coop.map((c) => tieEdge('COOPERATED', c.a, c.b, c.n, null)),
    ];
    return organizationSubgraph(row.orgs, ties);
  }

  /** The network without a filter, from the ties kept at write time. */
  private async keptOrganizationNetwork(): Promise<Subgraph> {
    const rows = await this.db.read<{ orgs: [NodeRow, number | null][]; ties: KeptTie[] }>(
      keptOrganizationNetworkStatement(NODE_ROW('o')),
    );
    const row = rows[0] ?? { orgs: [], ties: [] };
    const now = new Date();
    const ties = row.ties.map(([a, b, kind, weight, closedMonths, open]) => {
      if (kind !== 'CO_DEPLOYED') return tieEdge('COOPERATED', a, b, weight, null);
      const openPairs: OpenPair[] = [];
      for (let i = 0; i + 3 < open.length; i += 4)
        openPairs.push([open[i] || null, open[i + 1] || null, open[i + 2] || null, open[i + 3] || null]);
      return tieEdge(
        'CO_DEPLOYED',
        a,
        b,
        weight,
        dyadMonths({ a, b, conflicts: weight, closedMonths: closedMonths ?? 0, openPairs }, now),
      );
    });
    return organizationSubgraph(row.orgs, ties);
  }

  /**
   * Breadth-first expansion from one entity, up to `depth` steps and `limit` nodes, in one statement: each level
   * adds the nodes not yet seen (by id, so the same call gives the same nodes), stops at the limit (`truncated`),
   * and the relationships met on the way come back merged into edges by the database, so that neither the rows
   * nor their de-duplication reach the event loop.
   */
  async neighbors(
    id: string,
    depth: number,
    types: RelType[],
    span: Span | null,
    limit: number,
  ): Promise<Subgraph | null> {
    const rows = await this.db.read<{ nodes: NodeRow[]; edges: AggregatedEdge[]; truncated: boolean }>(
      `${matchEntity('s', 'id')}
       WITH [s] AS seen, [s] AS frontier, [] AS expanded, false AS truncated
       ${NEIGHBOR_LEVEL}
       ${NEIGHBOR_LEVEL}
       ${NEIGHBOR_LEVEL}
       CALL (expanded, seen) {
         UNWIND expanded AS level
         UNWIND level AS n
         MATCH (n)-[r]-(x) WHERE type(r) IN $types AND x IN seen AND ${REL_ACTIVE('r')}
         WITH DISTINCT r
         ${EDGE_AGGREGATE('r')}
       }
       // In rows of $perRow nodes and edges, two rows per fetch: the driver reads and converts each as it arrives.
       UNWIND range(0, CASE WHEN size(edges) > size(seen) THEN size(edges) ELSE size(seen) END - 1, $perRow) AS i
       RETURN [n IN seen[i..i + $perRow] | ${NODE_ROW('n')}] AS nodes, edges[i..i + $perRow] AS edges, truncated`,
      {
        id,
        depth: intBetween(depth, 1, 3),
        types,
        span,
        limit: intBetween(limit, 1, 2000),
        seriesTypes: [...SERIES_EDGE_TYPES],
        perRow: 200,
      },
      // Two rows per fetch: the event loop runs between them.
      2,
    );
    if (!rows.length) return null;
    return {
      nodes: uniqueNodes(rows.flatMap((r) => r.nodes.map(rawNodeOfRow))),
      edges: rows.flatMap((r) => r.edges).map(toGraphEdge),
      truncated: rows[0]?.truncated ?? false,
    };
  }

  /** The k shortest paths (trails) between two entities through the given types, active in the span. */
  async paths(
    from: string,
    to: string,
    maxHops: number,
    k: number,
    relTypes: RelType[],
    span: Span | null,
  ): Promise<GraphPath[] | null> {
    const hops = intBetween(maxHops, 1, 8);
    const count = intBetween(k, 1, 10);
    // Parallel relationships (one per source or spell) make distinct paths over the same route: ask for more
    // and keep k distinct routes. The statement's text varies only with the step limit (8 shapes) and one of
    // three path counts; the types and the period are parameters, so each shape compiles once.
    const asked = PATH_COUNTS.find((n) => n >= count * 4) ?? PATH_COUNTS[PATH_COUNTS.length - 1];
    const types = allowedTypes(relTypes, DEFAULT_PATH_TYPES);
    const rows = await this.db.read<{ found: boolean; nodes: RawNode[]; edges: RawEdge[] }>(
      `OPTIONAL ${matchEntity('a', 'from')}
       OPTIONAL ${matchEntity('b', 'to')}
       WITH a, b
       CALL (a, b) {
         WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL AND a <> b
         MATCH p = SHORTEST ${asked} (a)-[r WHERE type(r) IN $types AND ${REL_ACTIVE('r')}]-{1,${hops}}(b)
         RETURN [n IN nodes(p) | ${NODE_PROJECTION('n')}] AS nodes, [x IN relationships(p) | ${EDGE_PROJECTION('x')}] AS edges
       }
       RETURN a IS NOT NULL AND b IS NOT NULL AS found, nodes, edges`,
      { from, to, span, types },
    );
    if (!rows.length) {
      const exists = await this.db.read<{ a: boolean; b: boolean }>(
        `OPTIONAL ${matchEntity('a', 'from')} OPTIONAL ${matchEntity('b', 'to')} RETURN a IS NOT NULL AS a, b IS NOT NULL AS b`,
        { from, to },
      );
      return exists[0]?.a && exists[0]?.b ? [] : null;
    }
    const routes = new Map<string, GraphPath>();
    for (const r of rows) {
      const nodes = r.nodes.map((n) => uniqueNodes([n])[0]);
      const edges: GraphEdge[] = r.edges.map((e) => mergeEdges([e])[0]);
      const route = edges.map((e) => e.id).join(' ');
      if (!routes.has(route))
        routes.set(route, { nodes, edges, length: edges.length, sentence: pathSentence(nodes, edges) });
    }
    return [...routes.values()].slice(0, count);
  }

  /** Full-text search over names, acronyms, aliases and ids, best first. */
  async search(text: string, first: number): Promise<SearchHit[]> {
    const query = luceneQuery(text);
    if (!query) return [];
    const rows = await this.db.read<{ node: RawNode; score: number }>(
      `CALL db.index.fulltext.queryNodes('entity_search', $query, {limit: $first}) YIELD node AS n, score
       RETURN ${NODE_PROJECTION('n')} AS node, score ORDER BY score DESC, n.id`,
      { query, first },
    );
    return rows.map((r) => ({ node: uniqueNodes([r.node])[0], score: r.score }));
  }
}

export { DEFAULT_NEIGHBOR_TYPES, DEFAULT_PATH_TYPES };

/** An edge of the organization network: a co-deployment (weight: shared conflicts) or a recorded cooperation. */
function tieEdge(
  type: 'CO_DEPLOYED' | 'COOPERATED',
  a: string,
  b: string,
  weight: number,
  months: number | null,
): GraphEdge {
  return {
    id: `${type}:${a}>${b}`,
    source: a,
    target: b,
    type,
    kind: null,
    start: null,
    end: null,
    weight,
    months,
    sources: [],
    sourceRefs: [],
  };
}

/** The organizations (with their summed personnel) and the ties, both in id order whatever order the rows came in. */
function organizationSubgraph(orgs: [NodeRow, number | null, ...unknown[]][], edges: GraphEdge[]): Subgraph {
  const byId = (x: { id: string }, y: { id: string }) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
  const nodes = orgs.map(([row, personnel]) => {
    const node = rawNodeOfRow(row);
    node.personnel = personnel;
    return node;
  });
  return { nodes: uniqueNodes(nodes).sort(byId), edges: edges.sort(byId), truncated: false };
}

function intBetween(n: number, min: number, max: number): number {
  if (!Number.isInteger(n) || n < min || n > max)
    throw new Error(`expected a whole number from ${min} to ${max}, got ${n}`);
  return n;
}

/** Escapes Lucene syntax in user text and makes the last word a prefix, so that suggestions work as one types. */
export function luceneQuery(text: string): string {
  const words = text
    .normalize('NFKC')
    .split(/\s+/)
    .map((w) => w.replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, (c) => `\\${c}`))
    // Lucene's boolean operators are words, not characters: lower-case them so that they are searched as text.
    .map((w) => (/^(AND|OR|NOT)$/.test(w) ? w.toLowerCase() : w))
    .filter((w) => w.length > 0);
  if (!words.length) return '';
  // A word of four letters or more also matches with one letter wrong ("UNAMD" finds UNAMID), weighing less than
  // the word itself; the last word may be a prefix (typed letter by letter). A short last word typed in full
  // weighs four times its prefix, so that an acronym ("UN", "AU") comes first.
  const plain = (w: string) => w.length >= 2 && !w.endsWith('\\');
  const nearMiss = (w: string) => (plain(w) && w.length >= 4 ? ` OR ${w}~1^0.3` : '');
  const last = words.pop() as string;
  const lastTerm = !plain(last)
    ? last
    : last.length >= 4
      ? `(${last}^4 OR ${last}*^4${nearMiss(last)})`
      : `(${last}^4 OR ${last}*)`;
  return [...words.map((w) => (nearMiss(w) ? `(${w}${nearMiss(w)})` : w)), lastTerm].join(' AND ');
}
