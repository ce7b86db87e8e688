import { CO_DEPLOYMENT_PAIR } from '../../db/co-deployment-pairs';
import type { Database } from '../../db/database';
import { REL_SPECS, isRelType } from '../../model/graph';
import type { RelType } from '../../model/graph';
import { matchEntity } from '../common/node-lookup';
import type { Span } from '../common/period';
import { MISSION_ACTIVE_IN_SPAN, MISSIONS_OVERLAP } from '../common/period';
import { EDGE_AGGREGATE, EDGE_PROJECTION, NODE_PROJECTION, REL_ACTIVE } from './graph.cypher';
import type { AggregatedEdge, RawEdge, RawNode } from './graph.mapper';
import { SERIES_EDGE_TYPES, mergeEdges, pathSentence, toGraphEdge, uniqueNodes } from './graph.mapper';
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

export interface NetworkQuery {
  organizations: string[] | null;
  missionKinds: string[] | null;
  regions: string[] | null;
  conflicts: string[] | null;
  /** Kinds of organization (Organization.kind), one of which deploys each mission. */
  organizationKinds: string[] | null;
  /** Datasets (the `source` of every fact): only what they state. */
  sources: string[] | null;
  span: Span | null;
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

/**
 * Cypher condition: mission `m` passes the filter of a NetworkQuery (every filter is on the mission). Its own
 * variables (o, k, s, c, ko, src) must not be the caller's.
 */
const MISSION_FILTER = (m: string): string => `
  ${MISSION_ACTIVE_IN_SPAN(m)}
  AND ($organizations IS NULL OR EXISTS { MATCH (o:Organization)-[:DEPLOYED]->(${m}) WHERE o.id IN $organizations })
  AND ($missionKinds IS NULL OR any(k IN coalesce(${m}.kinds, []) WHERE k IN $missionKinds))
  AND ($regions IS NULL OR EXISTS { MATCH (${m})-[:HOSTED_BY]->(s:State) WHERE s.region IN $regions })
  AND ($conflicts IS NULL OR EXISTS { MATCH (${m})-[:IN_CONFLICT]->(c:Conflict) WHERE c.id IN $conflicts })
  AND ($organizationKinds IS NULL OR EXISTS { MATCH (ko:Organization)-[:DEPLOYED]->(${m}) WHERE ko.kind IN $organizationKinds })
  AND ($sources IS NULL OR any(src IN coalesce(${m}.sources, []) WHERE src IN $sources))`;

/**
 * The organizations of the filtered missions `ms`, with the summed peak personnel of their missions, and the
 * links of recorded cooperation between their missions (both sides passing the filter): the parts of the
 * organization network that are not co-deployments. Returns `orgs` and `coop`.
 */
const ORGANIZATIONS_AND_COOPERATION = `
       CALL (ms) {
         UNWIND ms AS m1
         MATCH (o1:Organization)-[:DEPLOYED]->(m1)-[link:COOPERATED_WITH]-(m2:Mission)<-[:DEPLOYED]-(o2:Organization)
         WHERE o1.id < o2.id AND ${MISSION_FILTER('m2')}
         WITH o1, o2, count(DISTINCT link) AS n
         RETURN collect({a: o1.id, b: o2.id, n: n}) AS coop
       }
       CALL (ms) {
         UNWIND ms AS m
         MATCH (o:Organization)-[:DEPLOYED]->(m)
         // Each mission once per organization (it can be DEPLOYED under two sources: the UN list and a curated row).
         WITH DISTINCT o, m
         // Unknown stays unknown: an organization none of whose missions has a figure has no personnel (null).
         WITH o, CASE WHEN count(m.maxPersonnel) = 0 THEN null ELSE sum(m.maxPersonnel) END AS personnel, count(DISTINCT m) AS missions
         RETURN collect({node: ${NODE_PROJECTION('o')}, personnel: personnel}) AS orgs
       }`;

/** Every Cypher statement of the graph queries: network, neighbours, paths, search. */
export class GraphRepository {
  constructor(private readonly db: Database) {}

