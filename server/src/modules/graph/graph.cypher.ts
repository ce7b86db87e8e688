import { DISTINCT_BY_ID, NODE_PLACE } from '../common/geo.cypher';
import { MISSION_LAST_DAY } from '../common/period';

/**
 * Cypher fragments shared by the graph queries: how a node or a relationship is projected for the network
 * view, and when a relationship counts as active in a period. Variable names are the caller's constants.
 */

/**
 * The UN region of mission `v`: that of most of its host states (each counted once), the first by name on a tie
 * (MNJTF, with two hosts in Middle Africa and two in Western Africa: Middle Africa); null without a host with a
 * region. The view groups missions by it.
 */
export const MISSION_REGION = (v: string): string =>
  `head([regHosts IN [head([regAll IN [[(${v})-[:HOSTED_BY]->(regS:State) WHERE regS.region IS NOT NULL | regS]] | ${DISTINCT_BY_ID('regAll', 'reg')}])] |
    head([regMost IN [reduce(regMax = 0, regH IN regHosts | CASE WHEN size([regY IN regHosts WHERE regY.region = regH.region]) > regMax THEN size([regY IN regHosts WHERE regY.region = regH.region]) ELSE regMax END)] |
      reduce(regBest = null, regH IN regHosts | CASE WHEN size([regY IN regHosts WHERE regY.region = regH.region]) = regMost AND (regBest IS NULL OR regH.region < regBest) THEN regH.region ELSE regBest END)])])`;

/**
 * The fields of GraphNode as node `v` projects them (organizations as {id, lead} pairs, ordered in TypeScript), in
 * the order of NODE_FIELD_NAMES.
 */
const NODE_FIELDS = (v: string): Record<NodeFieldName, string> => ({
  id: `${v}.id`,
  label: `labels(${v})[0]`,
  name: `coalesce(${v}.acronym, ${v}.name, ${v}.id)`,
  fullName: `${v}.name`,
  start: `coalesce(${v}.start, ${v}.founded, toString(${v}.firstYear))`,
  end: `coalesce(CASE WHEN ${v}:Mission THEN ${MISSION_LAST_DAY(v)} END, ${v}.end, ${v}.dissolved, CASE WHEN ${v}:Conflict AND ${v}.lastYear < date().year - 1 THEN toString(${v}.lastYear) END)`,
  kinds: `CASE WHEN ${v}:Mission THEN coalesce(${v}.kinds, []) WHEN ${v}.kind IS NOT NULL THEN [${v}.kind] WHEN ${v}:Conflict AND ${v}.type IS NOT NULL THEN [${v}.type] ELSE [] END`,
  orgs: `CASE WHEN ${v}:Mission THEN [(nodeOrg:Organization)-[nodeDep:DEPLOYED]->(${v}) | {id: nodeOrg.id, lead: coalesce(nodeDep.lead, false)}]
             WHEN ${v}:Organization THEN [{id: ${v}.id, lead: true}] ELSE [] END`,
  region: `CASE WHEN ${v}:State THEN ${v}.region WHEN ${v}:Mission THEN ${MISSION_REGION(v)} ELSE null END`,
  personnel: `${v}.maxPersonnel`,
  place: NODE_PLACE(v),
});

/** The fields a node projection holds (RawNode), in the order NODE_ROW lists them. */
export const NODE_FIELD_NAMES = [
  'id',
  'label',
  'name',
  'fullName',
  'start',
  'end',
  'kinds',
  'orgs',
  'region',
  'personnel',
  'place',
] as const;
export type NodeFieldName = (typeof NODE_FIELD_NAMES)[number];

/** Projects node `v` to the fields of GraphNode, as a map. */
export const NODE_PROJECTION = (v: string): string => {
  const fields = NODE_FIELDS(v);
  return `{${NODE_FIELD_NAMES.map((k) => `${k}: ${fields[k]}`).join(',\n  ')}}`;
};

