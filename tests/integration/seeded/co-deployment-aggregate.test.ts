import { TokenStore } from '../../../server/src/auth/tokens';
import { CO_DEPLOYMENT_PAIR, refreshCoDeploymentPairs } from '../../../server/src/db/co-deployment-pairs';
import {
  NO_NETWORK_FILTER,
  ORGANIZATION_TIE,
  refreshOrganizationTies,
} from '../../../server/src/db/organization-network';
import { GraphRepository } from '../../../server/src/modules/graph/graph.repository';
import type { NetworkQuery } from '../../../server/src/modules/graph/graph.repository';
import { toSpan } from '../../../server/src/modules/common/period';
import { gql } from '../../helpers/http';
import { seededApi } from '../../helpers/seeded';

type Data = Record<string, any>;

const NO_FILTER: NetworkQuery = { ...NO_NETWORK_FILTER, includeStates: true, includeConflicts: true };

/** Periods of every precision the API accepts (toSpan widens them as the resolver does), and filters of every kind. */
const QUESTIONS: [string, Partial<NetworkQuery>][] = [
  ['the whole graph', {}],
  ['one year', { span: toSpan({ from: '2013', to: '2013' }) }],
  ['a decade', { span: toSpan({ from: '2000', to: '2010' }) }],
  ['three months', { span: toSpan({ from: '2008-03', to: '2008-05' }) }],
  ['one day', { span: toSpan({ from: '2004-06-15', to: '2004-06-15' }) }],
  ['an open start', { span: toSpan({ to: '1995-12' }) }],
  ['an open end', { span: toSpan({ from: '2015-07-01' }) }],
  ['organizations', { organizations: ['UN', 'AU'] }],
  ['kinds of organization', { organizationKinds: ['regional', 'subregional'] }],
  ['kinds of mission', { missionKinds: ['military'] }],
  ['regions', { regions: ['Eastern Africa', 'Middle Africa'] }],
  ['conflicts', { conflicts: ['ucdp-333', 'ucdp-337'] }],
  ['datasets', { sources: ['un-pko-list'] }],
  ['organizations in a period', { organizations: ['UN', 'AU'], span: toSpan({ from: '2003', to: '2009' }) }],
  [
    'kinds and a period',
    { organizationKinds: ['regional'], missionKinds: ['military'], span: toSpan({ from: '2005', to: '2015' }) },
  ],
];

/**
 * The organization network's co-deployments, kept at write time (db/co-deployment-pairs.ts), and the network
 * without a filter, kept whole (db/organization-network.ts), against the statement that computes them from the
 * whole graph on each call (organizationNetworkLive, today's reference): the same answers on the shipped graph
 * for every kind of period and filter, and writes that change them.
 */
