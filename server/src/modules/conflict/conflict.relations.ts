import type { RelationField } from '../../request/relation-field';
import { REL } from '../common/relations.cypher';

/** The nested list fields of Conflict: read by their loaders, or ahead by the root field (prefetch.ts). */
export const CONFLICT_RELATIONS = {
  missions: { cypher: REL.conflictMissions, itemType: 'Mission' },
  locations: { cypher: REL.conflictLocations, itemType: 'State' },
} satisfies Record<string, RelationField<never>>;
