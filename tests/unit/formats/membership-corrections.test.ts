import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Crosswalk } from '../../../server/src/import/crosswalk';
import { membershipCorrectionsTable, membershipsTable } from '../../../server/src/import/curated/tables';
import { cowIgoMemberships } from '../../../server/src/import/formats/cow-igo';
import type { GraphOp, RelOp } from '../../../server/src/import/types';
import { FIXTURES, dataFile, fixtureRows, mapRow, modelViolations, readRows, withCells } from './helpers';

/**
 * membership_corrections.csv: the cow-igo reader applies its correcting rows to COW spells, the curated reader
 * checks every row and writes its adding rows. Fixture tables first, then the shipped table against the
 * shipped COW file.
 */

const HEADER = 'state_id,organization_id,status,cow_start,cow_end,start,end,note,source';
const FIXTURE_TABLE = [
  HEADER,
  'NGA,OAU,full,1963,2002,1963-05-25,2002-07-09,corrected dates,test fixture A',
  'UKR,CIS,associate,1993,2014,1993,2018,ends after COW,test fixture B',
  'UKR,CIS,full,1991,1992,1991-12-08,,still a member,test fixture C',
  'USA,UN,full,1945,2010,1945,,written for another COW end,test fixture D',
  'USA,EU,full,1999,,1999,,cow_end missing,test fixture E',
  'USA,LAS,observer,1990,2000,1990,,written twice,test fixture F',
  'USA,LAS,observer,1990,2000,1991,,written twice,test fixture G',
  'NGA,UN,observer,,,2020-01,,an added spell,test fixture H',
].join('\n');

let dir: string;
let cw: Crosswalk;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'membership-corrections-'));
  const curated = path.join(FIXTURES, 'curated');
  for (const f of fs.readdirSync(curated)) fs.copyFileSync(path.join(curated, f), path.join(dir, f));
  fs.writeFileSync(path.join(dir, 'membership_corrections.csv'), `${FIXTURE_TABLE}\n`);
  cw = Crosswalk.load(dir);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const spells = fixtureRows('cow-igo-memberships.csv');
const spell = (ccode: string, ioname: string, start?: string) =>
  spells.find((r) => r.ccode === ccode && r.ioname === ioname && (start === undefined || r.start_year === start));
const cowRow = (cells: Record<string, string>) => withCells(spell('2', 'UN'), cells);
const relOf = (ops: GraphOp[]): RelOp | undefined => ops.find((o): o is RelOp => o.kind === 'rel');

describe('the cow-igo reader with membership_corrections.csv', () => {
  it('writes a corrected spell with the corrected dates, keyed by the corrected start, keeping COW values', () => {
    const res = mapRow(cowIgoMemberships, withCells(spell('475', 'OAU'), {}), cw);
    expect(res.errors).toEqual([]);
    expect(relOf(res.ops)).toEqual({
      kind: 'rel',
      type: 'MEMBER_OF',
      from: 'NGA',
      to: 'OAU',
      key: { source: 'cow-igo', start: '1963-05-25', status: 'full' },
      props: {
        end: '2002-07-09',
        observedUntil: '2002',
        observations: 40,
        cowStart: '1963',
        cowEnd: '2002',
        correctionRef: 'test fixture A',
      },
    });
    expect(modelViolations(res.ops, 'cow-igo')).toEqual([]);
  });

  it('leaves the end empty when the corrected spell runs on, and bounds observedUntil by 2014', () => {
    expect(relOf(mapRow(cowIgoMemberships, withCells(spell('369', 'CIS', '1991'), {}), cw).ops)).toMatchObject({
      key: { source: 'cow-igo', start: '1991-12-08', status: 'full' },
      props: { end: null, observedUntil: '2014', cowStart: '1991', cowEnd: '1992', correctionRef: 'test fixture C' },
    });
    expect(relOf(mapRow(cowIgoMemberships, withCells(spell('369', 'CIS', '1993'), {}), cw).ops)).toMatchObject({
      key: { source: 'cow-igo', start: '1993', status: 'associate' },
      props: { end: '2018', observedUntil: '2014', cowStart: '1993', cowEnd: '2014' },
    });
  });

  it('maps a spell without a correction as before (no COW copies, no correctionRef)', () => {
    const res = mapRow(cowIgoMemberships, withCells(spell('260', 'NATO'), {}), cw);
    expect(res.skipped).toBe("IGO 'NATO' is not in organizations.csv");
    expect(relOf(mapRow(cowIgoMemberships, cowRow({ ioname: 'LOAS', status_label: 'full' }), cw).ops)?.props).toEqual({
      end: null,
      observedUntil: '2014',
      observations: 70,
    });
  });

  it('reports a COW row whose end differs from the cow_end the correction was written for, on end_year', () => {
    expect(mapRow(cowIgoMemberships, cowRow({}), cw)).toEqual({
      ops: [],
      errors: [
        {
          field: 'end_year',
          reason:
            '2014 is not 2010, the COW end year that the correction of this spell (membership_corrections.csv line 5) ' +
            'was written for: check the correction against this file',
        },
      ],
    });
  });

  it('reports a spell whose correcting row is invalid or written twice, instead of importing it uncorrected', () => {
    expect(mapRow(cowIgoMemberships, cowRow({ ioname: 'EU', start_year: '1999' }), cw).errors).toEqual([
      {
        field: 'start_year',
        reason:
          'membership_corrections.csv line 6 corrects this spell but is invalid (cow_end is empty while cow_start is set (set both to correct a COW spell, or neither to add a spell))',
      },
    ]);
    expect(
      mapRow(
        cowIgoMemberships,
        cowRow({ ioname: 'LOAS', status_label: 'observer', start_year: '1990', end_year: '2000' }),
        cw,
      ).errors,
    ).toEqual([
      { field: 'start_year', reason: 'membership_corrections.csv line 7 and 8 correct this spell more than once' },
    ]);
  });

  it('lists the adding rows, not the correcting ones', () => {
    expect(cw.membershipAdditions.map((a) => [a.stateId, a.orgId, a.status, a.start, a.line])).toEqual([
      ['NGA', 'UN', 'observer', '2020-01', 9],
    ]);
  });

  it('has no corrections when the table is missing', () => {
    const bare = Crosswalk.load(path.join(FIXTURES, 'curated'));
    expect(bare.membershipCorrection('NGA', 'OAU', 'full', 1963)).toBeUndefined();
    expect(bare.membershipAdditions).toEqual([]);
    expect(relOf(mapRow(cowIgoMemberships, withCells(spell('475', 'OAU'), {}), bare).ops)?.key).toEqual({
      source: 'cow-igo',
      start: '1963',
      status: 'full',
    });
  });
});