describe('co-deployments kept at write time', () => {
  const { db, app } = seededApi();
  const repo = () => new GraphRepository(db());

  it('are in the seeded graph, and a refresh of an unchanged graph writes nothing', async () => {
    const kept = await db().read<{ n: number }>(`MATCH ()-[p:${CO_DEPLOYMENT_PAIR}]->() RETURN count(p) AS n`);
    expect(kept[0]?.n).toBeGreaterThan(100);
    expect(await refreshCoDeploymentPairs(db())).toEqual({ missions: expect.any(Number), created: 0, deleted: 0 });
    const ties = await db().read<{ kind: string; n: number }>(
      `MATCH ()-[t:${ORGANIZATION_TIE}]->() RETURN t.kind AS kind, count(t) AS n ORDER BY kind`,
    );
    expect(ties.map((t) => t.kind)).toEqual(['COOPERATED', 'CO_DEPLOYED', 'ORGANIZATION']);
    expect(await refreshOrganizationTies(db())).toEqual({ ties: expect.any(Number), written: 0, deleted: 0 });
  });

  it('answer without a filter from the kept ties, the months of ongoing pairs counted to the current month', async () => {
    const kept = await repo().organizationNetwork(NO_FILTER);
    expect(kept).toEqual(await repo().organizationNetworkLive(NO_FILTER));
    expect(kept.nodes.length).toBeGreaterThan(20);
    expect(kept.edges.length).toBeGreaterThan(50);
    // Some ties hold pairs of missions still running (no end): their months grow with the calendar, not kept.
    const open = await db().read<{ n: number }>(
      `MATCH ()-[t:${ORGANIZATION_TIE} {kind: 'CO_DEPLOYED'}]->() WHERE size(t.openPairs) > 0 RETURN count(t) AS n`,
    );
    expect(open[0]?.n).toBeGreaterThan(0);
  });

  it.each(QUESTIONS)('answer exactly as the live statement for %s', async (_what, filter) => {
    const q = { ...NO_FILTER, ...filter };
    const kept = await repo().organizationNetwork(q);
    const live = await repo().organizationNetworkLive(q);
    expect(kept).toEqual(live);
    // A question that finds nothing would prove nothing: each of these finds co-deployments on the shipped graph.
    expect(kept.edges.filter((e) => e.type === 'CO_DEPLOYED').length).toBeGreaterThan(0);
  });

  it('follow mutations: a new mission and deployment add co-deployments, a change of dates or a deletion takes them away, each as the live statement says', async () => {
    const editor = await new TokenStore(db()).create('test-co-deployment-editor', 'editor');
    const headers = { authorization: `Bearer ${editor.token}` };
    const ask = async (query: string) => {
      const res = await gql<Data>(app().url, query, {}, headers);
      expect(res.body.errors).toBeUndefined();
      return res.body.data as Data;
    };
    const span = toSpan({ from: '2008', to: '2008' });
    const network = async () =>
      (
        (
          await ask(
            '{ network(filter: {mode: ORGANIZATIONS, period: {from: "2008", to: "2008"}}) { edges { id weight months } } }',
          )
        ).network as { edges: Data[] }
      ).edges.filter((e) => String(e.id).includes('TEST-CODEPLOY'));
    // The network without a filter (the kept ties) against the live statement, the test's own ties and nodes.
    const whole = async () => {
      const mine = <N extends { id: string }, E extends { id: string }>(g: { nodes: N[]; edges: E[] }) => ({
        nodes: g.nodes.filter((n) => n.id.startsWith('TEST-CODEPLOY')),
        edges: g.edges.filter((e) => e.id.includes('TEST-CODEPLOY')),
      });
      const network = (
        await ask('{ network(filter: {mode: ORGANIZATIONS}) { nodes { id personnel } edges { id weight months } } }')
      ).network as { nodes: { id: string }[]; edges: { id: string }[] };
      const live = mine(await repo().organizationNetworkLive(NO_FILTER));
      expect(mine(network)).toEqual({
        nodes: live.nodes.map((n) => ({ id: n.id, personnel: n.personnel })),
        edges: live.edges.map((e) => ({ id: e.id, weight: e.weight, months: e.months })),
      });
      return mine(network);
    };
    const live = async () =>
      (await repo().organizationNetworkLive({ ...NO_FILTER, span })).edges
        .filter((e) => e.id.includes('TEST-CODEPLOY'))
        .map((e) => ({ id: e.id, weight: e.weight, months: e.months }));
    const darfur = (
      await db().read<{ id: string }>(
        "MATCH (:Mission {id: 'UNAMID'})-[:IN_CONFLICT]->(c:Conflict) RETURN c.id AS id ORDER BY id LIMIT 1",
      )
    )[0]?.id;
    expect(darfur).toBeDefined();
    try {
      expect(await network()).toEqual([]);
      expect(await whole()).toEqual({ nodes: [], edges: [] });
      await ask(
        'mutation { upsertOrganization(input: {id: "TEST-CODEPLOY", name: "Test co-deployment", kind: "regional", sourceRef: "test"}) { id } }',
      );
      await ask(
        'mutation { upsertMission(input: {id: "TEST-CODEPLOY-M", acronym: "TCM", name: "Test mission", start: "2008-01", end: "2008-12", sourceRef: "test"}) { id } }',
      );
      await ask(
        'mutation { linkEntities(input: {type: DEPLOYED, from: "TEST-CODEPLOY", to: "TEST-CODEPLOY-M", lead: true, sourceRef: "test"}) { count } }',
      );
      expect(await network()).toEqual([]); // in no conflict yet
      // In the network with its one mission (no personnel figure: unknown, not 0), tied to no one yet.
      expect(await whole()).toEqual({ nodes: [{ id: 'TEST-CODEPLOY', personnel: null }], edges: [] });
      await ask(
        `mutation { linkEntities(input: {type: IN_CONFLICT, from: "TEST-CODEPLOY-M", to: "${darfur}", sourceRef: "test"}) { count } }`,
      );
      const added = await network();
      // UNAMID (UN and AU) ran in the same conflict in 2008: the new organization is co-deployed with both.
      expect(added.map((e) => e.id)).toEqual(
        expect.arrayContaining(['CO_DEPLOYED:AU>TEST-CODEPLOY', 'CO_DEPLOYED:TEST-CODEPLOY>UN']),
      );
      expect(added).toEqual(await live());
      const addedWhole = await whole();
      expect(addedWhole.edges.map((e) => e.id)).toEqual(
        expect.arrayContaining(['CO_DEPLOYED:AU>TEST-CODEPLOY', 'CO_DEPLOYED:TEST-CODEPLOY>UN']),
      );
      // Its dates moved to 2007: no co-deployment in 2008 any more.
      await ask(
        'mutation { upsertMission(input: {id: "TEST-CODEPLOY-M", acronym: "TCM", name: "Test mission", start: "2007-01", end: "2007-06", sourceRef: "test"}) { id } }',
      );
      expect(await network()).toEqual([]);
      expect(await live()).toEqual([]);
      await whole(); // still tied over all years (UNAMID ran in 2007), as the live statement says
      await ask(
        'mutation { upsertMission(input: {id: "TEST-CODEPLOY-M", acronym: "TCM", name: "Test mission", start: "2008-01", end: "2008-12", sourceRef: "test"}) { id } }',
      );
      expect(await network()).toEqual(added);
      expect(await whole()).toEqual(addedWhole);
      // Taken out of the conflict, then the organization deleted: gone each time.
      await ask(`mutation { unlinkEntities(type: IN_CONFLICT, from: "TEST-CODEPLOY-M", to: "${darfur}") { count } }`);
      expect(await network()).toEqual([]);
      expect((await whole()).edges).toEqual([]);
      await ask(
        `mutation { linkEntities(input: {type: IN_CONFLICT, from: "TEST-CODEPLOY-M", to: "${darfur}", sourceRef: "test"}) { count } }`,
      );
      expect(await network()).toEqual(added);
      await ask('mutation { deleteEntity(label: Organization, id: "TEST-CODEPLOY") { deleted } }');
      expect(await network()).toEqual([]);
      expect(await whole()).toEqual({ nodes: [], edges: [] });
      const left = await db().read<{ n: number }>(
        `MATCH (:Mission {id: 'TEST-CODEPLOY-M'})-[p:${CO_DEPLOYMENT_PAIR}]-() RETURN count(p) AS n`,
      );
      expect(left[0]?.n).toBe(0);
    } finally {
      await db().write(
        "MATCH (n) WHERE (n:Organization AND n.id = 'TEST-CODEPLOY') OR (n:Mission AND n.id = 'TEST-CODEPLOY-M') OR (n:ApiToken AND n.name = 'test-co-deployment-editor') OR (n:AuditEntry AND n.actor = 'test-co-deployment-editor') DETACH DELETE n",
      );
    }
    expect(await refreshCoDeploymentPairs(db())).toEqual({ missions: expect.any(Number), created: 0, deleted: 0 });
    expect(await refreshOrganizationTies(db())).toEqual({ ties: expect.any(Number), written: 0, deleted: 0 });
  });
});
