import { parse } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ColumnNamer, isStataName, nameColumns, stataName } from '../../server/src/export/column-names';
import { csvCell, writeCsv } from '../../server/src/export/csv';
import { toCsv, toGexf, toGraphML } from '../../server/src/export/formats';
import { columnType } from '../../server/src/export/graph-columns';
import { firstDay, lastDay, nodeSpells, relSpells, yearRuns } from '../../server/src/export/graph-time';
import { xmlEscape } from '../../server/src/export/xml';

const nodes = [
  {
    id: 'EU',
    label: 'Organization',
    props: {
      id: 'EU',
      name: 'European <Union> & "Co"',
      acronym: 'EU',
      aliases: ['EEC', 'EC'],
      kind: 'regional',
      cowNumber: 1830,
    },
  },
  {
    id: 'EUFOR-ALTHEA',
    label: 'Mission',
    props: {
      id: 'EUFOR-ALTHEA',
      name: 'EUFOR Althea',
      start: '2004-12',
      end: '2005',
      'start@un-pko-list': '2004-12-02',
      hqLatitude: 43.85,
      active: true,
    },
  },
  { id: 'FRA', label: 'State', props: { id: 'FRA', name: 'France', cowCode: 220 } },
  {
    id: 'ucdp-283',
    label: 'Conflict',
    props: { id: 'ucdp-283', name: 'DR Congo', start: '1964-01-03', years: [1964, 1965, 1967] },
  },
];
const rels = [
  { type: 'DEPLOYED', from: 'EU', to: 'EUFOR-ALTHEA', props: { source: 'curated', lead: true } },
  {
    type: 'CONTRIBUTED_TO',
    from: 'FRA',
    to: 'EUFOR-ALTHEA',
    props: { source: 'ipi-contributions', from: '2005-01', to: '2005-01', total: 150, site: '' },
  },
  {
    type: 'CONTRIBUTED_TO',
    from: 'FRA',
    to: 'EUFOR-ALTHEA',
    props: { source: 'curated', from: '2004-12', to: '2004-12', granularity: 'presence', site: '' },
  },
];

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseAttributeValue: false,
  parseTagValue: false,
  isArray: (name) => ['key', 'node', 'edge', 'data', 'attribute', 'attvalue', 'spell'].includes(name),
});
type El = Record<string, unknown>;
const els = (x: unknown): El[] => (x ?? []) as El[];

describe('the column-naming rule', () => {
  it('turns property names into Stata names', () => {
    expect(
      [
        'start@un-pko-list',
        'cowSpell:1816',
        'hqLatitude',
        'episodeEnd_1946',
        'missionid@bara-hultman',
        'cowIGO',
        'Côte',
        '1990',
        '',
        '__x__',
        'in',
        'str12',
        'a'.repeat(40),
      ].map(stataName),
    ).toEqual([
      'start_un_pko_list',
      'cow_spell_1816',
      'hq_latitude',
      'episode_end_1946',
      'missionid_bara_hultman',
      'cow_igo',
      'cote',
      'v_1990',
      'v',
      'x',
      'in_v',
      'str12_v',
      'a'.repeat(32),
    ]);
    for (const n of ['id', 'from_id', 'cow_code', 'A1']) expect(isStataName(n)).toBe(true);
    for (const n of ['1a', '_a', 'a-b', 'a'.repeat(33), 'int', 'str5', '']) expect(isStataName(n)).toBe(false);
  });

  it('keeps names unique: fixed columns first, then a numeric suffix within 32 characters', () => {
    const namer = new ColumnNamer(['id', 'from_id']);
    expect([
      namer.name('fromId'),
      namer.name('from-id'),
      namer.name('ID'),
      namer.name('x'.repeat(40)),
      namer.name('x'.repeat(41)),
    ]).toEqual(['from_id_2', 'from_id_3', 'id_2', 'x'.repeat(32), `${'x'.repeat(30)}_2`]);
    expect(() => new ColumnNamer(['id', 'id'])).toThrow(/not a unique Stata name/);
    const { columns } = nameColumns(['from_id', 'to_id'], ['to', 'from', 'start@x'], {
      from: 'from_month',
      to: 'to_month',
    });
    expect(columns).toEqual([
      { column: 'from_id', property: null },
      { column: 'to_id', property: null },
      { column: 'from_month', property: 'from' },
      { column: 'start_x', property: 'start@x' },
      { column: 'to_month', property: 'to' },
    ]);
  });
});

