import { applyTime, endOf, fromIndex, isActive, spanOf, toIndex, yearBounds } from '../../../client/src/graph/time';
import { headless, sampleGraph } from './fixtures';

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

  it('marks at a time exactly the active missions the server lists as MSPO for it, and computes none itself', () => {
    const cy = headless();
    // The server's answer for 2004 (mspoShare): in Bosnia SFOR, EUPM and EUFOR Althea; AMIS in Darfur is alone.
    let s = applyTime(cy, '2004', new Set(['SFOR', 'EUPM', 'EUFOR-ALTHEA']));
    expect(
      cy
        .nodes('.mspo')
        .map((n) => n.id())
        .sort(),
    ).toEqual(['EUFOR-ALTHEA', 'EUPM', 'SFOR']);
    expect(s.mspo).toBe(3);
    // An id of a mission that is not active then is not marked (it is hidden at that time).
    s = applyTime(cy, '2000', new Set(['SFOR', 'UNAMID']));
    expect(cy.nodes('.mspo').map((n) => n.id())).toEqual(['SFOR']);
    expect(s.mspo).toBe(1);
    // Two missions in the same conflict at the same time are not marked unless the server says so
    // (two missions of one organization are no MSPO by the field's rule).
    s = applyTime(cy, '2007', new Set());
    expect(cy.nodes('.mspo')).toHaveLength(0);
    expect(s.mspo).toBe(0);
  });

  it('marks nothing and says the count is unknown while the server has not answered for that time', () => {
    const cy = headless();
    const s = applyTime(cy, '2004', null);
    expect(cy.nodes('.mspo')).toHaveLength(0);
    expect(s.mspo).toBeNull();
    expect(s.active).toBeGreaterThan(0);
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
