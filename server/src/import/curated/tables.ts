import { readMembershipCorrection } from '../crosswalk';
import { MISSION_KINDS, ORGANIZATION_KINDS } from '../../model/graph';
import { splitList } from '../csv-table';
import { contributionsTable, organizationSupportTable } from './contribution-tables';
import {
  SOURCE,
  aliasProps,
  checkSpan,
  curatedTable,
  id,
  isBefore,
  listOf,
  relRow,
  result,
  sourceRef,
  span,
} from './table-helpers';
import { stateCapitalsTable } from './state-capitals';
import { hqCorrectionsTable } from './hq-corrections-table';
import type { FormatReader, GraphOp } from '../types';

/**
 * Readers of the project's curated tables (cypher/data/curated/, documented in its README): one reader per
 * table, chosen by the file's name. The `source` column of a row (the document that states the fact) is
 * stored as `sourceRef`; the import source of everything here is `curated`.
 */
const COOPERATION_KINDS = ['handover', 'bridging', 'hybrid', 'support', 'joint', 'coordination'] as const;
const MEMBER_STATUS = ['full', 'associate', 'observer'] as const;
/** What kind of operation a mission is (mission_universe.csv); the analyses' default universe is `peace_operation`. */
export const OPERATION_TYPES = [
  'peace_operation',
  'naval_operation',
  'support_office',
  'enforcement_operation',
  'support_operation',
] as const;
/** What an organization did for a mission (mission_organizations.csv `role`); only `lead` has `lead` true. */
const ORG_ROLES = ['lead', 'joint_lead', 'participant', 'authorizing', 'supporting'] as const;
/** In whose name a post was held (person_posts.csv `capacity`). */
const POST_CAPACITIES = ['official', 'member_state'] as const;
export const organizationsTable = curatedTable({
  description: 'Organizations (organizations.csv)',
  requiredColumns: [
    'id',
    'name',
    'acronym',
    'kind',
    'founded',
    'dissolved',
    'predecessor_id',
    'cow_igo',
    'aliases',
    'source',
  ],
  read(f) {
    const orgId = id(f, 'id');
    const founded = f.date('founded');
    const dissolved = f.date('dissolved');
    checkSpan(f, founded, dissolved);
    const predecessor = id(f, 'predecessor_id', false);
    const ops: GraphOp[] = [
      {
        kind: 'node',
        label: 'Organization',
        id: orgId ?? '',
        props: {
          name: f.text('name', true),
          acronym: f.text('acronym'),
          kind: f.oneOf('kind', ORGANIZATION_KINDS, true),
          founded,
          dissolved,
          cowIgo: f.text('cow_igo'),
          ...aliasProps(f),
          sourceRef: sourceRef(f),
        },
      },
    ];
    if (predecessor)
      ops.push({
        kind: 'rel',
        type: 'SUCCEEDED',
        from: orgId ?? '',
        to: predecessor,
        key: { source: SOURCE },
        props: {},
      });
    return result(f, ops);
  },
});

export const statesTable = curatedTable({
  description: 'States and their codes and spellings (states.csv)',
  requiredColumns: ['id', 'name', 'cow_code', 'cow_abb', 'gw_code', 'region', 'aliases', 'source'],
  read(f) {
    const ops: GraphOp[] = [
      {
        kind: 'node',
        label: 'State',
        id: id(f, 'id') ?? '',
        props: {
          name: f.text('name', true),
          cowCode: f.int('cow_code', { min: 1, max: 999 }),
          cowAbb: f.text('cow_abb'),
          gwCode: f.int('gw_code', { min: 1, max: 999 }),
          region: f.text('region'),
          ...aliasProps(f),
          sourceRef: sourceRef(f),
        },
      },
    ];
    return result(f, ops);
  },
});

export const missionsTable = curatedTable({
  description: 'Missions (missions.csv)',
  requiredColumns: [
    'id',
    'acronym',
    'name',
    'start',
    'end',
    'last_evidence',
    'kinds',
    'mandates',
    'parent_id',
    'aliases',
    'source',
  ],
  read(f) {
    const missionId = id(f, 'id');
    const { start, end } = span(f);
    // The date of the last source that shows a mission active whose end no source gives: an unknown end after it.
    const lastEvidence = f.date('last_evidence');
    if (lastEvidence && end)
      f.fail('last_evidence', `is set together with the end ${end}: a mission with a known end has no last evidence`);
    if (lastEvidence && start && isBefore(lastEvidence, start))
      f.fail('last_evidence', `${lastEvidence} is before the start ${start}`);
    const parent = id(f, 'parent_id', false);
    const ops: GraphOp[] = [
      {
        kind: 'node',
        label: 'Mission',
        id: missionId ?? '',
        props: {
          acronym: f.text('acronym', true),
          name: f.text('name', true),
          start,
          end,
          lastEvidence,
          kinds: listOf(f, 'kinds', MISSION_KINDS),
          mandates: splitList(f.raw('mandates') ?? ''),
          ...aliasProps(f),
          sourceRef: sourceRef(f),
        },
      },
    ];
    if (parent) {
      ops.push({ kind: 'node', label: 'Mission', id: parent, props: {}, onCreate: { name: parent, acronym: parent } });
      ops.push({ kind: 'rel', type: 'PART_OF', from: missionId ?? '', to: parent, key: { source: SOURCE }, props: {} });
    }
    return result(f, ops);
  },
});

