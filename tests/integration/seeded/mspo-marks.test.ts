import { AnalyticsRepository } from '../../../server/src/modules/analytics/analytics.repository';
import { mspoMissionsIn } from '../../../server/src/modules/analytics/mspo-flags';
import type { Span } from '../../../server/src/modules/common/period';
import { seededApi } from '../../helpers/seeded';

/**
 * The network view's MSPO marks are asked for the missions it shows only: the rule runs within them and the
 * missions that share a conflict or a host state with them. Each mark must be the one the rule gives over the
 * whole graph (cypher/analysis/mspo-share.cypher with every mission), for any span and any set of missions.
 */
describe('MSPO marks of the missions shown', () => {
  const { data, db } = seededApi();
  const NOW = new Date('2026-06-15T00:00:00Z');

  const SPANS: [string, Span | null][] = [
    ['no period (1945 to this year)', null],
    ['one year', { from: '2008-01-01', to: '2008-12-31' }],
    ['three months', { from: '2008-03-01', to: '2008-05-31' }],
    ['a decade and more', { from: '1990-01-01', to: '2020-12-31' }],
    ['the early years', { from: '1948-01-01', to: '1965-12-31' }],
  ];

  /** Mission sets as the view shows them: a neighbourhood, a few named missions, every tenth mission, all. */
  async function missionSets(): Promise<[string, string[]][]> {
    const all = (await db().read<{ id: string }>('MATCH (m:Mission) RETURN m.id AS id ORDER BY id')).map((r) => r.id);
    const d = await data('{ neighbors(id: "AU", depth: 2) { nodes { id label } } }');
    const around = (d.neighbors.nodes as { id: string; label: string }[])
      .filter((n) => n.label === 'Mission')
      .map((n) => n.id);
    return [
      ['the missions around the AU', around],
      ['Darfur, Chad and South Sudan', ['UNAMID', 'AMIS', 'UNMIS', 'EUFOR-TCHAD-RCA', 'MINURCAT', 'UNMISS']],
      ['every tenth mission', all.filter((_, i) => i % 10 === 0)],
      ['every mission', all],
    ];
  }

  it('are those of the rule over the whole graph, for every span and set of missions', async () => {
    const repo = new AnalyticsRepository(db());
    const sets = await missionSets();
    expect(sets[0]?.[1].length).toBeGreaterThan(5);
    let marked = 0;
    for (const [, span] of SPANS) {
      const whole = await mspoMissionsIn(repo, span, undefined, NOW);
      for (const [, ids] of sets) {
        const shown = await mspoMissionsIn(repo, span, ids, NOW);
        expect([...shown].sort()).toEqual(ids.filter((id) => whole.has(id)).sort());
        marked += shown.size;
      }
    }
    // Not a comparison of empty sets: missions are marked in most spans.
    expect(marked).toBeGreaterThan(100);
  });

  it('reads only the missions shown and their place-mates, not the whole graph', async () => {
    const repo = new AnalyticsRepository(db());
    const mates = await repo.placeMates(['UNAMID']);
    const total = (await db().read<{ n: number }>('MATCH (m:Mission) RETURN count(m) AS n'))[0].n;
    expect(mates).toContain('UNAMID');
    expect(mates).toContain('AMIS');
    expect(mates.length).toBeLessThan(total / 4);
  });
});
