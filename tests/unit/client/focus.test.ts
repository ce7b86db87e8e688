import { neighbourhood } from '../../../client/src/view/focus';
import { decodeState, defaultState, encodeState } from '../../../client/src/graph/view-state';
import type { Core } from 'cytoscape';
import { headless } from './fixtures';

const ids = (cy: Core, root: string, depth: number): string[] =>
  neighbourhood(cy, root, depth)
    .nodes()
    .map((n) => n.id())
    .sort();

describe('focus mode: one node’s surroundings', () => {
  it('reaches 1, 2 or 3 steps out, with the edges between the nodes it holds', () => {
    const cy = headless();
    expect(ids(cy, 'EU', 1)).toEqual(['EU', 'EUFOR-ALTHEA', 'EUNAVFOR', 'EUPM']);
    expect(ids(cy, 'EU', 2)).toEqual(['BIH', 'EU', 'EUFOR-ALTHEA', 'EUNAVFOR', 'EUPM', 'SFOR', 'ucdp-bosnia']);
    expect(ids(cy, 'EU', 3)).toEqual(['BIH', 'EU', 'EUFOR-ALTHEA', 'EUNAVFOR', 'EUPM', 'NATO', 'SFOR', 'ucdp-bosnia']);
    const edges = neighbourhood(cy, 'EU', 2)
      .edges()
      .map((e) => e.id())
      .sort();
    // Every edge between two nodes of the focus, also between two nodes two steps out (SFOR in Bosnia).
    expect(edges).toContain('IN_CONFLICT:SFOR>ucdp-bosnia:');
    expect(edges).toContain('COOPERATED_WITH:SFOR>EUFOR-ALTHEA:');
    expect(edges).not.toContain('DEPLOYED:NATO>SFOR:');
  });

  it('counts steps over what is shown only: the slider, the user and the legend take paths away', () => {
    const cy = headless();
    cy.getElementById('EUPM').addClass('time-hidden');
    expect(ids(cy, 'EU', 1)).toEqual(['EU', 'EUFOR-ALTHEA', 'EUNAVFOR']);
    cy.getElementById('EUFOR-ALTHEA').addClass('user-hidden');
    // Bosnia was reached through EUPM and EUFOR-ALTHEA only.
    expect(ids(cy, 'EU', 3)).toEqual(['EU', 'EUNAVFOR']);
    cy.edges('[type = "DEPLOYED"]').addClass('legend-hidden');
    expect(ids(cy, 'EU', 3)).toEqual(['EU']);
    // A root that is not shown has no surroundings.
    cy.getElementById('EU').addClass('time-hidden');
    expect(neighbourhood(cy, 'EU', 2).empty()).toBe(true);
    expect(neighbourhood(cy, 'NOWHERE', 1).empty()).toBe(true);
  });

  it('fades what lies outside with low opacity and no labels, or hides it', () => {
    const cy = headless();
    const n = cy.getElementById('SFOR');
    n.addClass('focus-faded');
    expect(n.numericStyle('opacity')).toBeLessThan(0.2);
    expect(n.numericStyle('text-opacity')).toBe(0);
    n.removeClass('focus-faded').addClass('focus-hidden');
    expect(n.style('display')).toBe('none');
  });

  it('keeps the focus, its steps and "hide the rest" in the link; old links open without a focus', () => {
    const now = new Date('2026-06-01T00:00:00Z');
    const s = {
      ...defaultState(now),
      focus: 'AU',
      focusDepth: 2,
      focusHide: true,
      expanded: ['UNAMID'],
      expandedAll: ['UNAMID'],
    };
    const query = encodeState(s);
    expect(query).toContain('focus=AU');
    expect(query).toContain('fdepth=2');
    expect(query).toContain('expall=UNAMID');
    expect(decodeState(query, now)).toEqual(s);
    expect(decodeState('period=1997..2026&exp=UNAMID', now)).toMatchObject({
      focus: null,
      focusDepth: 1,
      focusHide: false,
      expandedAll: [],
    });
    expect(decodeState('focus=AU&fdepth=9&fhide=yes', now)).toMatchObject({
      focus: 'AU',
      focusDepth: 1,
      focusHide: false,
    });
    expect(decodeState('focus=%3Cscript%3E', now).focus).toBeNull();
  });
});
