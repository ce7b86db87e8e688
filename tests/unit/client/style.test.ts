import {
  edgeColour,
  edgeLook,
  edgeWidth,
  legendEntries,
  nodeColour,
  nodeSize,
  ORG_COLOURS,
  orgColour,
  PERSONNEL_FULL_SIZE,
  UNKNOWN_PERSONNEL_SIZE,
} from '../../../client/src/graph/style';
import { headless } from './fixtures';

describe('styling rules', () => {
  it('colours missions and organizations by their first organization, other nodes by type', () => {
    expect(nodeColour('Mission', ['EU', 'UN'])).toBe(ORG_COLOURS.EU);
    expect(nodeColour('Organization', ['NATO'])).toBe(ORG_COLOURS.NATO);
    expect(nodeColour('State', ['EU'])).not.toBe(ORG_COLOURS.EU);
    expect(nodeColour('Mission', [])).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('gives an unknown organization a stable colour', () => {
    expect(orgColour('COALITION-XYZ')).toBe(orgColour('COALITION-XYZ'));
    expect(orgColour('COALITION-XYZ')).toMatch(/^#[0-9a-f]{6}$/);
    expect(orgColour(null)).toBeNull();
  });

  it('sizes missions by the square root of personnel, capped; a mission without a figure is not drawn as a figure of 0', () => {
    const none = nodeSize('Mission', null);
    const zero = nodeSize('Mission', 0);
    const small = nodeSize('Mission', 100);
    const quarter = nodeSize('Mission', PERSONNEL_FULL_SIZE / 4);
    const full = nodeSize('Mission', PERSONNEL_FULL_SIZE);
    expect(none).toBe(UNKNOWN_PERSONNEL_SIZE);
    expect(none).not.toBe(zero);
    expect(small).toBeGreaterThan(zero);
    expect(quarter - zero).toBeCloseTo((full - zero) / 2, 0);
    expect(nodeSize('Mission', PERSONNEL_FULL_SIZE * 10)).toBe(full);
    expect(nodeSize('Organization', null)).toBeGreaterThan(nodeSize('Conflict', null));
  });

  it('styles relationship types, cooperation links by kind and organization links by weight', () => {
    expect(edgeLook('IN_CONFLICT').line).toBe('dashed');
    expect(edgeLook('HOSTED_BY').line).toBe('dotted');
    expect(edgeLook('COOPERATED_WITH').arrow).toBe(true);
    expect(edgeLook('SOMETHING_NEW').width).toBeGreaterThan(0);
    expect(edgeColour('COOPERATED_WITH', 'hybrid')).not.toBe(edgeColour('COOPERATED_WITH', 'handover'));
    expect(edgeWidth('CO_DEPLOYED', 9)).toBeGreaterThan(edgeWidth('CO_DEPLOYED', 1));
    expect(edgeWidth('CO_DEPLOYED', 10_000)).toBe(10);
    expect(edgeWidth('DEPLOYED', 500)).toBe(edgeLook('DEPLOYED').width);
  });

  it('applies shapes, colours, sizes and line styles on a headless Cytoscape', () => {
    const cy = headless();
    expect(cy.getElementById('EU').style('shape')).toBe('round-rectangle');
    expect(cy.getElementById('SFOR').style('shape')).toBe('ellipse');
    expect(cy.getElementById('ucdp-bosnia').style('shape')).toBe('diamond');
    expect(cy.getElementById('BIH').style('shape')).toBe('hexagon');
    expect(cy.getElementById('SFOR').numericStyle('width')).toBeGreaterThan(
      cy.getElementById('EUPM').numericStyle('width'),
    );
    expect(cy.getElementById('IN_CONFLICT:SFOR>ucdp-bosnia:').style('line-style')).toBe('dashed');
    expect(cy.getElementById('COOPERATED_WITH:SFOR>EUFOR-ALTHEA:').style('target-arrow-shape')).toBe('triangle');
    // A hybrid mission shows both organizations' colours.
    expect(cy.getElementById('UNAMID').hasClass('hybrid')).toBe(true);
    expect(cy.getElementById('UNAMID').data('colour2')).toBe(ORG_COLOURS.AU);
  });

  it('marks MSPO missions with a thick border and hides hidden nodes', () => {
    const cy = headless();
    const n = cy.getElementById('SFOR');
    const before = n.numericStyle('border-width');
    n.addClass('mspo');
    const light = n.numericStyle('border-width');
    expect(light).toBeGreaterThan(before);
    // At the slider's time the ring is strong.
    n.addClass('mspo-now');
    expect(n.numericStyle('border-width')).toBeGreaterThan(light);
    n.addClass('user-hidden');
    expect(n.style('display')).toBe('none');
    expect(n.visible()).toBe(false);
  });

  it('builds a legend of the types, organizations and relationships in view, with the MSPO mark', () => {
    const entries = legendEntries(
      ['Mission', 'Organization'],
      ['EU', 'UN', 'EU', 'COALITION-X'],
      ['DEPLOYED', 'IN_CONFLICT'],
    );
    expect(entries.filter((e) => e.kind === 'node').map((e) => e.key)).toEqual(['Organization', 'Mission']);
    // Known organizations first, then the others.
    expect(entries.filter((e) => e.kind === 'organization').map((e) => e.key)).toEqual(['EU', 'UN', 'COALITION-X']);
    expect(entries.filter((e) => e.kind === 'edge').map((e) => e.key)).toEqual(['DEPLOYED', 'IN_CONFLICT']);
    expect(entries[entries.length - 1].key).toBe('mspo');
  });
});
