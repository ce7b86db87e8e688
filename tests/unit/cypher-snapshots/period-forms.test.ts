import { isObjectType } from 'graphql';
import type { CannedAnswer } from '../../helpers/cypher-recorder';
import {
  analysisStatement,
  fixTheClock,
  rootRow,
  sharedPersonnelSides,
  statementsOf,
  theSchema,
  UNIVERSE_ANSWER,
} from './harness';

/**
 * `period:` and the deprecated arguments it replaces are one input: every field that takes both sends the same
 * statements with the same parameters for either form (no snapshot: an equality, so that a deprecated form can
 * be dropped without changing what any query sends).
 */
fixTheClock();

interface Forms {
  /** The operation with `period:`. */
  period: string;
  /** The same question in each deprecated form the field accepts. */
  deprecated: string[];
  /** Text that the period puts into the statements (their parameters): both forms really pass it on; null when the field filters after the database. */
  sent: string | null;
  answers?: CannedAnswer[];
}

const UNMISS: CannedAnswer = { when: 'MATCH (n:Mission {id: $id})', rows: [rootRow({ n: { id: 'UNMISS' } })] };
const AU: CannedAnswer = { when: 'MATCH (n:Organization {id: $id})', rows: [rootRow({ n: { id: 'AU' } })] };
const NPL: CannedAnswer = { when: 'MATCH (n:State {id: $id})', rows: [rootRow({ n: { id: 'NPL' } })] };
const PATH_ENDS: CannedAnswer = { when: 'RETURN a IS NOT NULL AS a', rows: [{ a: true, b: true }] };
const SIDES = sharedPersonnelSides('UN', 'AU', 'Organization');
const NETWORK: CannedAnswer = {
  when: analysisStatement('cooperation-network'),
  rows: [{ organizations: 0, ties: 0, density: null, centralization: null, degrees: [], edges: [] }],
};
const UNIT_EXISTS: CannedAnswer = { when: 'RETURN count(c) + count(s) AS n', rows: [{ n: 1 }] };