describe('the membership_corrections.csv reader', () => {
  const row = (cells: Record<string, string>) => ({
    state_id: 'RWA',
    organization_id: 'ECCAS',
    status: 'full',
    cow_start: '',
    cow_end: '',
    start: '2015-05-25',
    end: '',
    note: '',
    source: 'a source',
    ...cells,
  });
  const read = (cells: Record<string, string>) => mapRow(membershipCorrectionsTable, row(cells), cw);

  it('writes an adding row as a curated MEMBER_OF keyed like memberships.csv', () => {
    expect(read({ end: '2025-06-07' })).toEqual({
      errors: [],
      ops: [
        {
          kind: 'rel',
          type: 'MEMBER_OF',
          from: 'RWA',
          to: 'ECCAS',
          key: { source: 'curated', start: '2015-05-25', status: 'full' },
          props: { end: '2025-06-07', sourceRef: 'a source', correctionRef: 'a source' },
        },
      ],
    });
    const asMembership = mapRow(
      membershipsTable,
      { state_id: 'RWA', organization_id: 'ECCAS', start: '2015-05-25', end: '', status: 'full', source: 'x' },
      cw,
    );
    expect(relOf(read({}).ops)?.key).toEqual(relOf(asMembership.ops)?.key);
  });

  it('writes nothing for a correcting row (the cow-igo import applies it)', () => {
    expect(read({ cow_start: '1985', cow_end: '2011', start: '1985', end: '2007' })).toEqual({
      ops: [],
      errors: [],
      skipped: 'corrects a COW IGO spell (applied by the cow-igo import)',
    });
  });

  it('rejects a bad row, naming the field', () => {
    expect(read({ cow_start: '1985' }).errors).toEqual([
      {
        field: 'cow_end',
        reason: 'is empty while cow_start is set (set both to correct a COW spell, or neither to add a spell)',
      },
    ]);
    expect(read({ cow_end: '2011' }).errors).toEqual([
      {
        field: 'cow_start',
        reason: 'is empty while cow_end is set (set both to correct a COW spell, or neither to add a spell)',
      },
    ]);
    expect(read({ end: '2014' }).errors).toEqual([{ field: 'end', reason: '2014 is before the start 2015-05-25' }]);
    expect(read({ end: '2015' }).errors).toEqual([]); // the same year at a lower precision is not before it
    expect(read({ cow_start: '2011', cow_end: '1985' }).errors).toEqual([
      { field: 'cow_end', reason: '1985 is before cow_start 2011' },
    ]);
    expect(read({ cow_start: '85', cow_end: '2011' }).errors).toEqual([
      { field: 'cow_start', reason: '85 is below 1800' },
    ]);
    expect(read({ status: 'member' }).errors).toEqual([
      { field: 'status', reason: "'member' is not one of full, associate, observer" },
    ]);
    expect(read({ state_id: 'R W' }).errors).toEqual([
      { field: 'state_id', reason: "'R W' is not a valid id (letters, digits, '.', '_' or '-')" },
    ]);
    expect(read({ start: '2015-13' }).errors).toEqual([
      { field: 'start', reason: "'2015-13' is not a date (YYYY, YYYY-MM, YYYY-MM-DD or M/D/YYYY)" },
    ]);
    expect(read({ start: '' }).errors).toEqual([{ field: 'start', reason: 'is empty' }]);
    expect(read({ source: '' }).errors).toEqual([{ field: 'source', reason: 'is empty' }]);
    expect(read({ source: '' }).ops).toEqual([]);
  });
});

