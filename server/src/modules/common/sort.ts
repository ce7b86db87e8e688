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

export function orderBy(expr: string, direction: SortDirection): string {
  return `${expr} ${direction === SortDirection.DESC ? 'DESC' : 'ASC'}, m.id`;
}