/**
 * What kind of operation each mission is (mission_universe.csv, one row per mission of missions.csv): sets
 * `operationType` and `operationTypeRef` (the row's source) on the mission. The table only types missions:
 * a mission id that is not an id of missions.csv (as the crosswalk knows them) is a row error, and `onCreate`
 * fills no more than a parent stub would (missions.csv runs first, so the mission exists).
 */
export const missionUniverseTable = curatedTable({
  description: 'Kind of operation of each mission (mission_universe.csv)',
  requiredColumns: ['mission_id', 'operation_type', 'reason', 'source'],
  read(f, ctx) {
    const missionId = id(f, 'mission_id');
    if (missionId && ctx.crosswalk.missionFromName(SOURCE, missionId) !== missionId) {
      f.fail('mission_id', `'${missionId}' is not a mission id of missions.csv`);
    }
    const operationType = f.oneOf('operation_type', OPERATION_TYPES, true);
    f.text('reason', true);
    const op: GraphOp = {
      kind: 'node',
      label: 'Mission',
      id: missionId ?? '',
      props: { operationType, operationTypeRef: sourceRef(f) },
      onCreate: { name: missionId, acronym: missionId },
    };
    return result(f, [op]);
  },
});

export const missionOrganizationsTable = curatedTable({
  description: 'Which organizations deployed each mission (mission_organizations.csv)',
  requiredColumns: ['mission_id', 'organization_id', 'lead', 'role', 'source'],
  read(f) {
    const lead = f.bool('lead');
    const role = f.oneOf('role', ORG_ROLES, true);
    if (role && typeof lead === 'boolean' && lead !== (role === 'lead')) {
      f.fail('lead', `${String(lead)} disagrees with the role '${role}' (lead is true for the role 'lead' only)`);
    }
    return relRow(f, 'DEPLOYED', 'organization_id', 'mission_id', () => ({
      key: { source: SOURCE },
      props: { lead, role, sourceRef: sourceRef(f) },
    }));
  },
});

export const missionHostsTable = curatedTable({
  description: 'Host states of missions (mission_hosts.csv)',
  requiredColumns: ['mission_id', 'state_id', 'start', 'end', 'source'],
  read(f) {
    const { start, end } = span(f);
    return relRow(f, 'HOSTED_BY', 'mission_id', 'state_id', () => ({
      key: { source: SOURCE },
      props: { start, end, sourceRef: sourceRef(f) },
    }));
  },
});

export const missionConflictsTable = curatedTable({
  description: 'Conflicts of missions (mission_conflicts.csv)',
  requiredColumns: ['mission_id', 'conflict_id', 'source'],
  read(f) {
    const conflict = f.text('conflict_id', true);
    if (conflict && !/^ucdp-\d+$/.test(conflict))
      f.fail('conflict_id', `'${conflict}' is not of the form ucdp-<UCDP conflict_id>`);
    const ops: GraphOp[] = [
      { kind: 'node', label: 'Conflict', id: conflict ?? '', props: {}, onCreate: {} },
      {
        kind: 'rel',
        type: 'IN_CONFLICT',
        from: id(f, 'mission_id') ?? '',
        to: conflict ?? '',
        key: { source: SOURCE },
        props: { sourceRef: sourceRef(f) },
      },
    ];
    return result(f, ops);
  },
});

export const cooperationTable = curatedTable({
  description: 'Recorded cooperation between missions (cooperation.csv)',
  requiredColumns: ['from_mission_id', 'to_mission_id', 'kind', 'start', 'end', 'description', 'source'],
  read(f) {
    const { start, end } = span(f);
    return relRow(f, 'COOPERATED_WITH', 'from_mission_id', 'to_mission_id', () => ({
      key: { source: SOURCE, kind: f.oneOf('kind', COOPERATION_KINDS, true) ?? '' },
      props: { start, end, description: f.text('description'), sourceRef: sourceRef(f) },
    }));
  },
});

export const peopleTable = curatedTable({
  description: 'People (people.csv)',
  requiredColumns: ['id', 'name', 'nationality', 'source'],
  read(f) {
    const personId = id(f, 'id') ?? '';
    const nationality = id(f, 'nationality', false);
    const ops: GraphOp[] = [
      {
        kind: 'node',
        label: 'Person',
        id: personId,
        props: { name: f.text('name', true), nationality, sourceRef: sourceRef(f) },
      },
    ];
    if (nationality)
      ops.push({
        kind: 'rel',
        type: 'NATIONAL_OF',
        from: personId,
        to: nationality,
        key: { source: SOURCE },
        props: {},
      });
    return result(f, ops);
  },
});

