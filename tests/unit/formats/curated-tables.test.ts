import path from 'node:path';
import { missionOrganizationsTable, missionsTable, personPostsTable } from '../../../server/src/import/curated/tables';
import type { RelOp } from '../../../server/src/import/types';
import { fixtureCrosswalk, mapRow, readRows } from './helpers';

/**
 * The curated readers of missions.csv (`last_evidence`), mission_organizations.csv (`role`) and person_posts.csv
 * (`capacity`) on hand-written rows, then the shipped tables: every row reads, and the dates of the UN list are
 * as precise as their sources.
 */

const cw = fixtureCrosswalk();
const CURATED = path.join(__dirname, '../../../cypher/data/curated');
const UN_LIST = path.join(__dirname, '../../../cypher/data/sources/un-supplementary/un_psdata_DPPADPOSS-PKO.csv');

const mission = (cells: Record<string, string>) => ({
  id: 'M1',
  acronym: 'M1',
  name: 'Mission 1',
  start: '1999',
  end: '',
  last_evidence: '',
  kinds: 'observer',
  mandates: '',
  parent_id: '',
  aliases: '',
  source: 'doc',
  ...cells,
});
const link = (cells: Record<string, string>) => ({
  mission_id: 'M1',
  organization_id: 'AU',
  lead: 'true',
  role: 'lead',
  source: 'doc',
  ...cells,
});
const post = (cells: Record<string, string>) => ({
  person_id: 'p1',
  mission_id: '',
  organization_id: 'OSCE',
  role: 'OSCE Chairperson-in-Office',
  capacity: 'official',
  start: '2019-01-01',
  end: '2019-12-31',
  source: 'doc',
  ...cells,
});
const relOf = (res: ReturnType<typeof mapRow>): RelOp | undefined => res.ops.find((o): o is RelOp => o.kind === 'rel');

describe('missions.csv: last_evidence', () => {
  it('reads last_evidence as a date and stores it as lastEvidence on the Mission', () => {
    const res = mapRow(missionsTable, mission({ last_evidence: '2000-11' }), cw);
    expect(res.errors).toEqual([]);
    expect(res.ops[0]).toMatchObject({
      kind: 'node',
      label: 'Mission',
      id: 'M1',
      props: { start: '1999', end: null, lastEvidence: '2000-11' },
    });
    expect(mapRow(missionsTable, mission({}), cw).ops[0]).toMatchObject({ props: { lastEvidence: null } });
  });

  it('rejects last_evidence together with an end, naming the field', () => {
    expect(mapRow(missionsTable, mission({ end: '2001', last_evidence: '2000-11' }), cw)).toEqual({
      ops: [],
      errors: [
        {
          field: 'last_evidence',
          reason: 'is set together with the end 2001: a mission with a known end has no last evidence',
        },
      ],
    });
  });

  it('rejects last_evidence before the start, comparing at the coarser precision', () => {
    expect(mapRow(missionsTable, mission({ start: '1999-07', last_evidence: '1999-03' }), cw).errors).toEqual([
      { field: 'last_evidence', reason: '1999-03 is before the start 1999-07' },
    ]);
    expect(mapRow(missionsTable, mission({ start: '1999-07', last_evidence: '1999' }), cw).errors).toEqual([]);
    expect(mapRow(missionsTable, mission({ last_evidence: '2000-13' }), cw).errors).toEqual([
      { field: 'last_evidence', reason: "'2000-13' is not a date (YYYY, YYYY-MM, YYYY-MM-DD or M/D/YYYY)" },
    ]);
  });

  it('requires the last_evidence column', () => {
    expect(missionsTable.requiredColumns).toContain('last_evidence');
  });
});

describe('mission_organizations.csv: role', () => {
  it('stores the role with lead on DEPLOYED', () => {
    const joint = mapRow(missionOrganizationsTable, link({ lead: 'false', role: 'joint_lead' }), cw);
    expect(joint.errors).toEqual([]);
    expect(relOf(joint)).toEqual({
      kind: 'rel',
      type: 'DEPLOYED',
      from: 'AU',
      to: 'M1',
      key: { source: 'curated' },
      props: { lead: false, role: 'joint_lead', sourceRef: 'doc' },
    });
    expect(relOf(mapRow(missionOrganizationsTable, link({}), cw))).toMatchObject({
      props: { lead: true, role: 'lead' },
    });
    expect(relOf(mapRow(missionOrganizationsTable, link({ lead: 'false', role: 'authorizing' }), cw))).toMatchObject({
      props: { role: 'authorizing' },
    });
  });

  it('reports a row whose lead disagrees with its role', () => {
    expect(mapRow(missionOrganizationsTable, link({ lead: 'true', role: 'participant' }), cw)).toEqual({
      ops: [],
      errors: [
        { field: 'lead', reason: "true disagrees with the role 'participant' (lead is true for the role 'lead' only)" },
      ],
    });
    expect(mapRow(missionOrganizationsTable, link({ lead: 'false', role: 'lead' }), cw).errors).toEqual([
      { field: 'lead', reason: "false disagrees with the role 'lead' (lead is true for the role 'lead' only)" },
    ]);
  });

  it('rejects an unknown or missing role', () => {
    expect(mapRow(missionOrganizationsTable, link({ role: 'sponsor' }), cw).errors).toEqual([
      { field: 'role', reason: "'sponsor' is not one of lead, joint_lead, participant, authorizing, supporting" },
    ]);
    expect(mapRow(missionOrganizationsTable, link({ role: '' }), cw).errors).toEqual([
      { field: 'role', reason: 'is empty' },
    ]);
  });
});

