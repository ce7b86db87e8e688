import type { RelationField } from '../../request/relation-field';
import { REL } from '../common/relations.cypher';

/** The nested list fields of Person: read by their loaders, or ahead by the root field (prefetch.ts). */
export const PERSON_RELATIONS = {
  posts: { cypher: REL.personPosts },
  nationalityState: { cypher: REL.personNationality, itemType: 'State' },
} satisfies Record<string, RelationField<never>>;
