/**
 * The graph model as allow-lists: the only labels, relationship types and key properties that any Cypher
 * statement may name. Import ops and API arguments are checked against these lists before a name reaches a
 * statement; values always travel as parameters.
 */
/** The kinds of organization (`Organization.kind`): the only values an import, a write or a filter accepts. */
export const ORGANIZATION_KINDS = [
  'global',
  'regional',
  'subregional',
  'alliance',
  'ad_hoc_coalition',
  'lead_state',
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

/** The kinds of mission (`Mission.kinds`, cypher/data/curated/README.md): the values a curated row may give, offered by the view's filter even when absent from the data. */
export const MISSION_KINDS = [
  'military',
  'police',
  'observer',
  'civilian',
  'rule_of_law',
  'monitoring',
  'training',
  'support',
  'maritime',
] as const;
export type MissionKind = (typeof MISSION_KINDS)[number];

/**
 * A readable id as the graph stores it (`UN`, `UNMISS`, `ucdp-309`, `SDN`): 1 to 64 letters, digits, '.', '_' or
 * '-', starting with a letter or digit. The curated tables, the admin inputs and the analytics arguments check it.
 */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export const NODE_LABELS = ['Organization', 'Mission', 'Conflict', 'State', 'Person'] as const;
export type NodeLabel = (typeof NODE_LABELS)[number];

export interface RelSpec {
  from: NodeLabel;
  to: NodeLabel;
  /** Properties that, with the two endpoints and the type, identify one relationship (MERGE key). */
  key: readonly string[];
  /**
   * A time series: a pair of nodes holds many relationships of this type (one per month or year), so the key
   * is also stored as one property, `uid` (the endpoints and the key values), under a uniqueness constraint
   * (`cypher/schema.cypher`). MERGE then seeks that index instead of scanning every relationship of the pair.
   */
  series?: true;
  description: string;
}

export const REL_SPECS = {
  DEPLOYED: {
    from: 'Organization',
    to: 'Mission',
    key: ['source'],
    description: 'The organization deployed (or co-deployed, `lead` marks the leader) the mission.',
  },
  IN_CONFLICT: {
    from: 'Mission',
    to: 'Conflict',
    key: ['source'],
    description: 'The mission was deployed in the armed conflict.',
  },
  HOSTED_BY: {
    from: 'Mission',
    to: 'State',
    key: ['source'],
    description: 'The mission was deployed on the territory of the state (`start`, `end`).',
  },
  CONTRIBUTED_TO: {
    from: 'State',
    to: 'Mission',
    key: ['source', 'from', 'site'],
    series: true,
    description:
      'The state had personnel in the mission over [`from`, `to`] (months, YYYY-MM): monthly figures or yearly averages (`granularity`); `site` is empty unless the source counts per deployment site.',
  },
  PERSONNEL_IN: {
    from: 'Mission',
    to: 'State',
    key: ['source', 'month'],
    series: true,
    description: "The mission's personnel in the host state in one month.",
  },
  MEMBER_OF: {
    from: 'State',
    to: 'Organization',
    key: ['source', 'start', 'status'],
    description: 'Membership spell (`start`, `end`, `status`: full, associate, observer).',
  },
  SERVED_IN: {
    from: 'Person',
    to: 'Mission',
    key: ['source', 'role', 'start'],
    description: 'A post held in a mission.',
  },
  HELD_POST: {
    from: 'Person',
    to: 'Organization',
    key: ['source', 'role', 'start'],
    description: "A post held in an organization's headquarters.",
  },
  NATIONAL_OF: { from: 'Person', to: 'State', key: ['source'], description: 'Nationality of a person.' },
  COOPERATED_WITH: {
    from: 'Mission',
    to: 'Mission',
    key: ['source', 'kind'],
    description:
      'Recorded cooperation between two missions (`kind`: handover, bridging, hybrid, support, joint, coordination).',
  },
  PARTY_TO: {
    from: 'State',
    to: 'Conflict',
    key: ['source', 'side', 'role', 'year'],
    description: 'The state was a party (primary or secondary) on side A or B of the conflict in the year.',
  },
  LOCATED_IN: {
    from: 'Conflict',
    to: 'State',
    key: ['source'],
    description: 'The conflict took place in the state (UCDP `gwno_loc`).',
  },
  SUCCEEDED: {
    from: 'Organization',
    to: 'Organization',
    key: ['source'],
    description: 'The organization succeeded the other (EU succeeded EEC).',
  },
  PART_OF: {
    from: 'Mission',
    to: 'Mission',
    key: ['source'],
    description: 'The mission is one host-country part of an umbrella operation.',
  },
  SUPPORTED: {
    from: 'Organization',
    to: 'Mission',
    key: ['source', 'kind', 'start'],
    description:
      "The organization supported another organization's mission (`kind`: funding, logistics, training, planning, equipment; `start`, `end`).",
  },
} as const satisfies Record<string, RelSpec>;

export type RelType = keyof typeof REL_SPECS;
export const REL_TYPES = Object.keys(REL_SPECS) as RelType[];

export function isNodeLabel(x: string): x is NodeLabel {
  return (NODE_LABELS as readonly string[]).includes(x);
}

export function isRelType(x: string): x is RelType {
  return Object.prototype.hasOwnProperty.call(REL_SPECS, x);
}

/** A property value the writer stores: scalars and lists of scalars; null means "not given" (never written). */
export type Scalar = string | number | boolean;
export type PropValue = Scalar | Scalar[] | null | undefined;
export type Props = Record<string, PropValue>;
