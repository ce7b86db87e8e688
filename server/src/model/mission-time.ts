/**
 * When a mission counts as active, as Cypher fragments: the one place of the rule (domain-notes.md, README
 * Methods), read by the API's queries (modules/common/period.ts re-exports it) and by the aggregates kept at
 * write time (db/co-deployment-pairs.ts), so that a materialised answer follows the same rule as a live one.
 */

/**
 * Cypher expression: the last day mission `m` counts as active, as written (any precision): its recorded end,
 * else its last evidence (a mission no source shows active after that date and none says continues, README
 * Methods); null while it is ongoing.
 */
export const MISSION_LAST_DAY = (m: string): string => `coalesce(${m}.end, ${m}.lastEvidence)`;

/** Cypher condition: missions `a` and `b` overlap in time (dates of any precision; open ends are ongoing). */
export const MISSIONS_OVERLAP = (a: string, b: string): string =>
  `((${a}.start IS NULL OR ${MISSION_LAST_DAY(b)} IS NULL OR ${a}.start <= ${MISSION_LAST_DAY(b)} + '-99') AND (${b}.start IS NULL OR ${MISSION_LAST_DAY(a)} IS NULL OR ${b}.start <= ${MISSION_LAST_DAY(a)} + '-99'))`;

/** Cypher condition: mission `m` is active in `$span` (its end as MISSION_LAST_DAY says). */
export const MISSION_ACTIVE_IN_SPAN = (m: string): string =>
  `($span IS NULL OR ((${m}.start IS NULL OR ${m}.start <= $span.to) AND (${MISSION_LAST_DAY(m)} IS NULL OR ${MISSION_LAST_DAY(m)} + '-99' >= $span.from)))`;
