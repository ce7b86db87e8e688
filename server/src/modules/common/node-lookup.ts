import type { NodeLabel } from '../../model/graph';

/**
 * Cypher that finds the node with id `$<param>` under any entity label through the label's uniqueness
 * constraint (one index seek per label instead of a scan), binding it to `<v>`.
 */
export function matchEntity(v: string, param: string): string {
  return `CALL () {
    MATCH (x:Organization {id: $${param}}) RETURN x AS ${v}
    UNION MATCH (x:Mission {id: $${param}}) RETURN x AS ${v}
    UNION MATCH (x:Conflict {id: $${param}}) RETURN x AS ${v}
    UNION MATCH (x:State {id: $${param}}) RETURN x AS ${v}
    UNION MATCH (x:Person {id: $${param}}) RETURN x AS ${v}
  }`;
}

/** The display name of a node: missions and organizations by acronym, others by name. */
export const DISPLAY_NAME = (v: string): string => `coalesce(${v}.acronym, ${v}.name, ${v}.id)`;

export const ENTITY_LABELS: readonly NodeLabel[] = ['Organization', 'Mission', 'Conflict', 'State', 'Person'];
