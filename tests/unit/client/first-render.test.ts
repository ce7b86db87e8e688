import type { Position } from 'cytoscape';
import { applyGrouping } from '../../../client/src/graph/grouping';
import { draftUnitPositions, fillUnits, groupedPlan, groupedPositions } from '../../../client/src/graph/grouped-layout';
import { withSeededRandom } from '../../../client/src/graph/seeded-random';
import { layoutUnits, overlaps, pushApart, separateSquares } from '../../../client/src/graph/unit-layout';
import { hashText, layoutKey } from '../../../client/src/view/position-cache';
import { speedUpStylePass } from '../../../client/src/view/style-pass';
import { isDrawn } from '../../../client/src/graph/grouping';
import { headless } from './fixtures';

/**
 * separateSquares as it was first written: every pair tested in order, in every round (the reference). The
 * test and the push of one pair are the module's own; what the reference checks is which pairs it visits.
 */
function separateByPairs(
  at: Map<string, Position>,
  halves: ReadonlyMap<string, number>,
  gap: number,
  rounds = 300,
): void {
  const ids = [...at.keys()].sort();
  for (let round = 0; round < rounds; round++) {
    let moved = false;
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const a = at.get(ids[i])!;
        const b = at.get(ids[j])!;
        const ha = halves.get(ids[i]) ?? 0;
        const hb = halves.get(ids[j]) ?? 0;
        if (!overlaps(a, b, ha, hb, gap)) continue;
        pushApart(a, b, ha, hb, gap, i, j);
        moved = true;
      }
    }
    if (!moved) return;
  }
}

/** Squares of mixed sizes crowded together (many never settle in 300 rounds), from a seeded generator. */
function crowd(n: number, seed: string): { at: Map<string, Position>; halves: Map<string, number> } {
  return withSeededRandom(seed, () => {
    const at = new Map<string, Position>();
    const halves = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const id = `u${String(i).padStart(3, '0')}`;
      at.set(id, { x: Math.round(Math.random() * 400) - 200, y: Math.round(Math.random() * 300) - 150 });
      halves.set(id, Math.random() < 0.15 ? 40 + Math.random() * 200 : 11.5);
    }
    // Two on the same centre, and one on the same column.
    at.set('u000', { x: 0, y: 0 });
    at.set('u001', { x: 0, y: 0 });
    at.set('u002', { x: 0, y: 37 });
    return { at, halves };
  });
}

const copy = (at: Map<string, Position>) => new Map([...at].map(([k, p]) => [k, { ...p }]));

describe('the first render: the layout off the page and its draft', () => {
  it('separates squares exactly as testing every pair in order does, bit for bit', () => {
    for (const [n, seed] of [
      [12, 'a'],
      [60, 'b'],
      [150, 'c'],
    ] as const) {
      const { at, halves } = crowd(n, seed);
      const fast = copy(at);
      const slow = copy(at);
      separateSquares(fast, halves, 16);
      separateByPairs(slow, halves, 16);
      expect([...fast]).toEqual([...slow]);
      // The crowd did move.
      expect([...fast].filter(([id, p]) => p.x !== at.get(id)!.x || p.y !== at.get(id)!.y).length).toBeGreaterThan(
        n / 3,
      );
    }
  });

  it('gives the same grouped positions whether the units are laid out apart (as the worker does) or in one go', () => {
    const cy = headless();
    applyGrouping(cy, 'organization');
    const eles = cy.elements();
    const seed = `fcose|${eles
      .map((e) => e.id())
      .sort()
      .join(' ')}`;
    const together = withSeededRandom(seed, () => groupedPositions(cy, eles.nodes(), eles.edges()));
    const plan = groupedPlan(cy, eles.nodes(), eles.edges());
    // The plan is plain data, as it is posted to the worker.
    const graph = JSON.parse(JSON.stringify(plan.graph)) as typeof plan.graph;
    const apart = fillUnits(
      plan,
      withSeededRandom(seed, () => layoutUnits(graph)),
    );
    expect([...apart].sort()).toEqual([...together].sort());
  });

  it('drafts every unit in rows, without overlap and without randomness', () => {
    const cy = headless();
    applyGrouping(cy, 'organization');
    const eles = cy.elements();
    const plan = groupedPlan(cy, eles.nodes(), eles.edges());
    const draft = draftUnitPositions(plan.graph);
    expect(new Set(draft.keys())).toEqual(new Set(plan.graph.units.map((u) => u.id)));
    expect(draftUnitPositions(plan.graph)).toEqual(draft);
    const size = new Map(plan.graph.units.map((u) => [u.id, u.size]));
    const ids = [...draft.keys()];
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const [a, b] = [draft.get(ids[i])!, draft.get(ids[j])!];
        const reach = (size.get(ids[i])! + size.get(ids[j])!) / 2;
        expect(Math.abs(a.x - b.x) >= reach || Math.abs(a.y - b.y) >= reach).toBe(true);
      }
    }
    // Every node of the view gets a draft place.
    const positions = fillUnits(plan, draft);
    expect(cy.nodes().filter((n) => !n.isParent() && !positions.has(n.id())).length).toBe(0);
  });

  it('keys stored positions by everything the layout reads', () => {
    expect(hashText('a')).not.toBe(hashText('b'));
    expect(hashText('abc')).toMatch(/^[0-9a-f]{14}$/);
    const cy = headless();
    applyGrouping(cy, 'organization');
    const key = () => layoutKey('fcose', 'seed', cy.nodes(), cy.edges());
    const first = key();
    expect(key()).toBe(first);
    expect(layoutKey('fcose', 'other seed', cy.nodes(), cy.edges())).not.toBe(first);
    // A node drawn larger, or moved to another box, is another layout.
    cy.getElementById('AMIS').data('size', 50);
    const larger = key();
    expect(larger).not.toBe(first);
    cy.getElementById('AMIS').move({ parent: null });
    expect(key()).not.toBe(larger);
  });

  it('styles a grouped graph with one forget per element and pass, to the same styles and visibility', () => {
    const plain = headless();
    const fast = headless();
    expect(speedUpStylePass(fast)).toBe(true);
    const steps: ((cy: ReturnType<typeof headless>) => void)[] = [
      (cy) => applyGrouping(cy, 'organization'),
      (cy) => cy.nodes('[label = "Mission"]').addClass('mspo'),
      // Every member of the EU's box hidden: the box goes too (syncGroupBoxes reads the members' display).
      (cy) => cy.getElementById('group:organization:EU').children().addClass('time-hidden'),
      (cy) => cy.nodes('[label = "Conflict"]').addClass('lbl'),
      (cy) => cy.nodes().removeClass('time-hidden'),
      (cy) => applyGrouping(cy, 'region'),
    ];
    const state = (cy: ReturnType<typeof headless>) =>
      cy
        .elements()
        .sort((a, b) => (a.id() < b.id() ? -1 : 1))
        .map((e) => ({
          id: e.id(),
          style: e.style(),
          visible: e.visible(),
          drawn: isDrawn(e),
          box: e.isNode() ? e.boundingBox() : null,
        }));
    for (const step of steps) {
      step(plain);
      step(fast);
      expect(state(fast)).toEqual(state(plain));
    }
  });
});
