import { freestDirection, nodeBox, overlaps, placeAround, placeNewNodes } from '../../../client/src/graph/placement';
import type { Box, PlaceItem } from '../../../client/src/graph/placement';
import { planExpansion } from '../../../client/src/graph/expansion';
import { mergeSubgraph } from '../../../client/src/graph/elements';
import { edge, headless, node, sampleGraph } from './fixtures';
import type { Subgraph } from '../../../client/src/graph/types';

/** A crowded plane: a 9 x 9 grid of 60 x 30 boxes, 80 px apart, around the origin. */
function crowd(): Box[] {
  const out: Box[] = [];
  for (let i = -4; i <= 4; i++)
    for (let j = -4; j <= 4; j++)
      if (i || j) out.push({ x1: i * 80 - 30, y1: j * 80 - 15, x2: i * 80 + 30, y2: j * 80 + 15 });
  return out;
}

const item = (id: string): PlaceItem => ({ id, rel: { x1: -40, y1: -10, x2: 40, y2: 22 } });

describe('placing new nodes around their parent', () => {
  it('puts every new node where it overlaps neither the nodes there nor each other, the first nearest', () => {
    const obstacles = crowd();
    const items = Array.from({ length: 40 }, (_, i) => item(`n${String(i).padStart(2, '0')}`));
    const placed = placeAround({ x: 0, y: 0 }, items, obstacles, { minRadius: 40 });
    expect(placed.size).toBe(40);
    const boxes = items.map((it) => {
      const p = placed.get(it.id)!;
      return { x1: p.x + it.rel.x1, y1: p.y + it.rel.y1, x2: p.x + it.rel.x2, y2: p.y + it.rel.y2 };
    });
    let clashes = 0;
    boxes.forEach((b, i) => {
      for (const o of obstacles) if (overlaps(b, o)) clashes++;
      for (let j = i + 1; j < boxes.length; j++) if (overlaps(b, boxes[j])) clashes++;
    });
    expect(clashes).toBe(0);
    const dist = (id: string) => Math.hypot(placed.get(id)!.x, placed.get(id)!.y);
    expect(dist('n00')).toBeLessThanOrEqual(dist('n39'));
    // The same input gives the same positions.
    expect(placeAround({ x: 0, y: 0 }, items, obstacles, { minRadius: 40 })).toEqual(placed);
  });

  it('turns away from where the graph is dense', () => {
    const left = [
      { x1: -120, y1: -10, x2: -80, y2: 10 },
      { x1: -220, y1: 40, x2: -180, y2: 60 },
    ];
    const angle = freestDirection({ x: 0, y: 0 }, left, 500);
    expect(Math.cos(angle)).toBeGreaterThan(0.9);
    expect(freestDirection({ x: 0, y: 0 }, [], 500)).toBeCloseTo(-Math.PI / 2);
  });

  it('moves only the new nodes of a merge on a headless Cytoscape', () => {
    const cy = headless();
    cy.nodes().forEach((n, i) => {
      n.position({ x: (i % 4) * 90, y: Math.floor(i / 4) * 90 });
    });
    const before = Object.fromEntries(cy.nodes().map((n) => [n.id(), { ...n.position() }]));
    const states = ['NGA', 'RWA', 'EGY', 'ETH', 'PAK'];
    const sub = {
      nodes: [node('UNAMID', 'Mission', { organizations: ['UN', 'AU'] }), ...states.map((s) => node(s, 'State'))],
      edges: states.map((s) => edge('CONTRIBUTED_TO', s, 'UNAMID', { weight: 1000 })),
    };
    const added = mergeSubgraph(cy, sub, 'UNAMID').addedNodes;
    placeNewNodes(cy, 'UNAMID', added);
    for (const [id, p] of Object.entries(before)) expect(cy.getElementById(id).position()).toEqual(p);
    const fresh = cy.nodes().filter((n) => added.includes(n.id()));
    expect(fresh.length).toBe(5);
    const box = (id: string): Box => nodeBox(cy.getElementById(id));
    for (const a of added) {
      for (const n of cy.nodes()) if (n.id() !== a) expect(overlaps(box(a), box(n.id()))).toBe(false);
    }
  });
});

