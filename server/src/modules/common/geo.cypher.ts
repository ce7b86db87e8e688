/**
 * Where an entity sits on the map, as Cypher map expressions (GeoPoint) or null: a mission at its headquarters,
 * else at the capital of its host state; a state at its capital; a conflict at the capital of the state it is
 * located in, else at the mean of its missions' headquarters. Where several states (or missions) give the
 * point, it is their mean, and `count` says how many. Organizations and people have no place. `v` is the
 * caller's variable (a constant); the inner variables are prefixed `geo` so that they never meet a caller's.
 * A pair of nodes holds one relationship per source that states it (HOSTED_BY from the UN list and from curated
 * rows), so the lists are made distinct (`DISTINCT_BY_ID`): a pattern comprehension with a reduce costs less to
 * plan and to run than a COLLECT subquery. They are ordered by id, so that the label and the mean (a sum of
 * floats) do not depend on the order in which the store returns relationships.
 */

/**
 * The distinct nodes of the list held by variable `list`, ordered by id (an insertion sort in a reduce: the lists
 * are a few hosts, locations or missions long). `p` prefixes the inner variables.
 */
export const DISTINCT_BY_ID = (list: string, p: string): string =>
  `reduce(${p}Seen = [], ${p}U IN ${list} | CASE WHEN ${p}U IN ${p}Seen THEN ${p}Seen ELSE [${p}X IN ${p}Seen WHERE ${p}X.id < ${p}U.id] + ${p}U + [${p}X IN ${p}Seen WHERE ${p}X.id > ${p}U.id] END)`;

/** The import source of a mission's headquarters: the UN list sets them; IPI's fill only missions it creates. */
const HQ_SOURCE = (v: string): string =>
  `CASE WHEN 'un-pko-list' IN coalesce(${v}.sources, []) THEN 'un-pko-list' WHEN 'ipi-missions' IN coalesce(${v}.sources, []) THEN 'ipi-missions' END`;

/** A mission's headquarters, null without both coordinates. */
export const MISSION_HQ = (
  v: string,
): string => `CASE WHEN ${v}:Mission AND ${v}.hqLatitude IS NOT NULL AND ${v}.hqLongitude IS NOT NULL
  THEN {latitude: ${v}.hqLatitude, longitude: ${v}.hqLongitude, label: ${v}.hq, basis: 'HEADQUARTERS', count: 1, source: ${HQ_SOURCE(v)}} END`;

/** A state's capital, null where state_capitals.csv gives none. */
export const STATE_CAPITAL = (
  v: string,
): string => `CASE WHEN ${v}:State AND ${v}.capitalLatitude IS NOT NULL AND ${v}.capitalLongitude IS NOT NULL
  THEN {latitude: ${v}.capitalLatitude, longitude: ${v}.capitalLongitude, label: ${v}.capital, basis: 'CAPITAL', count: 1, source: ${v}.capitalRef} END`;

/** The mean point of the nodes of list `geoPts`, read from their properties `lat` and `lon`, and their names (property `name`). */
const MEAN = (lat: string, lon: string, name: string): string =>
  `latitude: reduce(geoSum = 0.0, geoN IN geoPts | geoSum + geoN.${lat}) / size(geoPts),
   longitude: reduce(geoSum = 0.0, geoN IN geoPts | geoSum + geoN.${lon}) / size(geoPts), count: size(geoPts),
   label: reduce(geoText = '', geoN IN geoPts | geoText + CASE WHEN geoText = '' THEN '' ELSE ', ' END + geoN.${name})`;

/** A mission without recorded headquarters: the capital of its host state, the mean of the capitals where several. */
const MISSION_HOST_CAPITALS = (v: string): string => `CASE WHEN ${v}:Mission THEN head(
  [geoPts IN [head([geoAll IN [[(${v})-[:HOSTED_BY]->(geoS:State) WHERE geoS.capitalLatitude IS NOT NULL AND geoS.capitalLongitude IS NOT NULL | geoS]] | ${DISTINCT_BY_ID('geoAll', 'geo')}])]
   WHERE size(geoPts) > 0 | {${MEAN('capitalLatitude', 'capitalLongitude', 'capital')}, basis: 'HOST_CAPITALS', source: 'host states (HOSTED_BY); capitals: Natural Earth 1:110m populated places (state_capitals.csv)'}]) END`;

/**
 * A conflict's place: the capitals of the states UCDP locates it in (their mean when several), else the mean
 * of the headquarters of its missions; null when neither is known.
 */
export const CONFLICT_PLACE = (v: string): string => `CASE WHEN ${v}:Conflict THEN head(
  [geoPts IN [head([geoAll IN [[(${v})-[:LOCATED_IN]->(geoS:State) WHERE geoS.capitalLatitude IS NOT NULL AND geoS.capitalLongitude IS NOT NULL | geoS]] | ${DISTINCT_BY_ID('geoAll', 'geo')}])]
   WHERE size(geoPts) > 0 | {${MEAN('capitalLatitude', 'capitalLongitude', 'capital')}, basis: 'LOCATION_CAPITALS', source: 'ucdp-acd (location); capitals: Natural Earth 1:110m populated places (state_capitals.csv)'}]
  + [geoPts IN [head([geoAll IN [[(${v})<-[:IN_CONFLICT]-(geoM:Mission) WHERE geoM.hqLatitude IS NOT NULL AND geoM.hqLongitude IS NOT NULL | geoM]] | ${DISTINCT_BY_ID('geoAll', 'geo')}])]
   WHERE size(geoPts) > 0 | {${MEAN('hqLatitude', 'hqLongitude', 'id')}, basis: 'MISSION_HEADQUARTERS', source: 'headquarters of its missions (un-pko-list)'}]) END`;

/** Where node `v` sits on the map (GeoPoint), whatever its label; null where no sourced coordinate places it. */
export const NODE_PLACE = (v: string): string =>
  `coalesce(${MISSION_HQ(v)}, ${MISSION_HOST_CAPITALS(v)}, ${STATE_CAPITAL(v)}, ${CONFLICT_PLACE(v)})`;
