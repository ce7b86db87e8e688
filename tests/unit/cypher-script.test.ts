import { parseCypherScript, ScriptSyntaxError } from '../../server/src/db/cypher-script';

describe('parseCypherScript', () => {
  it('splits on semicolons outside strings, quoted names and comments, keeping start lines', () => {
    const items = parseCypherScript(
      [
        '// a comment; not a statement',
        "CREATE (:A {name: 'semi;colon'});",
        '',
        '/* block; comment',
        '   over lines */',
        'MATCH (n:`we;ird`)',
        '  RETURN n; RETURN "a \\" ; b"',
      ].join('\n'),
    );
    expect(items).toEqual([
      { kind: 'statement', text: "CREATE (:A {name: 'semi;colon'})", line: 2 },
      { kind: 'statement', text: 'MATCH (n:`we;ird`)\n  RETURN n', line: 6 },
      { kind: 'statement', text: 'RETURN "a \\" ; b"', line: 7 },
    ]);
  });

  it('reads :param lines in both the arrow and the map form, and other client commands', () => {
    const items = parseCypherScript(':param year => 2010\n:param {org: "EU"}\n:begin\nRETURN $year;\n:commit\n');
    expect(items).toEqual([
      { kind: 'param', line: 1, name: 'year', expression: '2010' },
      { kind: 'param', line: 2, expression: '{org: "EU"}' },
      { kind: 'command', line: 3, name: 'begin', argument: '' },
      { kind: 'statement', text: 'RETURN $year', line: 4 },
      { kind: 'command', line: 5, name: 'commit', argument: '' },
    ]);
  });

  it('handles a BOM, CRLF line ends and a last statement without a semicolon', () => {
    const items = parseCypherScript('\uFEFFRETURN 1;\r\nRETURN 2');
    expect(items.map((i) => (i.kind === 'statement' ? [i.text, i.line] : null))).toEqual([
      ['RETURN 1', 1],
      ['RETURN 2', 2],
    ]);
  });

  it('reports an unterminated string with its line', () => {
    expect(() => parseCypherScript("RETURN 1;\nRETURN 'open")).toThrow(ScriptSyntaxError);
    expect(() => parseCypherScript("RETURN 1;\nRETURN 'open")).toThrow(/line 2: unterminated string/);
  });
});
