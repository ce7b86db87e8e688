import { Field, InputType } from 'type-graphql';
import { declaredEnum } from './schema-declarations';
import type { EnumValue } from './schema-declarations';

export const SortDirection = declaredEnum('SortDirection');
export type SortDirection = EnumValue<typeof SortDirection>;

export const MissionSortField = declaredEnum('MissionSortField');
export type MissionSortField = EnumValue<typeof MissionSortField>;

@InputType({ description: 'Order of a mission list.' })
export class MissionSort {
  @Field(() => MissionSortField, { defaultValue: MissionSortField.START, description: 'The sort key.' })
  field!: MissionSortField;

  @Field(() => SortDirection, {
    defaultValue: SortDirection.ASC,
    description: 'Ascending or descending.',
  })
  direction!: SortDirection;
}

/** Sort keys to Cypher, an allow-list: the only sort expressions any statement may contain. */
export const MISSION_SORT_EXPR: Record<MissionSortField, string> = {
  ID: 'm.id',
  ACRONYM: 'm.acronym',
  START: "coalesce(m.start, '')",
  END: "coalesce(m.end, '9999')",
  PERSONNEL: 'coalesce(m.maxPersonnel, -1)',
};

/**
 * Sort keys whose property has a range index (cypher/schema.cypher: mission_start, mission_end). A page cut without
 * a count reads the missions the index lists (`valued`, a range the index answers) in its order, no more than the
 * page needs, and the others (no value: the sort expression's default) apart; the two lists put together are in
 * MISSION_SORT_EXPR's order. `defaultFirst`: the direction in which the missions without a value come first
 * (ascending `coalesce(m.start, '')` puts them first, ascending `coalesce(m.end, '9999')` last).
 */
export const MISSION_SORT_INDEX: Partial<
  Record<MissionSortField, { property: string; valued: string; defaultFirst: SortDirection }>
> = {
  START: { property: 'm.start', valued: "m.start > ''", defaultFirst: SortDirection.ASC },
  END: { property: 'm.end', valued: "m.end < '9999'", defaultFirst: SortDirection.DESC },
};

export function orderBy(expr: string, direction: SortDirection): string {
  return `${expr} ${direction === SortDirection.DESC ? 'DESC' : 'ASC'}, m.id`;
}