describe('the one CSV writer', () => {
  it('writes unknown empty, booleans 1/0, numbers as numbers, lists as JSON, and quotes as RFC 4180 says', () => {
    expect(
      [null, undefined, true, false, 3, 1 / 3, Number.NaN, ['a', 'b'], 'x,y', 'say "hi"', 'a\rb'].map((v) =>
        csvCell(v),
      ),
    ).toEqual(['', '', '1', '0', '3', String(1 / 3), '', '["a","b"]', 'x,y', 'say "hi"', 'a\rb']);
    expect(csvCell(1 / 3, { decimals: 6 })).toBe('0.333333');
    const text = writeCsv(
      ['a', 'b'],
      [
        ['x,y', 'say "hi"'],
        ['line\nbreak', null],
      ],
    );
    expect(text).toBe('a,b\n"x,y","say ""hi"""\n"line\nbreak",\n');
    expect(parse(text, { columns: true })).toEqual([
      { a: 'x,y', b: 'say "hi"' },
      { a: 'line\nbreak', b: '' },
    ]);
  });
});

describe('XML text', () => {
  it('escapes markup, keeps line breaks as references and drops what XML cannot hold', () => {
    expect(xmlEscape('a<b>&"c\'\n\u0001\uFFFF\uD800z')).toBe('a&lt;b&gt;&amp;&quot;c&apos;&#10;z');
    const doc = `<r a="${xmlEscape('x"\ny<&')}">${xmlEscape('<t>&amp;')}</r>`;
    expect(XMLValidator.validate(doc)).toBe(true);
  });
});

describe('dates and types of the graph exports', () => {
  it('widens partial dates to the first or last day', () => {
    expect([
      firstDay('2004'),
      firstDay('2004-06'),
      firstDay('2004-06-15'),
      firstDay(2004),
      firstDay(''),
      firstDay('2004-02-30'),
    ]).toEqual(['2004-01-01', '2004-06-01', '2004-06-15', '2004-01-01', null, null]);
    expect([lastDay('2004'), lastDay('2004-02'), lastDay('2003-02'), lastDay('2004-06-15'), lastDay('x')]).toEqual([
      '2004-12-31',
      '2004-02-29',
      '2003-02-28',
      '2004-06-15',
      null,
    ]);
    expect(yearRuns([1967, 1964, 1965])).toEqual([
      [1964, 1965],
      [1967, 1967],
    ]);
    expect(nodeSpells(nodes[1] as never)).toEqual([{ start: '2004-12-01', end: '2005-12-31' }]);
    expect(nodeSpells(nodes[3] as never)).toEqual([
      { start: '1964-01-03', end: '1965-12-31' },
      { start: '1967-01-01', end: '1967-12-31' },
    ]);
    expect(nodeSpells(nodes[2] as never)).toEqual([]);
    expect(relSpells(rels[1] as never)).toEqual([{ start: '2005-01-01', end: '2005-01-31' }]);
    expect(relSpells({ type: 'X', from: 'a', to: 'b', props: { start: '2005', end: '2004' } })).toEqual([
      { start: '2005-01-01', end: null },
    ]);
  });

  it('types a column by its values across the graph', () => {
    expect([
      columnType([1, null, 2]),
      columnType([1, 2.5]),
      columnType([true]),
      columnType(['2004', '2004-06-01', '']),
      columnType(['a', 1]),
      columnType([[1]]),
      columnType([2 ** 40]),
    ]).toEqual([
      { type: 'integer', int32: true },
      { type: 'number', int32: true },
      { type: 'boolean', int32: true },
      { type: 'date', int32: true },
      { type: 'string', int32: true },
      { type: 'list', int32: true },
      { type: 'integer', int32: false },
    ]);
  });
});

