import cytoscape from 'cytoscape';
import type { Core } from 'cytoscape';
import { toElements } from '../../../client/src/graph/elements';
import { buildStylesheet } from '../../../client/src/graph/style';
import type { GraphEdge, GraphNode, Subgraph } from '../../../client/src/graph/types';

/** A node as the API returns it, with defaults for the fields a test does not care about. */
export function node(id: string, label: GraphNode['label'], extra: Partial<GraphNode> = {}): GraphNode {
  return {
    id,
    label,
    name: id,
    fullName: null,
    start: null,
    end: null,
    kinds: [],
    organizations: label === 'Organization' ? [id] : [],
    region: null,
    personnel: null,
    mspo: false,
    place: null,
    ...extra,
  };
}

/** An edge as the API returns it. */
export function edge(type: string, source: string, target: string, extra: Partial<GraphEdge> = {}): GraphEdge {
  return {
    id: `${type}:${source}>${target}:`,
    source,
    target,
    type,
    kind: null,
    start: null,
    end: null,
    weight: null,
    months: null,
    sources: ['curated'],
    ...extra,
  };
}

/**
 * A small peace-operations graph: Bosnia (SFOR hands over to EUFOR-ALTHEA in Dec 2004, EUPM alongside from 2003),
 * Darfur (AMIS then the hybrid UNAMID), and a maritime mission with neither conflict nor host.
 */
export function sampleGraph(): Subgraph {
  const nodes = [
    node('UN', 'Organization', { fullName: 'United Nations', start: '1945-10-24' }),
    node('EU', 'Organization', { start: '1993-11-01' }),
    node('NATO', 'Organization', { start: '1949-04-04' }),
    node('AU', 'Organization', { start: '2002-07-09' }),
    node('SFOR', 'Mission', {
      organizations: ['NATO'],
      start: '1996-12-20',
      end: '2004-12-02',
      kinds: ['military'],
      region: 'Southern Europe',
      personnel: 32000,
      mspo: true,
    }),
    node('EUFOR-ALTHEA', 'Mission', {
      organizations: ['EU'],
      start: '2004-12-02',
      kinds: ['military'],
      region: 'Southern Europe',
      personnel: 7000,
      mspo: true,
    }),
    node('EUPM', 'Mission', {
      organizations: ['EU'],
      start: '2003-01-01',
      end: '2012-06-30',
      kinds: ['police'],
      region: 'Southern Europe',
      mspo: true,
    }),
    node('AMIS', 'Mission', {
      organizations: ['AU'],
      start: '2004-07',
      end: '2007-12-31',
      kinds: ['military', 'observer'],
      region: 'Eastern Africa',
      personnel: 7700,
      mspo: false,
    }),
    node('UNAMID', 'Mission', {
      organizations: ['UN', 'AU'],
      start: '2007-07-31',
      end: '2020-12-31',
      kinds: ['military', 'police'],
      region: 'Eastern Africa',
      personnel: 23000,
      mspo: true,
    }),
    node('EUNAVFOR', 'Mission', { organizations: ['EU'], start: '2008-12-08', kinds: ['maritime'], mspo: true }),
    node('ucdp-bosnia', 'Conflict', { name: 'Bosnia-Herzegovina: Serb', start: '1992', end: '1995' }),
    node('ucdp-darfur', 'Conflict', { name: 'Sudan: Darfur', start: '2003' }),
    node('BIH', 'State', { name: 'Bosnia and Herzegovina', region: 'Southern Europe' }),
    node('SDN', 'State', { name: 'Sudan', region: 'Northern Africa' }),
  ];
  const edges = [
    edge('DEPLOYED', 'NATO', 'SFOR'),
    edge('DEPLOYED', 'EU', 'EUFOR-ALTHEA'),
    edge('DEPLOYED', 'EU', 'EUPM'),
    edge('DEPLOYED', 'AU', 'AMIS'),
    edge('DEPLOYED', 'UN', 'UNAMID'),
    edge('DEPLOYED', 'AU', 'UNAMID'),
    edge('DEPLOYED', 'EU', 'EUNAVFOR'),
    edge('IN_CONFLICT', 'SFOR', 'ucdp-bosnia'),
    edge('IN_CONFLICT', 'EUFOR-ALTHEA', 'ucdp-bosnia'),
    edge('IN_CONFLICT', 'EUPM', 'ucdp-bosnia'),
    edge('IN_CONFLICT', 'AMIS', 'ucdp-darfur'),
    edge('IN_CONFLICT', 'UNAMID', 'ucdp-darfur'),
    edge('HOSTED_BY', 'SFOR', 'BIH'),
    edge('HOSTED_BY', 'EUFOR-ALTHEA', 'BIH'),
    edge('HOSTED_BY', 'AMIS', 'SDN', { start: '2004-07', end: '2007-12' }),
    edge('COOPERATED_WITH', 'SFOR', 'EUFOR-ALTHEA', { kind: 'handover', start: '2004-12-02', end: '2004-12-02' }),
    edge('COOPERATED_WITH', 'AMIS', 'UNAMID', { kind: 'handover', start: '2007-12-31', end: '2007-12-31' }),
    edge('IN_CONFLICT', 'GHOST', 'ucdp-darfur'),
  ];
  return { nodes, edges, truncated: false };
}

const created: Core[] = [];

// A Cytoscape instance keeps an animation timer until destroyed, which would keep Jest from exiting.
afterEach(() => {
  for (const cy of created.splice(0)) cy.destroy();
});

/** A headless Cytoscape with the view's stylesheet (style on, so that `display: none` and colours are computed). */
export function headless(sub: Pick<Subgraph, 'nodes' | 'edges'> = sampleGraph()): Core {
  const cy = cytoscape({ headless: true, styleEnabled: true, style: buildStylesheet(), elements: toElements(sub) });
  created.push(cy);
  return cy;
}
