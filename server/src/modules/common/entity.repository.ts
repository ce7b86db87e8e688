import type { Database } from '../../db/database';
import { matchEntity } from './node-lookup';
import type { Span } from './period';
import { MISSION_ACTIVE_IN_SPAN } from './period';
import type { LookAhead } from './prefetch';
import { primeRelations, readPage, wantsTotal, withRelations } from './prefetch';
import { CONFLICT, MISSION, ORGANIZATION, PERSON, STATE } from './projections';
import type { MissionSortField } from './sort';
import { MISSION_SORT_EXPR, MISSION_SORT_INDEX, SortDirection, orderBy } from './sort';

type Row = Record<string, unknown> & { id: string; label: string };

const BY_LABEL = {
  Organization: ORGANIZATION,
  Mission: MISSION,
  Conflict: CONFLICT,
  State: STATE,
  Person: PERSON,
} as const;
export type EntityLabelName = keyof typeof BY_LABEL;

/** The filters of a mission list, a constant fragment (its values are $parameters). */
const MISSION_FILTERS = `($organization IS NULL OR EXISTS { (:Organization {id: $organization})-[:DEPLOYED]->(m) })
         AND ($kind IS NULL OR $kind IN coalesce(m.kinds, []))
         AND ($hostState IS NULL OR EXISTS { (m)-[:HOSTED_BY]->(:State {id: $hostState}) })
         AND ($conflict IS NULL OR EXISTS { (m)-[:IN_CONFLICT]->(:Conflict {id: $conflict}) })
         AND ($region IS NULL OR EXISTS { MATCH (m)-[:HOSTED_BY]->(s:State) WHERE s.region = $region })
         AND ${MISSION_ACTIVE_IN_SPAN('m')}`;

/**
 * The missions of a page without a count, sorted by a key with a range index (MISSION_SORT_INDEX), as `ms`: those
 * with a value in index order, no more than the page needs (a sort of every mission grew with the graph), then
 * those without (a scan: no index lists a missing value; skipped when they come last and the others fill the page),
 * ordered by `order`. The `UNWIND` that skips it stays above the scan: a `WHERE` there is folded into the scan's
 * own filter, which runs on every mission.
 */
function indexedPage(
  key: NonNullable<(typeof MISSION_SORT_INDEX)[MissionSortField]>,
  direction: SortDirection,
  order: string,
) {
  const dir = direction === SortDirection.DESC ? 'DESC' : 'ASC';
  const defaultFirst = direction === key.defaultFirst;
  const ordered = defaultFirst ? 'unvalued + valued' : 'valued + unvalued';
  const needed = defaultFirst
    ? ''
    : 'UNWIND CASE WHEN size(valued) < toInteger($skip) + toInteger($limit) THEN [true] ELSE [] END AS needed';
  return `CALL () {
             MATCH (m:Mission) WHERE ${key.valued} AND ${MISSION_FILTERS}
             WITH m ORDER BY ${key.property} ${dir}, m.id LIMIT toInteger($skip) + toInteger($limit)
             RETURN collect(m) AS valued
           }
           CALL (valued) {
             ${needed}
             MATCH (m:Mission) WHERE NOT coalesce(${key.valued}, false) AND ${MISSION_FILTERS}
             WITH m ORDER BY ${order} LIMIT toInteger($skip) + toInteger($limit)
             RETURN collect(m) AS unvalued
           }
           WITH ${ordered} AS ms`;
}

/** Lookups and lists of entities. Labels come from the constant map above, never from input. */
export class EntityRepository {
  constructor(private readonly db: Database) {}

  /** One entity by id, with the nested lists of `ahead` read in the same statement. */
  async byId<T = Row>(label: EntityLabelName, id: string, ahead?: LookAhead): Promise<T | null> {
    const planned = ahead?.planned ?? [];
    const q = withRelations(
      `MATCH (n:${label} {id: $id}) RETURN ${BY_LABEL[label]('n', ahead?.fields)} AS n`,
      ['n'],
      '[n.id]',
      { id },
      planned,
    );
    const rows = await this.db.read<{ n: T }>(q.cypher, q.params);
    const root = ahead ? primeRelations(ahead.loaders, planned, rows, () => [id]) : rows[0];
    return root?.n ?? null;
  }

