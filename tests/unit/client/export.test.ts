import { toGraphML, toViewJSON, visibleElements, xmlEscape } from '../../../client/src/graph/export';
import { applyTime } from '../../../client/src/graph/time';
import { headless, node, sampleGraph } from './fixtures';

describe('export', () => {
  it('escapes text for XML and drops characters XML forbids', () => {
    expect(xmlEscape(`<script>alert("x")</script> & 'y'`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &apos;y&apos;',
    );
    expect(xmlEscape('a\u0001b\u0000c')).toBe('abc');
  });

  it('writes the visible view as GraphML with typed keys, node data, positions and edges', () => {
    const cy = headless();
    cy.getElementById('EU').position({ x: 10, y: 20 });
    const xml = toGraphML(cy, 'test view');
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(xml).toContain('<key id="n_personnel" for="node" attr.name="personnel" attr.type="double"/>');
    expect(xml).toContain('<graph id="G" edgedefault="directed">');
    expect(xml).toMatch(/<node id="EU">[\s\S]*?<data key="n_x">10<\/data>\s*<data key="n_y">20<\/data>/);
    expect(xml).toContain('<data key="n_organizations">UN|AU</data>');
    expect(xml).toContain('<edge id="COOPERATED_WITH:SFOR&gt;EUFOR-ALTHEA:" source="SFOR" target="EUFOR-ALTHEA">');
    expect(xml).toContain('<data key="e_kind">handover</data>');
    expect((xml.match(/<node /g) ?? []).length).toBe(cy.nodes().length);
    expect((xml.match(/<edge /g) ?? []).length).toBe(cy.edges().length);
    expect(xml.trim().endsWith('</graphml>')).toBe(true);
  });

  it('leaves hidden nodes, their edges and what the time slider hides out of the export', () => {
    const cy = headless();
    cy.getElementById('UN').addClass('user-hidden');
    applyTime(cy, '2000');
    const { nodes, edges } = visibleElements(cy);
    const ids = nodes.map((n) => n.id());
    expect(ids).not.toContain('UN');
    expect(ids).not.toContain('UNAMID');
    expect(ids).toContain('SFOR');
    expect(edges.every((e) => ids.includes(e.source().id()) && ids.includes(e.target().id()))).toBe(true);
    expect(toGraphML(cy)).not.toContain('<node id="UN">');
  });

  it('keeps a name with markup as escaped text', () => {
    const cy = headless({ nodes: [node('X', 'Mission', { name: '<img src=x onerror=alert(1)>' })], edges: [] });
    const xml = toGraphML(cy);
    expect(xml).toContain('<data key="n_name">&lt;img src=x onerror=alert(1)&gt;</data>');
    expect(xml).not.toContain('<img');
  });

  it('writes JSON with the API fields, positions and the view link, without the computed look', () => {
    const cy = headless(sampleGraph());
    const json = JSON.parse(toViewJSON(cy, 'http://localhost/?period=all')) as {
      link: string;
      nodes: Record<string, unknown>[];
      edges: Record<string, unknown>[];
    };
    expect(json.link).toBe('http://localhost/?period=all');
    expect(json.nodes).toHaveLength(cy.nodes().length);
    const eu = json.nodes.find((n) => n.id === 'EU')!;
    expect(eu).toMatchObject({ label: 'Organization', name: 'EU' });
    expect(eu).toHaveProperty('position');
    expect(eu).not.toHaveProperty('colour');
    expect(json.edges[0]).toHaveProperty('sources');
  });
});
