import { cowIgoMemberships, cowIgoOrganizations } from '../../../server/src/import/formats/cow-igo';
import { readerForHeader } from '../../../server/src/import/formats';
import { fixtureCrosswalk, fixtureRows, itMapsTheWholeFile, mapRow, modelViolations, withCells } from './helpers';

const cw = fixtureCrosswalk();
const orgs = fixtureRows('cow-igo-organizations.csv');
const spells = fixtureRows('cow-igo-memberships.csv');
const org = (ioname: string) => orgs.find((r) => r.ioname === ioname);
const spell = (ccode: string, ioname: string, start?: string) =>
  spells.find((r) => r.ccode === ccode && r.ioname === ioname && (start === undefined || r.start_year === start));

describe('cow-igo organizations reader', () => {
  it('maps a mapped IGO to its organization with COW founding and dissolution years', () => {
    expect(mapRow(cowIgoOrganizations, withCells(org('UN'), {}), cw)).toEqual({
      errors: [],
      ops: [
        {
          kind: 'node',
          label: 'Organization',
          id: 'UN',
          props: { cowIgo: 'UN', 'founded@cow-igo': '1945', 'dissolved@cow-igo': null, cowNumber: 4400 },
          onCreate: { name: 'United Nations' },
        },
      ],
    });
    expect(mapRow(cowIgoOrganizations, withCells(org('OAU'), {}), cw).ops[0]).toMatchObject({
      id: 'OAU',
      props: { 'founded@cow-igo': '1963', 'dissolved@cow-igo': '2002' },
    });
  });

  it('finds an IGO by the COW name the organizations table records for it', () => {
    expect(mapRow(cowIgoOrganizations, withCells(org('LOAS'), {}), cw).ops[0]).toMatchObject({
      id: 'LAS',
      props: { cowIgo: 'LOAS' },
    });
  });

  it('skips an IGO that organizations.csv does not map', () => {
    expect(mapRow(cowIgoOrganizations, withCells(org('ACPEU'), {}), cw)).toEqual({
      ops: [],
      errors: [],
      skipped: "IGO 'ACPEU' is not in organizations.csv",
    });
  });

  it('rejects a bad year, a dissolution before the founding and a wrong COW number', () => {
    expect(mapRow(cowIgoOrganizations, withCells(org('UN'), { sdate: '19455' }), cw).errors).toEqual([
      { field: 'sdate', reason: "'19455' is not a date (YYYY, YYYY-MM, YYYY-MM-DD or M/D/YYYY)" },
    ]);
    expect(mapRow(cowIgoOrganizations, withCells(org('UN'), { deaddate: '1944' }), cw).errors).toEqual([
      { field: 'deaddate', reason: '1944 is before the start 1945' },
    ]);
    expect(mapRow(cowIgoOrganizations, withCells(org('UN'), { ionum: 'x4400' }), cw).errors).toEqual([
      { field: 'ionum', reason: "'x4400' is not a whole number" },
    ]);
  });
});

describe('cow-igo membership spells reader', () => {
  it('maps a spell still running in 2014 to a membership without an end', () => {
    expect(mapRow(cowIgoMemberships, withCells(spell('2', 'UN'), {}), cw)).toEqual({
      errors: [],
      ops: [
        { kind: 'node', label: 'State', id: 'USA', props: {}, onCreate: { name: 'usa' } },
        { kind: 'node', label: 'Organization', id: 'UN', props: {}, onCreate: { name: 'UN' } },
        {
          kind: 'rel',
          type: 'MEMBER_OF',
          from: 'USA',
          to: 'UN',
          key: { source: 'cow-igo', start: '1945', status: 'full' },
          props: { end: null, observedUntil: '2014', observations: 70 },
        },
      ],
    });
  });

  it('gives ops that fit the model for every fixture row', () => {
    for (const r of spells) expect(modelViolations(mapRow(cowIgoMemberships, r, cw).ops, 'cow-igo')).toEqual([]);
  });

  it('keeps the end of a spell that ended before 2014, and the associate status', () => {
    expect(mapRow(cowIgoMemberships, withCells(spell('475', 'OAU'), {}), cw).ops[2]).toMatchObject({
      from: 'NGA',
      to: 'OAU',
      key: { start: '1963', status: 'full' },
      props: { end: '2002', observedUntil: '2002', observations: 40 },
    });
    expect(mapRow(cowIgoMemberships, withCells(spell('369', 'CIS', '1993'), {}), cw).ops[2]).toMatchObject({
      from: 'UKR',
      key: { start: '1993', status: 'associate' },
      props: { end: null },
    });
  });

  it('skips spells in IGOs outside organizations.csv', () => {
    expect(mapRow(cowIgoMemberships, withCells(spell('435', 'AAAID'), {}), cw)).toEqual({
      ops: [],
      errors: [],
      skipped: "IGO 'AAAID' is not in organizations.csv",
    });
  });

  it('rejects an unknown COW code, a status outside full/associate/observer and an end before the start', () => {
    const base = spell('2', 'UN');
    expect(mapRow(cowIgoMemberships, withCells(base, { ccode: '3' }), cw)).toEqual({
      ops: [],
      errors: [{ field: 'ccode', reason: "unknown state COW code '3' (add it to cypher/data/curated/states.csv)" }],
    });
    expect(mapRow(cowIgoMemberships, withCells(base, { status_label: 'member' }), cw).errors).toEqual([
      { field: 'status_label', reason: "'member' is not one of full, associate, observer" },
    ]);
    expect(mapRow(cowIgoMemberships, withCells(base, { end_year: '1944' }), cw).errors).toEqual([
      { field: 'end_year', reason: '1944 is before the start 1945' },
    ]);
  });
});

describe('cow-igo layouts', () => {
  it('tells the two layouts apart by their header', () => {
    expect(readerForHeader('cow-igo', Object.keys(orgs[0] ?? {}))).toBe(cowIgoOrganizations);
    expect(readerForHeader('cow-igo', Object.keys(spells[0] ?? {}))).toBe(cowIgoMemberships);
  });

  const pick = (header: string[]) => readerForHeader('cow-igo', header);
  itMapsTheWholeFile(pick, 'cow-igo-v3/cow_igo_v3_organizations.csv', 534);
  itMapsTheWholeFile(pick, 'cow-igo-v3/cow_igo_v3_membership_spells.csv', 19042);
});