  /** Any entity by id (the Node interface). */
  async node(id: string): Promise<Row | null> {
    const rows = await this.db.read<{ n: Row }>(
      `${matchEntity('x', 'id')}
       RETURN CASE
         WHEN x:Organization THEN ${ORGANIZATION('x')} WHEN x:Mission THEN ${MISSION('x')}
         WHEN x:Conflict THEN ${CONFLICT('x')} WHEN x:State THEN ${STATE('x')} ELSE ${PERSON('x')} END AS n`,
      { id },
    );
    return rows[0]?.n ?? null;
  }

  /** A page of missions, filtered and ordered (sort keys from the allow-list). */
  async missions(
    f: {
      organization: string | null;
      kind: string | null;
      hostState: string | null;
      conflict: string | null;
      region: string | null;
      span: Span | null;
      sortField: MissionSortField;
      sortDirection: SortDirection;
      skip: number;
      limit: number;
    },
    ahead?: LookAhead,
  ): Promise<{ rows: Row[]; total: number }> {
    const order = orderBy(MISSION_SORT_EXPR[f.sortField], f.sortDirection);
    const indexed = MISSION_SORT_INDEX[f.sortField];
    const planned = ahead?.planned ?? [];
    const q = withRelations(
      wantsTotal(ahead)
        ? `MATCH (m:Mission) WHERE ${MISSION_FILTERS}
           WITH m ORDER BY ${order}
           WITH collect(m) AS ms
           RETURN size(ms) AS total, [m IN ms[$skip..($skip + $limit)] | ${MISSION('m', ahead?.fields)}] AS page`
        : indexed
          ? `${indexedPage(indexed, f.sortDirection, order)}
           RETURN null AS total, [m IN ms[$skip..($skip + $limit)] | ${MISSION('m', ahead?.fields)}] AS page`
          : `MATCH (m:Mission) WHERE ${MISSION_FILTERS}
           WITH m ORDER BY ${order} SKIP toInteger($skip) LIMIT toInteger($limit)
           RETURN null AS total, collect(${MISSION('m', ahead?.fields)}) AS page`,
      ['total', 'page'],
      '[p IN page | p.id]',
      { ...f },
      planned,
    );
    return readPage<Row>(this.db, q, ahead);
  }

  /** A page of states, conflicts or people, ordered by id, with an optional region filter. */
  async simpleList(
    label: 'State' | 'Conflict' | 'Person',
    f: { region: string | null; skip: number; limit: number },
    ahead?: LookAhead,
  ): Promise<{ rows: Row[]; total: number }> {
    const regionTest =
      label === 'State' ? 'n.region = $region' : label === 'Conflict' ? '$region IN coalesce(n.region, [])' : 'true';
    const planned = ahead?.planned ?? [];
    const q = withRelations(
      wantsTotal(ahead)
        ? `MATCH (n:${label}) WHERE $region IS NULL OR ${regionTest}
           WITH n ORDER BY n.id WITH collect(n) AS ns
           RETURN size(ns) AS total, [n IN ns[$skip..($skip + $limit)] | ${BY_LABEL[label]('n', ahead?.fields)}] AS page`
        : `MATCH (n:${label}) WHERE $region IS NULL OR ${regionTest}
           WITH n ORDER BY n.id SKIP toInteger($skip) LIMIT toInteger($limit)
           RETURN null AS total, collect(${BY_LABEL[label]('n', ahead?.fields)}) AS page`,
      ['total', 'page'],
      '[p IN page | p.id]',
      { ...f },
      planned,
    );
    return readPage<Row>(this.db, q, ahead);
  }
}
