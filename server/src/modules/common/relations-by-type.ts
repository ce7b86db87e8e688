import type { RelationFields } from '../../request/relation-field';
import { CONFLICT_RELATIONS } from '../conflict/conflict.relations';
import { MISSION_RELATIONS } from '../mission/mission.relations';
import { ORGANIZATION_RELATIONS } from '../organization/organization.relations';
import { PERSON_RELATIONS } from '../person/person.relations';
import { STATE_RELATIONS } from '../state/state.relations';

/**
 * The relation fields of each entity type, by GraphQL type name: what the look-ahead can read on the items of a
 * relation one level further (`RelationField.itemType`, prefetch.ts).
 */
export const RELATIONS_BY_TYPE: Readonly<Record<string, RelationFields>> = {
  Organization: ORGANIZATION_RELATIONS,
  Mission: MISSION_RELATIONS,
  State: STATE_RELATIONS,
  Conflict: CONFLICT_RELATIONS,
  Person: PERSON_RELATIONS,
};
