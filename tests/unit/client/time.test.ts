import { applyTime, endOf, fromIndex, isActive, mspoMissions, overlaps, spanOf, toIndex, yearBounds } from '../../../client/src/graph/time';
import { headless, node, edge, sampleGraph } from './fixtures';

describe('time', () => {
  it('widens dates of any precision to the days they can mean', () => {
    expect(spanOf('2004')).toEqual({ from: '2004-01-01', to: '2004-12-31' });
    expect(endOf('2024-02')).toBe('2024-02-29');
    expect(endOf('2023-02')).toBe('2023-02-28');
    expect(endOf('2004-12-02')).toBe('2004-12-02');
  });

  it('tells what is active in a span, open ends being ongoing', () => {
    const y2004 = spanOf('2004');
    expect(isActive('1996-12-20', '2004-12-02', y2004)).toBe(true);
    expect(isActive('2005-01-01', null, y2004)).toBe(false);
    expect(isActive(null, null, y2004)).toBe(true);
    expect(isActive('1992', '2004', spanOf('2004-12'))).toBe(true);
    expect(isActive('1992', '2003', spanOf('2004-01'))).toBe(false);
  });

  it('tells whether two missions overlap in time', () => {
    expect(overlaps({ start: '2004-07', end: '2007-12-31' }, { start: '2007-07-31', end: '2020-12-31' })).toBe(true);
    expect(overlaps({ start: '1996', end: '2004-12-02' }, { start: '2005-01-01', end: null })).toBe(false);
    expect(overlaps({ start: null, end: null }, { start: '2000', end: '2001' })).toBe(true);
  });

  it('maps slider positions to years and months and back', () => {
    expect(toIndex('2004', 'year')).toBe(2004);
    expect(toIndex('2004-03', 'month')).toBe(2004 * 12 + 2);
    expect(fromIndex(2004 * 12 + 11, 'month')).toBe('2004-12');
    expect(fromIndex(toIndex('1999-07', 'month'), 'month')).toBe('1999-07');
  });

  it('hides missions and organizations not active at a time and dims nodes with no active mission', () => {
    const cy = headless();
    const summary = applyTime(cy, '2000');
    expect(cy.getElementById('SFOR').hasClass('time-hidden')).toBe(false);
    expect(cy.getElementById('EUFOR-ALTHEA').hasClass('time-hidden')).toBe(true);
    expect(cy.getElementById('UNAMID').hasClass('time-hidden')).toBe(true);
    // The AU did not exist yet.
    expect(cy.getElementById('AU').hasClass('time-hidden')).toBe(true);
    // Darfur had no mission in 2000: dimmed, not hidden.
    expect(cy.getElementById('ucdp-darfur').hasClass('dim')).toBe(true);
    expect(cy.getElementById('ucdp-bosnia').hasClass('dim')).toBe(false);
    expect(summary.active).toBe(1);
    expect(cy.getElementById('EUFOR-ALTHEA').visible()).toBe(false);
  });

  it('hides dated relationships outside the time but keeps cooperation links between visible missions', () => {
    const cy = headless();
    applyTime(cy, '2010');
    expect(cy.getElementById('HOSTED_BY:AMIS>SDN:').hasClass('time-hidden')).toBe(true);
    applyTime(cy, '2004');
    expect(cy.getElementById('COOPERATED_WITH:SFOR>EUFOR-ALTHEA:').hasClass('time-hidden')).toBe(false);
    expect(cy.getElementById('COOPERATED_WITH:SFOR>EUFOR-ALTHEA:').visible()).toBe(true);
  });

  it('marks the missions of a multiple simultaneous peace operation at a time', () => {
    const cy = headless();
    // 2004 in Bosnia: SFOR (to 2 Dec), EUPM and, from 2 Dec, EUFOR Althea; in Darfur only AMIS.
    let s = applyTime(cy, '2004');
    expect(cy.nodes('.mspo').map((n) => n.id()).sort()).toEqual(['EUFOR-ALTHEA', 'EUPM', 'SFOR']);
    expect(s.mspo).toBe(3);
    // Mid-2005: SFOR has gone; EUFOR Althea and EUPM remain together.
    s = applyTime(cy, '2005-06');
    expect(cy.nodes('.mspo').map((n) => n.id()).sort()).toEqual(['EUFOR-ALTHEA', 'EUPM']);
    // 2007: AMIS hands over to UNAMID; both active that year and overlapping.
    applyTime(cy, '2007');
    expect(cy.getElementById('AMIS').hasClass('mspo')).toBe(true);
    expect(cy.getElementById('UNAMID').hasClass('mspo')).toBe(true);
  });

  it('falls back to the API flag for missions with neither conflict nor host in view, and says so', () => {
    const cy = headless();
    const s = applyTime(cy, '2010');
    expect(s.approximate).toBe(true);
    expect(cy.getElementById('EUNAVFOR').hasClass('mspo')).toBe(true);
    const r = mspoMissions(cy, spanOf('2010'), () => false);
    expect(r.ids.has('EUNAVFOR')).toBe(false);
  });

  it('uses host states when a mission has no conflict', () => {
    const cy = headless({
      nodes: [node('A', 'Mission', { start: '2000', end: '2002' }), node('B', 'Mission', { start: '2001', end: '2003' }), node('C', 'Mission', { start: '2001' }), node('X', 'State'), node('Y', 'State')],
      edges: [edge('HOSTED_BY', 'A', 'X'), edge('HOSTED_BY', 'B', 'X'), edge('HOSTED_BY', 'C', 'Y')],
    });
    applyTime(cy, '2001');
    expect(cy.nodes('.mspo').map((n) => n.id()).sort()).toEqual(['A', 'B']);
  });

  it('shows everything with the API flag when no time is set', () => {
    const cy = headless();
    applyTime(cy, '2000');
    const s = applyTime(cy, null);
    expect(cy.elements('.time-hidden, .dim')).toHaveLength(0);
    expect(cy.getElementById('AMIS').hasClass('mspo')).toBe(false);
    expect(cy.getElementById('SFOR').hasClass('mspo')).toBe(true);
    expect(s.active).toBe(sampleGraph().nodes.filter((n) => n.label === 'Mission').length);
  });

  it('finds the years the missions span', () => {
    expect(yearBounds(headless(), 2026)).toEqual({ min: 1996, max: 2026 });
  });
});