  /**
   * Missions matching the filter with their organizations, hosts, conflicts and the links between them. MSPO
   * flags are left to the caller (the rule of mspoShare, analytics/mspo-flags.ts).
   */
  async missionNetwork(q: NetworkQuery): Promise<Subgraph> {
    const rows = await this.db.read<{ missions: RawNode[]; others: RawNode[]; edges: RawEdge[] }>(
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
       RETURN [m IN ms | ${NODE_PROJECTION('m')}] AS missions,
              [x IN xs WHERE NOT x:Mission | ${NODE_PROJECTION('x')}] AS others,
              [r IN rs | ${EDGE_PROJECTION('r')}] AS edges`,
      { ...q },
    );
    const row = rows[0] ?? { missions: [], others: [], edges: [] };
    const nodes = [...row.missions, ...row.others];
    return { nodes: uniqueNodes(nodes), edges: mergeEdges(row.edges), truncated: false };
  }

  /**
   * Organizations linked when their missions were deployed in the same conflict at the same time (weight:
   * shared conflicts; months: overlapping months summed over mission pairs), and when their missions have a
   * recorded cooperation. The co-deployments are read from the pairs kept at write time
   * (db/co-deployment-pairs.ts, by the rule of MISSIONS_OVERLAP): a pair counts when both of its missions pass
   * the filter, so that every period and filter gives the answer organizationNetworkLive computes.
   */
  async organizationNetwork(q: NetworkQuery): Promise<Subgraph> {
    return this.organizationNetworkFrom(
      `CALL (ms) {
         UNWIND ms AS m1
         MATCH (m1)-[p:${CO_DEPLOYMENT_PAIR}]->(m2:Mission)
         WHERE ${MISSION_FILTER('m2')}
         RETURN collect({a: p.organizationA, b: p.organizationB, conflict: p.conflict, m1: m1.id, s1: m1.start, e1: m1.end, m2: m2.id, s2: m2.start, e2: m2.end}) AS pairs
       }`,
      q,
    );
  }

  /**
   * organizationNetwork with its co-deployments computed from the whole graph on each call, as before they were
   * kept at write time: the reference the kept pairs are checked against (tests/integration, the benchmark). Its
   * cost grows with the graph (2.7 s at 100x).
   */
  async organizationNetworkLive(q: NetworkQuery): Promise<Subgraph> {
    return this.organizationNetworkFrom(
      `CALL (ms) {
         UNWIND ms AS m1
         MATCH (o1:Organization)-[:DEPLOYED]->(m1)-[:IN_CONFLICT]->(c:Conflict)<-[:IN_CONFLICT]-(m2:Mission)<-[:DEPLOYED]-(o2:Organization)
         WHERE m2 IN ms AND o1.id < o2.id AND ${MISSIONS_OVERLAP('m1', 'm2')}
         WITH DISTINCT o1, o2, c, m1, m2
         RETURN collect({a: o1.id, b: o2.id, conflict: c.id, m1: m1.id, s1: m1.start, e1: m1.end, m2: m2.id, s2: m2.start, e2: m2.end}) AS pairs
       }`,
      q,
    );
  }

  /** The organization network with its co-deployment rows (`pairs`, for the filtered missions `ms`) from `pairsPart`. */
  private async organizationNetworkFrom(pairsPart: string, q: NetworkQuery): Promise<Subgraph> {
    const rows = await this.db.read<{
      orgs: { node: RawNode; personnel: number | null }[];
      pairs: Pair[];
      coop: { a: string; b: string; n: number }[];
    }>(
      `MATCH (m:Mission) WHERE ${MISSION_FILTER('m')}
       WITH collect(m) AS ms
       ${pairsPart}
       ${ORGANIZATIONS_AND_COOPERATION}
       RETURN orgs, pairs, coop`,
      { ...q },
    );
    const row = rows[0] ?? { orgs: [], pairs: [], coop: [] };
    const nodes = row.orgs.map((o) => ({ ...o.node, personnel: o.personnel }));
    return { nodes: uniqueNodes(nodes), edges: coDeploymentEdges(row.pairs, row.coop), truncated: false };
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
    const rows = await this.db.read<{ nodes: RawNode[]; edges: AggregatedEdge[]; truncated: boolean }>(
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
       RETURN [n IN seen[i..i + $perRow] | ${NODE_PROJECTION('n')}] AS nodes, edges[i..i + $perRow] AS edges, truncated`,
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
      nodes: uniqueNodes(rows.flatMap((r) => r.nodes)),
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

interface Pair {
  a: string;
  b: string;
  conflict: string;
  m1: string;
  s1: string | null;
  e1: string | null;
  m2: string;
  s2: string | null;
  e2: string | null;
}

/** Months from the later start to the earlier end of two missions (open ends run to the current month). */
export function overlapMonths(
  s1: string | null,
  e1: string | null,
  s2: string | null,
  e2: string | null,
  now = new Date(),
): number {
  const month = (d: string | null, fallback: number) =>
    d ? Number(d.slice(0, 4)) * 12 + (d.length >= 7 ? Number(d.slice(5, 7)) - 1 : 0) : fallback;
  const current = now.getUTCFullYear() * 12 + now.getUTCMonth();
  const endMonth = (d: string | null) =>
    d ? Number(d.slice(0, 4)) * 12 + (d.length >= 7 ? Number(d.slice(5, 7)) - 1 : 11) : current;
  const from = Math.max(month(s1, 0), month(s2, 0));
  const to = Math.min(endMonth(e1), endMonth(e2));
  return Math.max(0, to - from + 1);
}

function coDeploymentEdges(pairs: Pair[], coop: { a: string; b: string; n: number }[]): GraphEdge[] {
  const byDyad = new Map<string, { conflicts: Set<string>; months: number; seen: Set<string> }>();
  for (const p of pairs) {
    const key = `${p.a}|${p.b}`;
    const d = byDyad.get(key) ?? { conflicts: new Set<string>(), months: 0, seen: new Set<string>() };
    d.conflicts.add(p.conflict);
    const pairKey = `${p.m1}|${p.m2}`;
    if (!d.seen.has(pairKey)) {
      d.seen.add(pairKey);
      d.months += overlapMonths(p.s1, p.e1, p.s2, p.e2);
    }
    byDyad.set(key, d);
  }
  const edges: GraphEdge[] = [];
  for (const [key, d] of byDyad) {
    const [a, b] = key.split('|') as [string, string];
    edges.push({
      id: `CO_DEPLOYED:${a}>${b}`,
      source: a,
      target: b,
      type: 'CO_DEPLOYED',
      kind: null,
      start: null,
      end: null,
      weight: d.conflicts.size,
      months: d.months,
      sources: [],
      sourceRefs: [],
    });
  }
  for (const c of coop) {
    edges.push({
      id: `COOPERATED:${c.a}>${c.b}`,
      source: c.a,
      target: c.b,
      type: 'COOPERATED',
      kind: null,
      start: null,
      end: null,
      weight: c.n,
      months: null,
      sources: [],
      sourceRefs: [],
    });
  }
  // In id order: the same answer whatever order the database returned the rows in.
  return edges.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
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
