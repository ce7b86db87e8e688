import { Field, InputType, registerEnumType } from 'type-graphql';

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirection, {
  name: 'SortDirection',
  description: 'Ascending or descending.',
  valuesConfig: {
    ASC: { description: 'Smallest (or earliest) first.' },
    DESC: { description: 'Largest (or latest) first.' },
  },
});

export enum MissionSortField {
  ID = 'ID',
  ACRONYM = 'ACRONYM',
  START = 'START',
  END = 'END',
  PERSONNEL = 'PERSONNEL',
}
registerEnumType(MissionSortField, {
  name: 'MissionSortField',
  description: 'What missions can be ordered by.',
  valuesConfig: {
    ID: { description: 'The id.' },
    ACRONYM: { description: 'The usual acronym.' },
    START: { description: 'The start date (as precise as its source).' },
    END: { description: 'The end date; a mission still active or without an end on record counts as the latest.' },
    PERSONNEL: {
      description: 'The largest monthly personnel on record; a mission without a figure counts as the smallest.',
    },
  },
});

@InputType({ description: 'Order of a mission list.' })
export class MissionSort {
  @Field(() => MissionSortField, { defaultValue: MissionSortField.START, description: 'The sort key.' })
  field!: MissionSortField;

  @Field(() => SortDirection, {
    defaultValue: SortDirection.ASC,
    description: 'Whether this mission is the first (OUTGOING) or the second (INCOMING) of the pair.',
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
