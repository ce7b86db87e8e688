import { toCsv, toGraphML } from '../../server/src/export/formats';

const nodes = [
  { id: 'EU', label: 'Organization', props: { id: 'EU', name: 'European <Union> & "Co"', aliases: ['EEC', 'EC'] } },
  { id: 'EUFOR-ALTHEA', label: 'Mission', props: { id: 'EUFOR-ALTHEA', name: 'EUFOR Althea', start: '2004-12-02' } },
];
const rels = [{ type: 'DEPLOYED', from: 'EU', to: 'EUFOR-ALTHEA', props: { source: 'curated', lead: true } }];

describe('export formats', () => {
  it('writes GraphML with escaped text, one key per property and lists joined by |', () => {
    const g = toGraphML(nodes, rels);
    expect(g).toContain('<node id="EU"><data key="label">Organization</data>');
    expect(g).toContain('European &lt;Union&gt; &amp; &quot;Co&quot;');
    expect(g).toContain('EEC|EC');
    expect(g).toContain('<edge id="e0" source="EU" target="EUFOR-ALTHEA"><data key="type">DEPLOYED</data>');
    expect(g).toMatch(/<key id="e\d" for="edge" attr.name="lead"/);
  });

  it('writes CSV tables with quoting', () => {
    const t = toCsv(nodes, rels);
    expect(t.nodes.split('\n')[0]).toBe('id,label,aliases,name,start');
    expect(t.nodes).toContain('EU,Organization,EEC|EC,"European <Union> & ""Co""",');
    expect(t.relationships).toBe('from,to,type,lead,source\nEU,EUFOR-ALTHEA,DEPLOYED,true,curated\n');
  });
});