/**
 * Projects node `v` to the same fields as a list, in the order of NODE_FIELD_NAMES (graph.mapper.ts
 * rawNodeOfRow reads it back): for statements that return thousands of nodes, since the driver decodes a list
 * faster than a map, whose keys it reads again for every node (at 100x, the organization network's statement took
 * about 0.6 of the time with its nodes as lists: bench/NOTES.md).
 */
export const NODE_ROW = (v: string): string => {
  const fields = NODE_FIELDS(v);
  return `[${NODE_FIELD_NAMES.map((k) => fields[k]).join(',\n  ')}]`;
};

/** The period a relationship states (its own dates, months or year), the first and last day of its span. */
export const REL_START = (r: string): string => `coalesce(${r}.start, ${r}.from, ${r}.month, toString(${r}.year))`;
export const REL_END = (r: string): string => `coalesce(${r}.end, ${r}.to, ${r}.month, toString(${r}.year))`;
/** The kind of a relationship shown on its edge (cooperation kind, role, membership status). */
export const REL_KIND = (r: string): string => `coalesce(${r}.kind, ${r}.role, ${r}.status)`;
/** The figure an edge is weighted by (personnel), null when the relationship states none. */
export const REL_WEIGHT = (r: string): string => `coalesce(${r}.total, ${r}.troopsEstimate)`;

/** Projects relationship `r` to the raw fields of GraphEdge (merged per edge id in TypeScript). */
export const EDGE_PROJECTION = (r: string): string => `{
  source: startNode(${r}).id, target: endNode(${r}).id, type: type(${r}),
  kind: ${REL_KIND(r)},
  start: ${REL_START(r)},
  end: ${REL_END(r)},
  weight: ${REL_WEIGHT(r)},
  src: ${r}.source,
  ref: ${r}.sourceRef
}`;

/**
 * Merges the relationships `r` of the current rows into edges in Cypher, as mergeEdges does in TypeScript: one
 * edge per type, endpoints and kind (a time series, `$seriesTypes`, is one edge whatever its kinds), spanning its
 * first to last period, weighted by its largest figure, listing its sources and the documents they cite. Returns `edges`.
 */
export const EDGE_AGGREGATE = (r: string): string => `WITH ${r}, type(${r}) IN $seriesTypes AS series
  WITH startNode(${r}).id AS source, endNode(${r}).id AS target, type(${r}) AS type,
       CASE WHEN series THEN null ELSE ${REL_KIND(r)} END AS kind,
       min(${REL_START(r)}) AS start, max(${REL_END(r)}) AS end, max(${REL_WEIGHT(r)}) AS weight, collect(DISTINCT ${r}.source) AS sources,
       collect(DISTINCT ${r}.sourceRef) AS refs
  RETURN collect({source: source, target: target, type: type, kind: kind, start: start, end: end, weight: weight, sources: sources, refs: refs}) AS edges`;

/**
 * Whether relationship `r` is active in `$span` (null: always). A relationship's own dates count (start/end,
 * from/to months, a month, a year); one without dates takes those of its mission endpoint (its end, else its last evidence, as MISSION_LAST_DAY).
 */
export const REL_ACTIVE = (r: string): string => `($span IS NULL OR (
  coalesce(${r}.start, ${r}.from, ${r}.month, toString(${r}.year),
           CASE WHEN startNode(${r}):Mission THEN startNode(${r}).start WHEN endNode(${r}):Mission THEN endNode(${r}).start END, '0000') <= $span.to
  AND coalesce(${r}.end, ${r}.to, ${r}.month, toString(${r}.year),
           CASE WHEN ${r}.start IS NULL AND ${r}.from IS NULL AND startNode(${r}):Mission THEN coalesce(startNode(${r}).end, startNode(${r}).lastEvidence)
                WHEN ${r}.start IS NULL AND ${r}.from IS NULL AND endNode(${r}):Mission THEN coalesce(endNode(${r}).end, endNode(${r}).lastEvidence) END, '9999') + '-99' >= $span.from))`;
