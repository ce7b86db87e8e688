import {
  arrowDirection,
  describeNode,
  KeyboardCursor,
  middleNode,
  nearestInDirection,
  nextNode,
} from '../../../client/src/view/node-nav';
import type { Core, NodeSingular } from 'cytoscape';
import { headless, sampleGraph } from './fixtures';

/**
 * The sample graph on a grid, 100 px apart (headless: rendered positions are model positions):
 *
 *   y=0    UN        EU        NATO      AU
 *   y=100  SFOR      EUFOR     EUPM      AMIS
 *   y=200  UNAMID    EUNAVFOR  bosnia    darfur
 *   y=300  BIH       SDN
 */
function grid(): Core {
  const cy = headless(sampleGraph());
  const order = [
    'UN',
    'EU',
    'NATO',
    'AU',
    'SFOR',
    'EUFOR-ALTHEA',
    'EUPM',
    'AMIS',
    'UNAMID',
    'EUNAVFOR',
    'ucdp-bosnia',
    'ucdp-darfur',
    'BIH',
    'SDN',
  ];
  order.forEach((id, i) => cy.getElementById(id).position({ x: (i % 4) * 100, y: Math.floor(i / 4) * 100 }));
  return cy;
}

describe('moving between nodes with the arrow keys', () => {
  it('reads the arrow keys and nothing else', () => {
    expect(arrowDirection('ArrowLeft')).toBe('left');
    expect(arrowDirection('ArrowUp')).toBe('up');
    expect(arrowDirection('Enter')).toBeNull();
  });

  it('picks the nearest point in the direction, within a cone, ties by id', () => {
    const from = { x: 0, y: 0 };
    const pts = [
      { id: 'far-right', x: 300, y: 0 },
      { id: 'near-right-off-axis', x: 100, y: 10 },
      { id: 'behind', x: -50, y: 0 },
      { id: 'above', x: 10, y: -200 },
    ];
    expect(nearestInDirection(from, pts, 'right')).toBe('near-right-off-axis');
    expect(nearestInDirection(from, pts, 'left')).toBe('behind');
    expect(nearestInDirection(from, pts, 'up')).toBe('above');
    // Nothing below within 80°: no move.
    expect(nearestInDirection(from, pts, 'down')).toBeNull();
    // Outside 45° but within 80°: taken when nothing is nearer the axis.
    expect(nearestInDirection(from, [{ id: 'steep', x: 20, y: 80 }], 'right')).toBe('steep');
    expect(
      nearestInDirection(
        from,
        [
          { id: 'b', x: 50, y: 0 },
          { id: 'a', x: 50, y: 0 },
        ],
        'right',
      ),
    ).toBe('a');
  });

  it('moves over the nodes shown on a headless Cytoscape, skipping what is hidden', () => {
    const cy = grid();
    expect(nextNode(cy, 'EU', 'right')).toBe('NATO');
    expect(nextNode(cy, 'EU', 'left')).toBe('UN');
    expect(nextNode(cy, 'EU', 'down')).toBe('EUFOR-ALTHEA');
    expect(nextNode(cy, 'EU', 'up')).toBeNull();
    // Hidden by the slider, the user, the legend or focus mode: passed over.
    cy.getElementById('NATO').addClass('time-hidden');
    expect(nextNode(cy, 'EU', 'right')).toBe('AU');
    cy.getElementById('AU').addClass('focus-hidden');
    cy.getElementById('EUPM').addClass('user-hidden');
    // AMIS (300, 100) is 27° off the axis from EU (100, 0).
    expect(nextNode(cy, 'EU', 'right')).toBe('AMIS');
    // With nothing within 45°, the cone widens to 80°: the Bosnia conflict (200, 200) is 63° off.
    cy.getElementById('AMIS').addClass('legend-hidden');
    expect(nextNode(cy, 'EU', 'right')).toBe('ucdp-bosnia');
    cy.$('#ucdp-bosnia, #ucdp-darfur').addClass('time-hidden');
    expect(nextNode(cy, 'EU', 'right')).toBeNull();
  });

  it('starts in the middle of the canvas and says the name and type of the node', () => {
    const cy = grid();
    // Headless: the canvas is 0 x 0 and its middle (0, 0), where UN sits.
    expect(middleNode(cy)).toBe('UN');
    expect(describeNode(cy.getElementById('EU') as NodeSingular)).toBe('EU, organization, 3 linked nodes shown');
    cy.getElementById('EUPM').addClass('time-hidden');
    expect(describeNode(cy.getElementById('EU') as NodeSingular)).toBe('EU, organization, 2 linked nodes shown');
  });

  it('keeps a cursor that the arrows move, marks it and announces it', () => {
    const cy = grid();
    const live = { textContent: '' } as HTMLElement;
    const canvas = { addEventListener: () => undefined } as unknown as HTMLElement;
    const cursor = new KeyboardCursor(() => cy, live, canvas);
    expect(cursor.current()).toBeNull();
    cursor.show('EU');
    expect(cursor.current()).toBe('EU');
    expect(cy.nodes('.kbd-cursor').map((n) => n.id())).toEqual(['EU']);
    expect(live.textContent).toMatch(/^EU, organization/);
    cursor.move('down');
    expect(cursor.current()).toBe('EUFOR-ALTHEA');
    expect(cy.nodes('.kbd-cursor').map((n) => n.id())).toEqual(['EUFOR-ALTHEA']);
    expect(live.textContent).toMatch(/^EUFOR-ALTHEA, mission/);
    cursor.move('down');
    cursor.move('down');
    expect(cursor.current()).toBe('SDN');
    cursor.move('down');
    expect(cursor.current()).toBe('SDN');
    expect(live.textContent).toBe('No node below.');
    // A node hidden under the cursor is no longer current.
    cy.getElementById('SDN').addClass('user-hidden');
    expect(cursor.current()).toBeNull();
  });
});
