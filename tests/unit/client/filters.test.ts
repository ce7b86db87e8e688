import {
  countConflicts,
  describeFilter,
  facetsOf,
  hasNarrowingFilter,
  MISSION_KINDS,
  ORGANIZATION_KINDS,
} from '../../../client/src/graph/filters';
import { defaultState, fullGraphState } from '../../../client/src/graph/view-state';
import { sampleGraph } from './fixtures';

const NOW = new Date('2026-06-01T00:00:00Z');

describe('filters', () => {
  it('counts organizations, kinds and regions over the missions, most frequent first', () => {
    const f = facetsOf(sampleGraph().nodes);
    expect(f.organizations[0]).toEqual({ value: 'EU', text: 'EU', count: 3 });
    expect(f.organizations.find((o) => o.value === 'AU')?.count).toBe(2);
    expect(f.missionKinds[0]).toEqual({ value: 'military', text: 'military', count: 4 });
    // Every kind of the model is offered, even those absent from the data.
    expect(f.missionKinds.map((k) => k.value).sort()).toEqual([...MISSION_KINDS].sort());
    expect(f.missionKinds.find((k) => k.value === 'rule_of_law')?.text).toBe('rule of law');
    expect(f.regions.map((r) => r.value)).toEqual(['Southern Europe', 'Eastern Africa']);
  });

  it('lists conflicts by name with their number of missions', () => {
    const g = sampleGraph();
    const f = countConflicts(facetsOf(g.nodes), g.edges);
    expect(f.conflicts.map((c) => [c.value, c.text, c.count])).toEqual([
      ['ucdp-bosnia', 'Bosnia-Herzegovina: Serb', 3],
      ['ucdp-darfur', 'Sudan: Darfur', 3],
    ]);
  });

  it('describes the filters in plain words', () => {
    expect(describeFilter(defaultState(NOW))).toBe('Missions, organizations, conflicts · 1997–2026');
    const names = new Map([['ucdp-333', 'Afghanistan']]);
    expect(
      describeFilter(
        {
          ...fullGraphState(NOW),
          organizations: ['EU', 'NATO'],
          missionKinds: ['rule_of_law'],
          conflicts: ['ucdp-333'],
        },
        names,
      ),
    ).toBe('Missions, organizations, conflicts, host states · EU, NATO · rule of law · Afghanistan · all years');
    expect(describeFilter({ ...defaultState(NOW), mode: 'ORGANIZATIONS', from: null, to: '2000' })).toBe(
      'Organization network · …–2000',
    );
  });

  it('tells whether anything besides the period narrows the missions', () => {
    expect(hasNarrowingFilter(defaultState(NOW))).toBe(false);
    expect(hasNarrowingFilter({ ...defaultState(NOW), regions: ['Western Africa'] })).toBe(true);
    expect(hasNarrowingFilter({ ...defaultState(NOW), organizationKinds: ['lead_state'] })).toBe(true);
    expect(hasNarrowingFilter({ ...defaultState(NOW), sources: ['un-pko-list'] })).toBe(true);
  });

  it('counts the missions per kind of organization, every kind of the model in its order', () => {
    const g = sampleGraph();
    const kinds = new Map([
      ['UN', 'global'],
      ['EU', 'regional'],
      ['AU', 'regional'],
      ['NATO', 'alliance'],
    ]);
    const nodes = g.nodes.map((n) => (n.label === 'Organization' ? { ...n, kinds: [kinds.get(n.id) ?? 'global'] } : n));
    const f = facetsOf(nodes);
    expect(f.organizationKinds.map((k) => k.value)).toEqual([...ORGANIZATION_KINDS]);
    const missions = nodes.filter((n) => n.label === 'Mission');
    const count = (kind: string) => missions.filter((m) => m.organizations.some((o) => kinds.get(o) === kind)).length;
    expect(f.organizationKinds.find((k) => k.value === 'regional')?.count).toBe(count('regional'));
    expect(count('regional')).toBeGreaterThan(0);
    expect(f.organizationKinds.find((k) => k.value === 'lead_state')).toMatchObject({ text: 'lead state', count: 0 });
  });

  it('names the kinds of organization and the sources in the summary', () => {
    expect(
      describeFilter({
        ...defaultState(NOW),
        organizationKinds: ['ad_hoc_coalition', 'lead_state'],
        sources: ['un-pko-list', 'bara-hultman'],
      }),
    ).toBe(
      'Missions, organizations, conflicts · deployed by ad hoc coalitions or lead states · stated by UN PKO list, Bara & Hultman · 1997–2026',
    );
  });
});