describe('what an expansion adds first', () => {
  const figures: [string, number | null][] = [
    ['NGA', 3937],
    ['RWA', 3498],
    ['EGY', 2687],
    ['ETH', 2578],
    ['PAK', 2084],
    ['NOF', null],
  ];
  const sub: Subgraph = {
    nodes: [
      node('UNAMID', 'Mission'),
      node('UN', 'Organization'),
      node('SDN', 'State'),
      ...figures.map(([s]) => node(s, 'State')),
    ],
    edges: [
      edge('DEPLOYED', 'UN', 'UNAMID'),
      edge('HOSTED_BY', 'UNAMID', 'SDN'),
      // Sudan also contributed: a host stays whatever its rank.
      edge('CONTRIBUTED_TO', 'SDN', 'UNAMID', { weight: 5 }),
      ...figures.map(([s, w]) => edge('CONTRIBUTED_TO', s, 'UNAMID', { weight: w })),
    ],
    truncated: false,
  };

  it('keeps every other neighbour and the N largest contributors, in the API’s order', () => {
    // The API ranks Egypt first (another month's peak than the edges'); its order wins.
    const ranking = [
      { id: 'EGY', personnel: 4000 },
      ...figures.filter(([s]) => s !== 'EGY').map(([id, personnel]) => ({ id, personnel })),
    ];
    const plan = planExpansion('UNAMID', sub, ranking, 3);
    expect(plan.first.nodes.map((n) => n.id).sort()).toEqual(['EGY', 'NGA', 'RWA', 'SDN', 'UN', 'UNAMID']);
    expect(plan.rest!.nodes.map((n) => n.id).sort()).toEqual(['ETH', 'NOF', 'PAK', 'UNAMID']);
    expect(plan.rest!.edges.every((e) => ['ETH', 'NOF', 'PAK'].includes(e.source))).toBe(true);
    expect(plan.first.edges.some((e) => e.source === 'PAK')).toBe(false);
    expect(plan.order).toEqual(['UN', 'SDN', 'EGY', 'NGA', 'RWA', 'ETH', 'PAK', 'NOF']);
    expect([plan.contributors, plan.shown]).toEqual([6, 3]);
  });

  it('ranks by the edges’ figures without the API’s list (no figure last), and waits for nothing when all fit', () => {
    const plan = planExpansion('UNAMID', sub, null, 2);
    expect(plan.order.slice(2)).toEqual(['NGA', 'RWA', 'EGY', 'ETH', 'PAK', 'NOF']);
    expect(planExpansion('UNAMID', sub, null, 15).rest).toBeNull();
  });
});

describe('contribution edges', () => {
  it('grow with personnel from a floor, and an edge without a figure stays thin and dashed', () => {
    const g = sampleGraph();
    g.nodes.push(node('NGA', 'State'), node('NPL', 'State'), node('FJI', 'State'), node('NOF', 'State'));
    g.edges.push(
      edge('CONTRIBUTED_TO', 'NGA', 'UNAMID', { weight: 3937 }),
      edge('CONTRIBUTED_TO', 'NPL', 'UNAMID', { weight: 777 }),
      edge('CONTRIBUTED_TO', 'FJI', 'UNAMID', { weight: 3 }),
      edge('CONTRIBUTED_TO', 'NOF', 'UNAMID', { weight: null }),
    );
    const cy = headless(g);
    const width = (s: string) => cy.getElementById(`CONTRIBUTED_TO:${s}>UNAMID:`).numericStyle('width');
    expect(width('NGA')).toBeGreaterThan(width('NPL'));
    expect(width('NPL')).toBeGreaterThan(width('FJI'));
    expect(width('FJI')).toBeGreaterThanOrEqual(1);
    expect(width('NOF')).toBeGreaterThan(0);
    expect(cy.getElementById('CONTRIBUTED_TO:NOF>UNAMID:').style('line-style')).toBe('dashed');
    expect(cy.getElementById('CONTRIBUTED_TO:NGA>UNAMID:').style('line-style')).toBe('solid');
  });
});