const CASES: [string, Forms][] = [
  [
    'missions',
    {
      period: `{ missions(period: {from: "2008", to: "2008"}) { items { id } } }`,
      deprecated: [
        `{ missions(activeInYear: 2008) { items { id } } }`,
        `{ missions(activeIn: {from: "2008", to: "2008"}) { items { id } } }`,
      ],
      sent: '"span":{"from":"2008-01-01","to":"2008-12-31"}',
    },
  ],
  [
    'Mission.contributors',
    {
      period: `{ mission(id: "UNMISS") { contributors(period: {from: "2013-12", to: "2013-12"}) { personnel } } }`,
      deprecated: [
        `{ mission(id: "UNMISS") { contributors(asOf: "2013-12") { personnel } } }`,
        `{ mission(id: "UNMISS") { contributors(between: {from: "2013-12", to: "2013-12"}) { personnel } } }`,
      ],
      sent: '"__rel0_window":{"from":"2013-12","to":"2013-12"}',
      answers: [UNMISS],
    },
  ],
  [
    'Mission.personnelByYear',
    {
      period: `{ mission(id: "UNMISS") { personnelByYear(period: {from: "2012", to: "2014"}) { year } } }`,
      deprecated: [`{ mission(id: "UNMISS") { personnelByYear(from: 2012, to: 2014) { year } } }`],
      sent: '"fromYear":2012',
      answers: [UNMISS],
    },
  ],
  [
    'Organization.missions',
    {
      period: `{ organization(id: "AU") { missions(period: {from: "2007", to: "2010"}) { id } } }`,
      deprecated: [`{ organization(id: "AU") { missions(activeIn: {from: "2007", to: "2010"}) { id } } }`],
      sent: '"from":"2007-01-01"',
      answers: [AU],
    },
  ],
  [
    'State.contributions',
    {
      period: `{ state(id: "NPL") { contributions(period: {from: "2010-01", to: "2010-06"}) { personnel } } }`,
      deprecated: [`{ state(id: "NPL") { contributions(between: {from: "2010-01", to: "2010-06"}) { personnel } } }`],
      sent: '"from":"2010-01"',
      answers: [NPL],
    },
  ],
  [
    'neighbors',
    {
      period: `{ neighbors(id: "AU", depth: 2, period: {from: "2007-07", to: "2008"}) { nodes { id } } }`,
      deprecated: [`{ neighbors(id: "AU", depth: 2, activeIn: {from: "2007-07", to: "2008"}) { nodes { id } } }`],
      sent: '"span":{"from":"2007-07-01","to":"2008-12-31"}',
    },
  ],
  [
    'paths',
    {
      period: `{ paths(from: "UN", to: "AU", period: {from: "2007"}) { length } }`,
      deprecated: [`{ paths(from: "UN", to: "AU", activeIn: {from: "2007"}) { length } }`],
      sent: '"span":{"from":"2007-01-01"',
      answers: [PATH_ENDS],
    },
  ],
  [
    'coDeployments',
    {
      period: `{ coDeployments(period: {from: "2008", to: "2010"}) { months } }`,
      deprecated: [`{ coDeployments(between: {from: "2008", to: "2010"}) { months } }`],
      sent: null,
    },
  ],
  [
    'sharedPersonnel',
    {
      period: `{ sharedPersonnel(a: "UN", b: "AU", period: {from: "2013-12", to: "2013-12"}) { jaccard } }`,
      deprecated: [
        `{ sharedPersonnel(a: "UN", b: "AU", asOf: "2013-12") { jaccard } }`,
        `{ sharedPersonnel(a: "UN", b: "AU", between: {from: "2013-12", to: "2013-12"}) { jaccard } }`,
      ],
      sent: '"window":{"from":"2013-12","to":"2013-12"}',
      answers: [SIDES],
    },
  ],
  [
    'stats',
    {
      period: `{ stats(period: {from: "2010", to: "2012"}) { years { year } } }`,
      deprecated: [`{ stats(from: 2010, to: 2012) { years { year } } }`],
      sent: '"fromYear":2010,"toYear":2012',
      answers: [UNIVERSE_ANSWER],
    },
  ],
  [
    'mspoShare',
    {
      period: `{ mspoShare(period: {from: "2008-01", to: "2008-12"}, granularity: MONTH) { periods { period } } }`,
      deprecated: [`{ mspoShare(from: "2008-01", to: "2008-12", granularity: MONTH) { periods { period } } }`],
      sent: '"from":"2008-01"',
      answers: [UNIVERSE_ANSWER],
    },
  ],
  [
    'pairTypes',
    {
      period: `{ pairTypes(period: {from: "2003", to: "2008"}) { total } }`,
      deprecated: [`{ pairTypes(from: "2003", to: "2008") { total } }`],
      sent: '"from":"2003"',
      answers: [UNIVERSE_ANSWER],
    },
  ],
  [
    'cooperationNetwork',
    {
      period: `{ cooperationNetwork(period: {from: "2005", to: "2010"}) { density } }`,
      deprecated: [`{ cooperationNetwork(from: "2005", to: "2010") { density } }`],
      sent: '"from":"2005"',
      answers: [UNIVERSE_ANSWER, NETWORK],
    },
  ],
  [
    'conflictComplexity',
    {
      period: `{ conflictComplexity(unitId: "ucdp-309", period: {from: "2002", to: "2004"}) { years { year } } }`,
      deprecated: [`{ conflictComplexity(unitId: "ucdp-309", fromYear: 2002, toYear: 2004) { years { year } } }`],
      sent: '"fromYear":2002,"toYear":2004',
      answers: [UNIVERSE_ANSWER, UNIT_EXISTS],
    },
  ],
];

describe('period: and the deprecated arguments send the same statements and parameters', () => {
  it.each(CASES)('%s', async (_field, forms) => {
    const expected = await statementsOf(forms.period, { answers: forms.answers });
    expect(expected.length).toBeGreaterThan(0);
    if (forms.sent !== null) expect(JSON.stringify(expected)).toContain(forms.sent);
    for (const op of forms.deprecated) expect(await statementsOf(op, { answers: forms.answers })).toEqual(expected);
  });

  it('covers every field of the schema that takes a deprecated period argument', async () => {
    const fields: string[] = [];
    for (const type of Object.values((await theSchema()).getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        if (!field.args.some((a) => a.deprecationReason?.includes('period'))) continue;
        fields.push(type.name === 'Query' ? field.name : `${type.name}.${field.name}`);
      }
    }
    expect(CASES.map(([field]) => field).sort()).toEqual(fields.sort());
  });
});
