import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Database } from '../../server/src/db/database';
import { isStataName } from '../../server/src/export/column-names';
import { readGraph, writeGraphExport } from '../../server/src/export/graph-export';
import type { ExportedGraph } from '../../server/src/export/graph-export';
import { NODE_LABELS, REL_TYPES } from '../../server/src/model/graph';
import { resetGraph, testDatabase } from '../helpers/db';
import { buildTestGraph } from './analytics/test-graph';

/**
 * `peaceops export` in each format, read back with a parser for that format (csv-parse; fast-xml-parser for
 * GraphML and GEXF; JSON.parse): names, types, labels, weights and time intervals, on the analytics test graph.
 */
type El = Record<string, unknown>;
const els = (x: unknown): El[] => (x ?? []) as El[];
const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseAttributeValue: false,
  parseTagValue: false,
  isArray: (name) => ['key', 'node', 'edge', 'data', 'attributes', 'attribute', 'attvalue', 'spell'].includes(name),
});

function readXml(file: string): El {
  const text = fs.readFileSync(file, 'utf8');
  expect(XMLValidator.validate(text)).toBe(true);
  return xml.parse(text) as El;
}

function readCsv(file: string): { header: string[]; rows: Record<string, string>[] } {
  const text = fs.readFileSync(file, 'utf8');
  return { header: parse(text, { to_line: 1 })[0] ?? [], rows: parse<Record<string, string>>(text, { columns: true }) };
}

