import { Field, InputType } from 'type-graphql';
import { graphqlEnum } from './schema-declarations';
import type { EnumValue } from './schema-declarations';

export const SortDirection = graphqlEnum('SortDirection', 'Ascending or descending.', {
  ASC: 'Smallest (or earliest) first.',
  DESC: 'Largest (or latest) first.',
});
export type SortDirection = EnumValue<typeof SortDirection>;

export const MissionSortField = graphqlEnum('MissionSortField', 'What missions can be ordered by.', {
  ID: 'The id.',
  ACRONYM: 'The usual acronym.',
  START: 'The start date (as precise as its source).',
  END: 'The end date; a mission still active or without an end on record counts as the latest.',
  PERSONNEL: 'The largest monthly personnel on record; a mission without a figure counts as the smallest.',
});
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

export function orderBy(expr: string, direction: SortDirection): string {
  return `${expr} ${direction === SortDirection.DESC ? 'DESC' : 'ASC'}, m.id`;
}
