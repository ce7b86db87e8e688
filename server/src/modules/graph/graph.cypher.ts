import { MISSION_LAST_DAY } from '../common/period';

/**
 * Cypher fragments shared by the graph queries: how a node or a relationship is projected for the network
 * view, and when a relationship counts as active in a period. Variable names are the caller's constants.
 */

/** Projects node `v` to the fields of GraphNode (organizations as {id, lead} pairs, ordered in TypeScript). */
export const NODE_PROJECTION = (v: string): string => `{
  id: ${v}.id, label: labels(${v})[0], name: coalesce(${v}.acronym, ${v}.name, ${v}.id), fullName: ${v}.name,
  start: coalesce(${v}.start, ${v}.founded, toString(${v}.firstYear)),
  end: coalesce(CASE WHEN ${v}:Mission THEN ${MISSION_LAST_DAY(v)} END, ${v}.end, ${v}.dissolved, CASE WHEN ${v}:Conflict AND ${v}.lastYear < date().year - 1 THEN toString(${v}.lastYear) END),
  kinds: CASE WHEN ${v}:Mission THEN coalesce(${v}.kinds, []) WHEN ${v}.kind IS NOT NULL THEN [${v}.kind] WHEN ${v}:Conflict AND ${v}.type IS NOT NULL THEN [${v}.type] ELSE [] END,
  orgs: CASE WHEN ${v}:Mission THEN [(o:Organization)-[d:DEPLOYED]->(${v}) | {id: o.id, lead: coalesce(d.lead, false)}]
             WHEN ${v}:Organization THEN [{id: ${v}.id, lead: true}] ELSE [] END,
  region: CASE WHEN ${v}:State THEN ${v}.region WHEN ${v}:Mission THEN head([(${v})-[:HOSTED_BY]->(s:State) | s.region]) ELSE null END,
  personnel: ${v}.maxPersonnel
}`;

/** Projects relationship `r` to the raw fields of GraphEdge (merged per edge id in TypeScript). */
export const EDGE_PROJECTION = (r: string): string => `{
  source: startNode(${r}).id, target: endNode(${r}).id, type: type(${r}),
  kind: coalesce(${r}.kind, ${r}.role, ${r}.status),
  start: coalesce(${r}.start, ${r}.from, ${r}.month, toString(${r}.year)),
  end: coalesce(${r}.end, ${r}.to, ${r}.month, toString(${r}.year)),
  weight: coalesce(${r}.total, ${r}.troopsEstimate),
  src: ${r}.source
}`;

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
