import {
  decodeState,
  defaultState,
  encodeState,
  expansionEntry,
  fullGraphState,
  parseExpansion,
  sameNetwork,
  toNetworkFilter,
} from '../../../client/src/graph/view-state';
import type { ViewState } from '../../../client/src/graph/view-state';

const NOW = new Date('2026-06-01T00:00:00Z');

describe('view state in the URL', () => {
  it('opens on the missions of the last 30 years with organizations and conflicts', () => {
    const s = decodeState('', NOW);
    expect(s).toEqual(defaultState(NOW));
    expect(s).toMatchObject({
      mode: 'FULL',
      from: '1997',
      to: '2026',
      includeConflicts: true,
      includeStates: false,
      time: null,
      layout: 'fcose',
    });
  });

  it('writes every part of a state and reads the same state back', () => {
    const s: ViewState = {
      ...defaultState(NOW),
      mode: 'ORGANIZATIONS',
      organizations: ['EU', 'AU'],
      missionKinds: ['military', 'rule_of_law'],
      regions: ['Eastern Africa', 'South-eastern Asia'],
      conflicts: ['ucdp-333'],
      from: '2001-03',
      to: '2010',
      includeStates: true,
      includeConflicts: false,
      time: '2004-07',
      grain: 'month',
      layout: 'concentric',
      selected: 'EUFOR-ALTHEA',
      expanded: ['UNAMID', 'NATO'],
      hidden: ['UN'],
      pathFrom: 'NATO',
      pathTo: 'EU',
      compareA: 'UNMIL',
      compareB: 'UNOCI',
      webgl: true,
      tab: 'path',
    };
    const query = encodeState(s);
    expect(query).toContain('orgs=EU,AU');
    expect(decodeState(query, NOW)).toEqual(s);
  });

  it('keeps the slider time each expansion was made at, so that a link asks it for the same period', () => {
    const s = decodeState('?exp=UNAMID@2008,MINUSMA,UNMIL@2004-03,bad@20x', NOW);
    expect(s.expanded).toEqual(['UNAMID@2008', 'MINUSMA', 'UNMIL@2004-03']);
    expect(s.expanded.map(parseExpansion)).toEqual([
      { id: 'UNAMID', time: '2008' },
      { id: 'MINUSMA', time: null },
      { id: 'UNMIL', time: '2004-03' },
    ]);
    expect(expansionEntry('UNAMID', '2008')).toBe('UNAMID@2008');
    expect(expansionEntry('UNAMID', null)).toBe('UNAMID');
    expect(new URLSearchParams(encodeState(s)).get('exp')).toBe('UNAMID@2008,MINUSMA,UNMIL@2004-03');
  });

  it('always writes the period, so that a link means the same years later', () => {
    expect(encodeState(defaultState(NOW))).toBe('period=1997..2026');
    expect(encodeState(fullGraphState(NOW))).toContain('period=all');
    expect(decodeState('period=all', NOW)).toMatchObject({ from: null, to: null });
    expect(decodeState('period=..2000', NOW)).toMatchObject({ from: null, to: '2000' });
  });

  it('ignores malformed values instead of failing', () => {
    const s = decodeState(
      'mode=EVERYTHING&layout=spiral&period=20x0..abc&t=99999&orgs=EU,<script>,EU&sel=%3Cimg%20src%3Dx%3E&tab=nope&states=maybe',
      NOW,
    );
    const d = defaultState(NOW);
    expect(s.mode).toBe(d.mode);
    expect(s.layout).toBe(d.layout);
    expect(s.organizations).toEqual(['EU']);
    expect(s.selected).toBeNull();
    expect(s.time).toBeNull();
    expect(s.tab).toBe(d.tab);
    expect(s.includeStates).toBe(d.includeStates);
    expect(s.from).toBeNull();
  });

  it('carries the kinds of organization and the sources, and keeps only the allowed ones', () => {
    const s: ViewState = {
      ...defaultState(NOW),
      organizationKinds: ['regional', 'lead_state'],
      sources: ['un-pko-list'],
    };
    const query = encodeState(s);
    expect(query).toContain('okinds=regional,lead_state');
    expect(query).toContain('src=un-pko-list');
    expect(decodeState(query, NOW)).toEqual(s);
    expect(toNetworkFilter(s)).toMatchObject({
      organizationKinds: ['regional', 'lead_state'],
      sources: ['un-pko-list'],
    });
    expect(decodeState('okinds=regional,empire&src=wikipedia,bara-hultman', NOW)).toMatchObject({
      organizationKinds: ['regional'],
      sources: ['bara-hultman'],
    });
    // A link written before these filters existed opens with neither.
    expect(decodeState('period=2000..2010&orgs=EU', NOW)).toMatchObject({ organizationKinds: [], sources: [] });
  });

  it('orders a reversed period', () => {
    expect(decodeState('period=2010..2001', NOW)).toMatchObject({ from: '2001', to: '2010' });
  });

  it('turns a state into the API filter, leaving out empty lists', () => {
    expect(toNetworkFilter(defaultState(NOW))).toEqual({
      mode: 'FULL',
      includeStates: false,
      includeConflicts: true,
      period: { from: '1997', to: '2026' },
    });
    const f = toNetworkFilter({ ...fullGraphState(NOW), organizations: ['EU'], regions: ['Middle Africa'] });
    expect(f).toEqual({
      mode: 'FULL',
      includeStates: true,
      includeConflicts: true,
      organizations: ['EU'],
      regions: ['Middle Africa'],
    });
  });

  it('knows when a change needs no new request', () => {
    const a = defaultState(NOW);
    expect(sameNetwork(a, { ...a, time: '2004', selected: 'EU', layout: 'grid' })).toBe(true);
    expect(sameNetwork(a, { ...a, organizations: ['EU'] })).toBe(false);
  });
});