export const personPostsTable = curatedTable({
  description: 'Posts held by people in missions or organizations (person_posts.csv)',
  requiredColumns: ['person_id', 'mission_id', 'organization_id', 'role', 'capacity', 'start', 'end', 'source'],
  read(f) {
    const mission = id(f, 'mission_id', false);
    const org = id(f, 'organization_id', false);
    if (!mission === !org)
      f.fail(mission ? 'organization_id' : 'mission_id', 'exactly one of mission_id and organization_id must be set');
    const { start, end } = span(f);
    const role = f.text('role', true) ?? '';
    const capacity = f.oneOf('capacity', POST_CAPACITIES, true);
    const op: GraphOp = {
      kind: 'rel',
      type: mission ? 'SERVED_IN' : 'HELD_POST',
      from: id(f, 'person_id') ?? '',
      to: mission ?? org ?? '',
      // An unknown start is keyed as '' (a MERGE key cannot be null) and stored without a start.
      key: { source: SOURCE, role, start: start ?? '' },
      props: { end, capacity, sourceRef: sourceRef(f) },
    };
    return result(f, [op]);
  },
});

export const membershipsTable = curatedTable({
  description: 'Membership changes after 2014 (memberships.csv)',
  requiredColumns: ['state_id', 'organization_id', 'start', 'end', 'status', 'source'],
  read(f) {
    const { start, end } = span(f, true);
    return relRow(f, 'MEMBER_OF', 'state_id', 'organization_id', () => ({
      key: { source: SOURCE, start: start ?? '', status: f.oneOf('status', MEMBER_STATUS, true) ?? '' },
      props: { end, sourceRef: sourceRef(f) },
    }));
  },
});

/**
 * Corrections of known COW IGO v3 errors (membership_corrections.csv). Every row is checked (ids, dates,
 * status, `cow_start` and `cow_end` both set or both empty, `end` not before `start`, `source`). A row that
 * adds a spell (no `cow_start`/`cow_end`) becomes a curated MEMBER_OF keyed like memberships.csv, with the
 * row's source as both `sourceRef` and `correctionRef`; a row that corrects a COW spell writes nothing here:
 * the cow-igo reader applies it to the COW row (through the crosswalk).
 */
export const membershipCorrectionsTable = curatedTable({
  description: 'Corrections of COW IGO membership spells (membership_corrections.csv)',
  requiredColumns: ['state_id', 'organization_id', 'status', 'cow_start', 'cow_end', 'start', 'end', 'note', 'source'],
  read(f, ctx) {
    const from = id(f, 'state_id');
    const to = id(f, 'organization_id');
    const c = readMembershipCorrection(f, ctx.line);
    if (!c || f.errors.length) return result(f, []);
    if (c.cowStart !== null)
      return { ops: [], errors: [], skipped: 'corrects a COW IGO spell (applied by the cow-igo import)' };
    const op: GraphOp = {
      kind: 'rel',
      type: 'MEMBER_OF',
      from: from ?? '',
      to: to ?? '',
      key: { source: SOURCE, start: c.start, status: c.status },
      props: { end: c.end, sourceRef: c.source, correctionRef: c.source },
    };
    return result(f, [op]);
  },
});

/** Crosswalk tables: read by the importers to resolve names, not stored as graph facts. */
function crosswalkTable(file: string, columns: string[]): FormatReader {
  return {
    name: 'curated',
    description: `Crosswalk (${file}): used to resolve names, not stored`,
    requiredColumns: columns,
    mapRow: () => ({ ops: [], errors: [], skipped: `${file} is a crosswalk used by the importers` }),
  };
}

export { contributionsTable, organizationSupportTable } from './contribution-tables';
export { stateCapitalsTable } from './state-capitals';
export { hqCorrectionsTable } from './hq-corrections-table';

/** The curated tables by file name, in the order a full load runs them (nodes before the links between them). */
export const CURATED_TABLES: ReadonlyArray<readonly [string, FormatReader]> = [
  ['organizations.csv', organizationsTable],
  ['states.csv', statesTable],
  ['state_capitals.csv', stateCapitalsTable],
  ['missions.csv', missionsTable],
  ['mission_universe.csv', missionUniverseTable],
  ['people.csv', peopleTable],
  ['mission_organizations.csv', missionOrganizationsTable],
  ['mission_hosts.csv', missionHostsTable],
  ['mission_conflicts.csv', missionConflictsTable],
  ['cooperation.csv', cooperationTable],
  ['person_posts.csv', personPostsTable],
  ['memberships.csv', membershipsTable],
  ['membership_corrections.csv', membershipCorrectionsTable],
  ['mission_hq_corrections.csv', hqCorrectionsTable],
  ['organization_support.csv', organizationSupportTable],
  ['contributions_africa.csv', contributionsTable],
  ['contributions_nato.csv', contributionsTable],
  ['contributions_europe.csv', contributionsTable],
  ['contributions_coalitions.csv', contributionsTable],
  [
    'mission_aliases.csv',
    crosswalkTable('mission_aliases.csv', ['source_format', 'name', 'host_id', 'mission_id', 'note', 'source']),
  ],
  [
    'non_state_contributors.csv',
    crosswalkTable('non_state_contributors.csv', ['source_format', 'name', 'kind', 'note', 'source']),
  ],
];