describe('the shipped membership_corrections.csv', () => {
  const REAL_CURATED = path.join(__dirname, '../../../cypher/data/curated');
  const table = readRows(path.join(REAL_CURATED, 'membership_corrections.csv'));
  const realCw = Crosswalk.load(REAL_CURATED);
  const cowFile = dataFile('cow-igo-v3/cow_igo_v3_membership_spells.csv');
  const cowRows = cowFile ? readRows(cowFile) : [];

  it('has only valid rows, and its adding rows fit the model', () => {
    expect(table.length).toBeGreaterThan(0);
    table.forEach((r, i) => {
      const res = mapRow(membershipCorrectionsTable, r, realCw, i + 2);
      expect([i + 2, res.errors]).toEqual([i + 2, []]);
      for (const op of res.ops) {
        const endpoints: GraphOp[] =
          op.kind === 'rel'
            ? [
                { kind: 'node', label: 'State', id: op.from, props: {} },
                { kind: 'node', label: 'Organization', id: op.to, props: {} },
              ]
            : [];
        expect(modelViolations([...endpoints, op], 'curated')).toEqual([]);
      }
    });
  });

  it('names only states and organizations of the curated tables', () => {
    const states = new Set(readRows(path.join(REAL_CURATED, 'states.csv')).map((r) => r.id));
    const orgs = new Set(readRows(path.join(REAL_CURATED, 'organizations.csv')).map((r) => r.id));
    expect(table.filter((r) => !states.has(r.state_id) || !orgs.has(r.organization_id))).toEqual([]);
  });

  it('adds no spell that memberships.csv also writes (same state, organization, start and status)', () => {
    const key = (r: Record<string, string>) => [r.state_id, r.organization_id, r.start, r.status].join('|');
    const curated = new Set(readRows(path.join(REAL_CURATED, 'memberships.csv')).map(key));
    expect(table.filter((r) => !r.cow_start && curated.has(key(r)))).toEqual([]);
  });

  (cowFile ? it : it.skip)(
    'matches every correcting row to exactly one row of the shipped COW file, with its end year',
    () => {
      const correcting = table.filter((r) => r.cow_start);
      expect(correcting.length).toBeGreaterThan(0);
      const keys = correcting.map((r) => [r.state_id, r.organization_id, r.status, r.cow_start].join('|'));
      expect(new Set(keys).size).toBe(keys.length);
      for (const c of correcting) {
        const matches = cowRows.filter(
          (r) =>
            realCw.stateFromCow(r.ccode ?? '') === c.state_id &&
            realCw.organizationFromName(r.ioname ?? '') === c.organization_id &&
            r.status_label === c.status &&
            r.start_year === c.cow_start,
        );
        expect([c.state_id, c.organization_id, c.cow_start, matches.map((m) => m.end_year)]).toEqual([
          c.state_id,
          c.organization_id,
          c.cow_start,
          [c.cow_end],
        ]);
      }
    },
  );

  (cowFile ? it : it.skip)(
    'applies every correction to the whole COW file without a rejected row or a repeated relationship',
    () => {
      const seen = new Set<string>();
      const repeated: string[] = [];
      let corrected = 0;
      cowRows.forEach((r, i) => {
        const res = mapRow(cowIgoMemberships, r, realCw, i + 2);
        expect([i + 2, res.errors]).toEqual([i + 2, []]);
        const op = relOf(res.ops);
        if (!op) return;
        if (op.props.correctionRef) corrected += 1;
        const k = JSON.stringify([op.from, op.to, op.key]);
        if (seen.has(k)) repeated.push(k);
        seen.add(k);
      });
      expect(corrected).toBe(table.filter((r) => r.cow_start).length);
      expect(repeated).toEqual([]);
    },
  );
});