describe('export formats', () => {
  it('writes GraphML with typed keys, the display name as label, the kind apart and weights only where known', () => {
    const g = toGraphML(nodes, rels);
    expect(XMLValidator.validate(g)).toBe(true);
    const graphml = (xml.parse(g) as El).graphml as El;
    const keys = els(graphml.key);
    const key = (domain: string, name: string) =>
      keys.find((k) => k['@for'] === domain && k['@attr.name'] === name) as El;
    expect(key('node', 'cow_number')['@attr.type']).toBe('int');
    expect(key('node', 'hq_latitude')['@attr.type']).toBe('double');
    expect(key('node', 'active')['@attr.type']).toBe('boolean');
    expect(key('node', 'aliases')['@attr.type']).toBe('string');
    expect(key('node', 'start_un_pko_list').desc).toContain('start@un-pko-list');
    expect(key('edge', 'weight')['@attr.type']).toBe('double');
    expect(key('edge', 'from_month')['@attr.type']).toBe('string');
    const names = keys.map((k) => `${k['@for'] as string}:${k['@attr.name'] as string}`);
    expect(new Set(names).size).toBe(names.length);
    for (const k of keys) expect(isStataName(k['@attr.name'] as string)).toBe(true);

    const graph = graphml.graph as El;
    const dataOf = (el: El, name: string, domain: string) =>
      els(el.data).find((d) => d['@key'] === key(domain, name)['@id'])?.['#text'];
    const eu = els(graph.node).find((n) => n['@id'] === 'EU') as El;
    expect(dataOf(eu, 'label', 'node')).toBe('EU');
    expect(dataOf(eu, 'entity_type', 'node')).toBe('Organization');
    expect(dataOf(eu, 'name', 'node')).toBe('European <Union> & "Co"');
    expect(dataOf(eu, 'aliases', 'node')).toBe('["EEC","EC"]');
    expect(Number.isInteger(Number(dataOf(eu, 'cow_number', 'node')))).toBe(true);
    const edges = els(graph.edge);
    expect(edges.map((e) => dataOf(e, 'weight', 'edge'))).toEqual([undefined, '150', undefined]); // DEPLOYED, ipi 150, curated presence
    expect(dataOf(edges[0], 'type', 'edge')).toBe('DEPLOYED');
  });

  it('writes dynamic GEXF 1.3 with intervals, typed attributes and weights only where known', () => {
    const g = toGexf(nodes, rels, { creator: 'peaceops-graph test', date: '2026-01-02' });
    expect(XMLValidator.validate(g)).toBe(true);
    const gexf = (xml.parse(g) as El).gexf as El;
    expect(gexf['@version']).toBe('1.3');
    const graph = gexf.graph as El;
    expect(graph).toMatchObject({ '@mode': 'dynamic', '@timeformat': 'date', '@defaultedgetype': 'directed' });
    const attrs: El[] = els(graph.attributes).flatMap((a) => els(a.attribute).map((x) => ({ cls: a['@class'], ...x })));
    expect(attrs.find((a) => a.cls === 'node' && a['@title'] === 'cow_code')?.['@type']).toBe('integer');
    expect(attrs.find((a) => a.cls === 'node' && a['@title'] === 'hq_latitude')?.['@type']).toBe('double');
    expect(attrs.some((a) => a['@title'] === 'weight')).toBe(false); // GEXF's own weight, never an attribute
    const gNodes = els((graph.nodes as El).node);
    const althea = gNodes.find((n) => n['@id'] === 'EUFOR-ALTHEA') as El;
    expect(althea).toMatchObject({ '@label': 'EUFOR Althea', '@start': '2004-12-01', '@end': '2005-12-31' });
    const conflict = gNodes.find((n) => n['@id'] === 'ucdp-283') as El;
    expect(els((conflict.spells as El).spell).map((s) => [s['@start'], s['@end']])).toEqual([
      ['1964-01-03', '1965-12-31'],
      ['1967-01-01', '1967-12-31'],
    ]);
    expect(gNodes.find((n) => n['@id'] === 'FRA')?.['@start']).toBeUndefined();
    const gEdges = els((graph.edges as El).edge);
    expect(gEdges.map((e) => [e['@kind'], e['@weight'], e['@start'], e['@end']])).toEqual([
      ['DEPLOYED', undefined, undefined, undefined],
      ['CONTRIBUTED_TO', '150', '2005-01-01', '2005-01-31'],
      ['CONTRIBUTED_TO', undefined, '2004-12-01', '2004-12-31'],
    ]);
    expect((gexf.meta as El).description).toContain('start_un_pko_list = start@un-pko-list');
  });

  it('writes CSV tables with unique Stata names, typed cells and a columns file', () => {
    const t = toCsv(nodes, rels);
    const nodeRows = parse<Record<string, string>>(t.nodes, { columns: true });
    const relRows = parse<Record<string, string>>(t.relationships, { columns: true });
    const headerOf = (text: string): string[] => parse(text, { to_line: 1 })[0] ?? [];
    for (const header of [headerOf(t.nodes), headerOf(t.relationships)]) {
      expect(new Set(header).size).toBe(header.length);
      for (const h of header) expect(isStataName(h)).toBe(true);
    }
    expect(headerOf(t.relationships).slice(0, 4)).toEqual(['from_id', 'to_id', 'type', 'weight']);
    expect(headerOf(t.relationships)).toEqual(expect.arrayContaining(['from_month', 'to_month']));
    expect(nodeRows.find((r) => r.id === 'EU')).toMatchObject({
      entity_type: 'Organization',
      label: 'EU',
      aliases: '["EEC","EC"]',
      name: 'European <Union> & "Co"',
      cow_number: '1830',
    });
    expect(nodeRows.find((r) => r.id === 'EUFOR-ALTHEA')).toMatchObject({
      start_un_pko_list: '2004-12-02',
      active: '1',
      hq_latitude: '43.85',
      cow_number: '',
    });
    expect(relRows.map((r) => [r.from_id, r.to_id, r.type, r.weight, r.from_month, r.lead, r.total])).toEqual([
      ['EU', 'EUFOR-ALTHEA', 'DEPLOYED', '', '', '1', ''],
      ['FRA', 'EUFOR-ALTHEA', 'CONTRIBUTED_TO', '150', '2005-01', '', '150'],
      ['FRA', 'EUFOR-ALTHEA', 'CONTRIBUTED_TO', '', '2004-12', '', ''],
    ]);
    const columns = parse<Record<string, string>>(t.columns, { columns: true });
    expect(columns.find((c) => c.file === 'nodes.csv' && c.column === 'start_un_pko_list')).toMatchObject({
      property: 'start@un-pko-list',
      type: 'date',
    });
    expect(columns.find((c) => c.file === 'relationships.csv' && c.column === 'from_month')).toMatchObject({
      property: 'from',
      type: 'date',
    });
    expect(columns.find((c) => c.file === 'nodes.csv' && c.column === 'cow_number')).toMatchObject({ type: 'integer' });
    for (const file of ['nodes.csv', 'relationships.csv']) {
      expect(columns.filter((c) => c.file === file).map((c) => c.column)).toEqual(
        headerOf(file === 'nodes.csv' ? t.nodes : t.relationships),
      );
    }
  });
});
