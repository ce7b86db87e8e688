import fs from 'node:fs';
import path from 'node:path';
import {
  ANALYSIS_QUERY_NAMES,
  AnalysisQueries,
  AnalysisQueryError,
  analysisDir,
  parametersUsed,
  parseAnalysisQuery,
} from '../../../server/src/modules/analytics/analysis-queries';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const DIR = analysisDir(ROOT);
const BEGIN = '// ---- analysis set:';
const END = '// ---- end of the analysis set ----';

describe('the analysis queries of cypher/analysis', () => {
  it('loads one file per measure, each with one statement and its :param lines stripped', () => {
    const queries = AnalysisQueries.load(DIR);
    for (const name of ANALYSIS_QUERY_NAMES) {
      const q = queries.get(name);
      expect(q.statement).not.toMatch(/^\s*:param/m);
      expect(q.statement).not.toContain('//');
      expect(q.parameters.length).toBeGreaterThan(0);
    }
    expect(
      fs
        .readdirSync(DIR)
        .filter((f) => f.endsWith('.cypher'))
        .sort(),
    ).toEqual(ANALYSIS_QUERY_NAMES.map((n) => `${n}.cypher`).sort());
  });

  it('opens every file that selects missions with the same analysis-set block', () => {
    const blocks = new Map<string, string>();
    for (const name of ANALYSIS_QUERY_NAMES) {
      const text = fs.readFileSync(path.join(DIR, `${name}.cypher`), 'utf8');
      if (!text.includes(BEGIN)) continue;
      blocks.set(name, text.slice(text.indexOf(BEGIN), text.indexOf(END) + END.length));
    }
    expect(blocks.size).toBeGreaterThanOrEqual(9);
    const [first] = [...blocks.values()];
    for (const [name, block] of blocks) expect({ name, block }).toEqual({ name, block: first });
  });

  it('documents each file with a comment and a :param line per parameter', () => {
    for (const name of ANALYSIS_QUERY_NAMES) {
      const text = fs.readFileSync(path.join(DIR, `${name}.cypher`), 'utf8');
      expect(text.startsWith('//')).toBe(true);
      const q = parseAnalysisQuery(name, name, text);
      for (const p of q.parameters) expect(text).toMatch(new RegExp(`^:param ${p} => `, 'm'));
    }
  });

  it('finds the parameters a statement uses, not those inside strings', () => {
    expect(parametersUsed("MATCH (n {id: $id}) WHERE n.x = '$notAParam' AND $universe IS NULL RETURN $id")).toEqual([
      'id',
      'universe',
    ]);
  });

  it('refuses a file whose :param lines and statement disagree', () => {
    expect(() => parseAnalysisQuery('universe', 'x.cypher', ':param a => 1;\nRETURN $a, $b;')).toThrow(/undeclared: b/);
    expect(() => parseAnalysisQuery('universe', 'x.cypher', ':param a => 1;\n:param c => 2;\nRETURN $a;')).toThrow(
      /unused: c/,
    );
    expect(() => parseAnalysisQuery('universe', 'x.cypher', 'RETURN 1;\nRETURN 2;')).toThrow(AnalysisQueryError);
  });

  it('refuses parameters the file does not declare, and missing ones', () => {
    const queries = AnalysisQueries.load(DIR);
    expect(() => queries.params('universe', {})).toThrow(/missing: include, universe, within/);
    expect(() => queries.params('universe', { universe: null, extra: 1 })).toThrow(/not declared: extra/);
    expect(queries.params('universe', { universe: 'bara-hultman', include: [], within: null })).toEqual({
      universe: 'bara-hultman',
      include: [],
      within: null,
    });
  });

  it('stops the start when a file is missing', () => {
    expect(() => AnalysisQueries.load(path.join(DIR, 'nowhere'))).toThrow(/missing analysis query/);
  });
});
