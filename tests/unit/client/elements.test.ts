import { mergeSubgraph, replaceElements, ringPositions, toElements } from '../../../client/src/graph/elements';
import { edge, headless, node, sampleGraph } from './fixtures';

describe('elements', () => {
  it('turns a subgraph into nodes and edges, dropping edges whose endpoints are missing and duplicates', () => {
    const sub = sampleGraph();
    const els = toElements({ nodes: [...sub.nodes, sub.nodes[0]], edges: [...sub.edges, sub.edges[0]] });
    const nodes = els.filter((e) => e.group === 'nodes');
    const edges = els.filter((e) => e.group === 'edges');
    expect(nodes).toHaveLength(sub.nodes.length);
    // GHOST is not a node: its edge is dropped.
    expect(edges).toHaveLength(sub.edges.length - 1);
    expect(edges.some((e) => e.data.source === 'GHOST')).toBe(false);
  });

  it('keeps the API fields and adds the computed look', () => {
    const [el] = toElements({
      nodes: [node('UNAMID', 'Mission', { organizations: ['UN', 'AU'], personnel: 23000 })],
      edges: [],
    });
    expect(el.data).toMatchObject({ id: 'UNAMID', label: 'Mission', organizations: ['UN', 'AU'], personnel: 23000 });
    expect(typeof el.data.colour).toBe('string');
    expect(el.data.size).toBeGreaterThan(16);
    expect(el.classes).toContain('hybrid');
  });

  it('places ring positions apart from each other', () => {
    const pts = ringPositions({ x: 0, y: 0 }, 40, 60);
    expect(pts).toHaveLength(40);
    let min = Infinity;
    for (let i = 0; i < pts.length; i++)
      for (let j = i + 1; j < pts.length; j++)
        min = Math.min(min, Math.hypot(pts[i].x - pts[j].x, pts[i].y - pts[j].y));
    expect(min).toBeGreaterThan(30);
  });

  it('merges neighbours around the expanded node without moving the nodes already there', () => {
    const cy = headless();
    cy.nodes().forEach((n, i) => {
      n.position({ x: i * 100, y: i * 37 });
    });
    const before = new Map(cy.nodes().map((n) => [n.id(), { ...n.position() }]));
    const around = cy.getElementById('UNAMID').position();
    const result = mergeSubgraph(
      cy,
      {
        nodes: [
          node('UNAMID', 'Mission', { organizations: ['UN', 'AU'] }),
          node('RWA', 'State', { name: 'Rwanda' }),
          node('NGA', 'State', { name: 'Nigeria' }),
        ],
        edges: [
          edge('CONTRIBUTED_TO', 'RWA', 'UNAMID'),
          edge('CONTRIBUTED_TO', 'NGA', 'UNAMID'),
          edge('DEPLOYED', 'UN', 'UNAMID'),
        ],
      },
      'UNAMID',
    );
    expect(result.addedNodes.sort()).toEqual(['NGA', 'RWA']);
    // The DEPLOYED edge was already there: only the two new edges are added.
    expect(result.addedEdges).toHaveLength(2);
    for (const [id, pos] of before) expect(cy.getElementById(id).position()).toEqual(pos);
    for (const id of ['RWA', 'NGA']) {
      const p = cy.getElementById(id).position();
      expect(Math.hypot(p.x - around.x, p.y - around.y)).toBeGreaterThan(50);
      expect(Math.hypot(p.x - around.x, p.y - around.y)).toBeLessThan(200);
    }
  });

  it('replaces the elements of a new answer, keeping the position of the nodes that stay', () => {
    const cy = headless();
    cy.getElementById('EU').position({ x: 123, y: 456 });
    const sub = sampleGraph();
    const next = {
      nodes: sub.nodes.filter((n) => n.id !== 'SFOR').concat(node('KFOR', 'Mission', { organizations: ['NATO'] })),
      edges: sub.edges.filter((e) => e.source !== 'SFOR' && e.target !== 'SFOR'),
    };
    const added = replaceElements(cy, next);
    expect(added).toEqual(['KFOR']);
    expect(cy.getElementById('SFOR').empty()).toBe(true);
    expect(cy.getElementById('EU').position()).toEqual({ x: 123, y: 456 });
  });
});