describe('person_posts.csv: capacity', () => {
  it('stores the capacity on HELD_POST and SERVED_IN', () => {
    const held = mapRow(personPostsTable, post({ capacity: 'member_state' }), cw);
    expect(held.errors).toEqual([]);
    expect(relOf(held)).toEqual({
      kind: 'rel',
      type: 'HELD_POST',
      from: 'p1',
      to: 'OSCE',
      key: { source: 'curated', role: 'OSCE Chairperson-in-Office', start: '2019-01-01' },
      props: { end: '2019-12-31', capacity: 'member_state', sourceRef: 'doc' },
    });
    const served = mapRow(
      personPostsTable,
      post({ mission_id: 'M1', organization_id: '', role: 'Head of Mission' }),
      cw,
    );
    expect(relOf(served)).toMatchObject({ type: 'SERVED_IN', to: 'M1', props: { capacity: 'official' } });
  });

  it('rejects an unknown or missing capacity', () => {
    expect(mapRow(personPostsTable, post({ capacity: 'personal' }), cw).errors).toEqual([
      { field: 'capacity', reason: "'personal' is not one of official, member_state" },
    ]);
    expect(mapRow(personPostsTable, post({ capacity: '' }), cw).errors).toEqual([
      { field: 'capacity', reason: 'is empty' },
    ]);
  });
});

describe('the shipped curated tables', () => {
  const missions = readRows(path.join(CURATED, 'missions.csv'));
  const byId = new Map(missions.map((m) => [m.id, m]));

  it('reads every row of missions.csv, mission_organizations.csv and person_posts.csv without an error', () => {
    const failures = (file: string, reader: typeof missionsTable) =>
      readRows(path.join(CURATED, file))
        .map((row, i) => ({ line: i + 2, errors: mapRow(reader, row, cw, i + 2).errors }))
        .filter((r) => r.errors.length);
    expect(failures('missions.csv', missionsTable)).toEqual([]);
    expect(failures('mission_organizations.csv', missionOrganizationsTable)).toEqual([]);
    expect(failures('person_posts.csv', personPostsTable)).toEqual([]);
  });

  it('ends UNOCI on 30 June 2017 (S/RES/2284) and gives OAU-JMC and CPDTF a last evidence but no end', () => {
    expect(byId.get('UNOCI')).toMatchObject({ end: '2017-06-30', last_evidence: '' });
    expect(byId.get('UNOCI')?.source).toContain('S/RES/2284');
    expect(byId.get('OAU-JMC')).toMatchObject({ end: '', last_evidence: '2000-11' });
    expect(byId.get('CPDTF')).toMatchObject({ end: '', last_evidence: '1999-12' });
  });

  it('gives every mission without an end either a last evidence or a source that it is still active', () => {
    const open = missions.filter((m) => !m.end && !m.last_evidence && !/still active/.test(m.source ?? ''));
    expect(open.map((m) => m.id)).toEqual([]);
  });

  it('copies no UN-list date stamped on the 1st of a month as a day, unless the source names the resolution giving that day', () => {
    const list = readRows(UN_LIST);
    const listBy = new Map(list.map((r) => [(r.mission_acronym ?? '').trim(), r]));
    const problems: string[] = [];
    for (const m of missions) {
      if (!(m.source ?? '').includes('DPPADPOSS-PKO list')) continue;
      const names = [m.acronym ?? '', m.id ?? '', ...(m.aliases ?? '').split('|').filter(Boolean)];
      const u = names.map((n) => listBy.get(n)).find((r) => r !== undefined);
      for (const [field, listField] of [
        ['start', 'start_date'],
        ['end', 'end_date'],
      ] as const) {
        const v = m[field] ?? '';
        if (!/^\d{4}-\d{2}-01$/.test(v)) continue;
        const named = new RegExp(`${field}: S/RES/\\d+`).test(m.source ?? '');
        if (!named) problems.push(`${m.id} ${field} ${v}${u && u[listField] === v ? ' (as in the list)' : ''}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('keeps lead and role in agreement and counts the non-lead roles', () => {
    const links = readRows(path.join(CURATED, 'mission_organizations.csv'));
    expect(links.filter((l) => (l.lead === 'true') !== (l.role === 'lead'))).toEqual([]);
    expect(links.filter((l) => l.mission_id === 'UNAMID').map((l) => l.role)).toEqual(['joint_lead', 'joint_lead']);
    expect(links.find((l) => l.mission_id === 'MNJTF' && l.organization_id === 'AU')?.role).toBe('authorizing');
  });

  it('marks the Presidents of the UN General Assembly and the OSCE Chairs as member-state roles, their representatives as official', () => {
    const posts = readRows(path.join(CURATED, 'person_posts.csv'));
    const memberState = posts.filter((p) => p.capacity === 'member_state').map((p) => p.role ?? '');
    expect(memberState.every((r) => /General Assembly|Chair(person|man)-in-Office$/.test(r))).toBe(true);
    expect(
      posts.filter((p) => /Representative of the OSCE Chairperson-in-Office/.test(p.role ?? '')).map((p) => p.capacity),
    ).toEqual(['official', 'official']);
  });
});