describe('peaceops export, read back', () => {
  let db: Database;
  let dir: string;
  let graph: ExportedGraph;

  beforeAll(async () => {
    db = testDatabase();
    await resetGraph(db);
    await buildTestGraph(db);
    // Names to show that differ from the ids, a property that is not a Stata name, typed values of several kinds.
    await db.write(
      `MATCH (m:Mission {id: 'M-UN2'}) SET m.acronym = 'UNTWO', m.name = 'United Nations Two', m.\`start@un-pko-list\` = '2000-01-01', m.maxPersonnel = 1200, m.hqLatitude = 12.5
       WITH m MATCH (s:State {id: 'KKK'}) SET s.name = 'Kappa', s.cowCode = 711
       WITH s MATCH (o:Organization {id: 'UN'}) SET o.acronym = 'UN', o.name = 'United Nations', o.cowNumber = 4400`,
    );
    graph = await readGraph(db, { labels: NODE_LABELS, types: REL_TYPES, source: null });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'peaceops-graph-export-'));
  });

  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await resetGraph(db);
    await db.close();
  });

  it('writes CSV with unique Stata names, endpoint columns apart from the months, typed cells and a columns file', () => {
    const out = path.join(dir, 'csv');
    expect(writeGraphExport('csv', graph, out).map((f) => path.basename(f))).toEqual([
      'nodes.csv',
      'relationships.csv',
      'columns.csv',
    ]);
    const nodes = readCsv(path.join(out, 'nodes.csv'));
    const rels = readCsv(path.join(out, 'relationships.csv'));
    const columns = readCsv(path.join(out, 'columns.csv')).rows;
    for (const [file, t] of [
      ['nodes.csv', nodes],
      ['relationships.csv', rels],
    ] as const) {
      expect(new Set(t.header).size).toBe(t.header.length);
      for (const h of t.header) expect(isStataName(h)).toBe(true);
      expect(columns.filter((c) => c.file === file).map((c) => c.column)).toEqual(t.header);
    }
    expect(nodes.rows).toHaveLength(graph.nodes.length);
    expect(rels.rows).toHaveLength(graph.rels.length);
    expect(rels.header.filter((h) => /^(from|to)(_|$)/.test(h))).toEqual([
      'from_id',
      'to_id',
      'from_month',
      'to_month',
    ]);
    expect(columns.find((c) => c.column === 'start_un_pko_list')).toMatchObject({
      file: 'nodes.csv',
      property: 'start@un-pko-list',
      type: 'date',
    });
    expect(columns.find((c) => c.column === 'max_personnel')).toMatchObject({
      property: 'maxPersonnel',
      type: 'integer',
    });

    expect(nodes.rows.find((r) => r.id === 'M-UN2')).toMatchObject({
      entity_type: 'Mission',
      label: 'UNTWO',
      start_un_pko_list: '2000-01-01',
      max_personnel: '1200',
      kinds: '["military","police"]',
    });
    const kkkJanuary = rels.rows.find(
      (r) =>
        r.type === 'CONTRIBUTED_TO' &&
        r.from_id === 'KKK' &&
        r.to_id === 'M-UN2' &&
        r.source === 'ipi-contributions' &&
        r.from_month === '2003-01',
    );
    expect(kkkJanuary).toMatchObject({ to_month: '2003-01', total: '100', weight: '100' });
    // Unknown stays empty, never 0.
    expect(rels.rows.find((r) => r.source === 'geopko-tcc')).toMatchObject({
      from_id: 'LLL',
      to_id: 'M-EU1',
      weight: '',
      total: '',
    });
    expect(rels.rows.find((r) => r.type === 'DEPLOYED')?.weight).toBe('');
    expect(rels.rows.find((r) => r.type === 'DEPLOYED')?.lead).toMatch(/^[01]$/);
  });

  it('writes GraphML with typed keys, the name to show as label, the kind apart, and weights only where known', () => {
    const file = path.join(dir, 'graph.graphml');
    writeGraphExport('graphml', graph, file);
    const graphml = readXml(file).graphml as El;
    const keys = els(graphml.key);
    const key = (domain: string, name: string) =>
      keys.find((k) => k['@for'] === domain && k['@attr.name'] === name) as El;
    for (const k of keys) expect(isStataName(k['@attr.name'] as string)).toBe(true);
    expect(key('node', 'max_personnel')['@attr.type']).toBe('int');
    expect(key('node', 'hq_latitude')['@attr.type']).toBe('double');
    expect(key('node', 'intensity_2002')['@attr.type']).toBe('int');
    expect(key('edge', 'lead')['@attr.type']).toBe('boolean');
    expect(key('edge', 'weight')['@attr.type']).toBe('double');
    expect(key('node', 'kinds')['@attr.type']).toBe('string');

    const g = graphml.graph as El;
    const value = (el: El, domain: string, name: string) =>
      els(el.data).find((d) => d['@key'] === key(domain, name)['@id'])?.['#text'] as string | undefined;
    const un2 = els(g.node).find((n) => n['@id'] === 'M-UN2') as El;
    expect(value(un2, 'node', 'label')).toBe('UNTWO');
    expect(value(un2, 'node', 'entity_type')).toBe('Mission');
    const maxPersonnel = Number(value(un2, 'node', 'max_personnel'));
    expect(Number.isInteger(maxPersonnel) && maxPersonnel === 1200).toBe(true);
    expect(value(els(g.node).find((n) => n['@id'] === 'KKK') as El, 'node', 'label')).toBe('Kappa');

    const edges = els(g.edge);
    const contribution = edges.filter((e) => value(e, 'edge', 'type') === 'CONTRIBUTED_TO');
    const weighted = contribution.filter((e) => value(e, 'edge', 'weight') !== undefined);
    expect(weighted).toHaveLength(8); // every CONTRIBUTED_TO of the test graph but Geo-PKO's, which has no figure
    const geopko = contribution.find((e) => value(e, 'edge', 'source') === 'geopko-tcc') as El;
    expect(value(geopko, 'edge', 'weight')).toBeUndefined();
    expect(
      edges
        .filter((e) => value(e, 'edge', 'type') === 'DEPLOYED')
        .every((e) => value(e, 'edge', 'weight') === undefined),
    ).toBe(true);
    const kkk = contribution.find(
      (e) => e['@source'] === 'KKK' && e['@target'] === 'M-UN2' && value(e, 'edge', 'from_month') === '2003-02',
    ) as El;
    expect(Number(value(kkk, 'edge', 'weight'))).toBe(100);
  });

  it('writes dynamic GEXF whose nodes and edges carry start and end dates', () => {
    const file = path.join(dir, 'graph.gexf');
    writeGraphExport('gexf', graph, file, new Date('2026-03-04T05:06:07Z'));
    const gexf = readXml(file).gexf as El;
    expect(gexf['@version']).toBe('1.3');
    expect((gexf.meta as El)['@lastmodifieddate']).toBe('2026-03-04');
    const g = gexf.graph as El;
    expect(g).toMatchObject({ '@mode': 'dynamic', '@timeformat': 'date' });
    const attributes: El[] = els(g.attributes).flatMap((a) =>
      els(a.attribute).map((x) => ({ ...x, class: a['@class'] })),
    );
    for (const a of attributes) expect(isStataName(a['@title'] as string)).toBe(true);
    expect(attributes.find((a) => a.class === 'node' && a['@title'] === 'max_personnel')?.['@type']).toBe('integer');
    const nodes = els((g.nodes as El).node);
    const node = (id: string) => nodes.find((n) => n['@id'] === id) as El;
    expect(node('M-UN2')).toMatchObject({ '@label': 'UNTWO', '@start': '2000-01-01', '@end': '2004-12-31' });
    expect(node('M-EU0')).toMatchObject({ '@start': '1997-01-01', '@end': '1998-12-31' }); // years widened
    expect(node('M-AU1')).toMatchObject({ '@start': '2001-01-01', '@end': '2003-06-30' });
    expect(node('M-HY')['@start']).toBe('2003-07-01');
    expect(node('M-HY')['@end']).toBeUndefined(); // still active
    expect(node('KKK')['@start']).toBeUndefined(); // states: throughout
    const missions = nodes.filter((n) =>
      els((n.attvalues as El | undefined)?.attvalue).some(
        (v) => v['@for'] === 'entity_type' && v['@value'] === 'Mission',
      ),
    );
    expect(missions.filter((n) => n['@start'] !== undefined)).toHaveLength(missions.length - 1); // all but M-NOSTART

    const edges = els((g.edges as El).edge);
    const kkk = edges.find(
      (e) =>
        e['@kind'] === 'CONTRIBUTED_TO' &&
        e['@source'] === 'KKK' &&
        e['@target'] === 'M-UN2' &&
        e['@start'] === '2003-02-01',
    ) as El;
    expect(kkk).toMatchObject({ '@end': '2003-02-28', '@weight': '100' });
    const yearly = edges.find((e) => e['@kind'] === 'CONTRIBUTED_TO' && e['@source'] === 'MMM') as El;
    expect(yearly).toMatchObject({ '@start': '2003-01-01', '@end': '2003-12-31', '@weight': '40' });
    expect(edges.find((e) => e['@source'] === 'LLL' && e['@target'] === 'M-EU1')?.['@weight']).toBeUndefined();
    expect(edges.find((e) => e['@kind'] === 'COOPERATED_WITH' && e['@source'] === 'M-NATO')).toMatchObject({
      '@start': '2002-06-01',
    });
  });

  it('writes JSON with the nodes and relationships as read', () => {
    const file = path.join(dir, 'graph.json');
    writeGraphExport('json', graph, file);
    const json = JSON.parse(fs.readFileSync(file, 'utf8')) as {
      nodes: { id: string; props: Record<string, unknown> }[];
      relationships: unknown[];
    };
    expect(json.nodes).toHaveLength(graph.nodes.length);
    expect(json.relationships).toHaveLength(graph.rels.length);
    expect(json.nodes.find((n) => n.id === 'M-UN2')?.props['start@un-pko-list']).toBe('2000-01-01');
  });
});
