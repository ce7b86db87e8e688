import { seededApi } from '../../helpers/seeded';

type Data = Record<string, any>;

const POINT = 'latitude longitude label basis count source';
const NE_COMMIT = '693f11422f4e08d2da4566b854dda53eb7c39fb3';

/** Where the map places entities (GeoPoint): headquarters, capitals, conflicts, on the shipped graph. */
describe('places on the map', () => {
  const { data } = seededApi();

  it("gives a mission's headquarters as the UN list states it and a state's capital from Natural Earth", async () => {
    const d = await data(`{
      unamid: mission(id: "UNAMID") { headquarters { ${POINT} } }
      fra: state(id: "FRA") { capital { ${POINT} } }
      ssd: state(id: "SSD") { capital { label latitude longitude } }
      csk: state(id: "CSK") { capital { label } }
      untso: mission(id: "UNTSO") { headquarters { label } }
    }`);
    // The UN list writes El Fasher as 'Al Fashir'.
    expect(d.unamid.headquarters).toEqual({
      latitude: 13.6306,
      longitude: 25.35,
      label: 'Al Fashir',
      basis: 'HEADQUARTERS',
      count: 1,
      source: 'un-pko-list',
    });
    expect(d.fra.capital).toMatchObject({
      latitude: 48.868639,
      longitude: 2.331389,
      label: 'Paris',
      basis: 'CAPITAL',
      count: 1,
    });
    expect(d.fra.capital.source).toContain(
      `ne_110m_populated_places_simple.geojson, GitHub nvkelso/natural-earth-vector @ ${NE_COMMIT}`,
    );
    expect(d.ssd.capital).toEqual({ label: 'Juba', latitude: 4.829975, longitude: 31.580026 });
    // Czechoslovakia ended before Natural Earth's map; UNTSO's row of the UN list gives Jerusalem without coordinates.
    expect(d.csk.capital).toBeNull();
    expect(d.untso.headquarters).toBeNull();
  });

  it('places the nodes of the network: missions east and west, states at capitals, conflicts at their location, organizations nowhere', async () => {
    const d = await data(
      `query($filter: NetworkFilter) { network(filter: $filter) { nodes { id label place { ${POINT} } } } }`,
      { filter: { period: { from: '2005', to: '2010' }, includeStates: true, includeConflicts: true } },
    );
    const byId = new Map<string, Data>(d.network.nodes.map((n: Data) => [n.id, n]));
    const at = (id: string) => byId.get(id)?.place as Data | null | undefined;
    // UNMIS in Khartoum lies east and north of UNMIL in Monrovia.
    expect(at('UNMIS')?.longitude).toBeGreaterThan(at('UNMIL')?.longitude);
    expect(at('UNMIS')?.latitude).toBeGreaterThan(at('UNMIL')?.latitude);
    expect(at('LBR')).toMatchObject({ label: 'Monrovia', basis: 'CAPITAL' });
    // EUFOR Althea: no headquarters on record, so at its host's capital, and said so.
    expect(at('EUFOR-ALTHEA')).toMatchObject({ label: 'Sarajevo', basis: 'HOST_CAPITALS', count: 1 });
    expect(at('UN')).toBeNull();
    expect(byId.get('UN')?.label).toBe('Organization');
    // Darfur (UCDP 309) is located in Sudan: at Khartoum.
    expect(at('ucdp-309')).toMatchObject({
      label: 'Khartoum',
      basis: 'LOCATION_CAPITALS',
      count: 1,
      latitude: 15.590024,
      longitude: 32.532233,
    });
    for (const n of d.network.nodes as Data[]) {
      if (n.label === 'Organization') expect(n.place).toBeNull();
      if (n.place) expect(Math.abs(n.place.latitude)).toBeLessThanOrEqual(90);
    }
  });

  it("leaves an operation at sea without a place, and prefers a mission's headquarters to its hosts' capitals", async () => {
    const d = await data(`{ neighbors(id: "EU", depth: 1) { nodes { id place { ${POINT} } } } }`);
    const irini = (d.neighbors.nodes as Data[]).find((n) => n.id === 'EUNAVFOR-MED-IRINI');
    expect(irini).toBeDefined();
    expect(irini?.place).toBeNull();
    const onuca = await data(`{ neighbors(id: "ONUCA", depth: 1) { nodes { id place { ${POINT} } } } }`);
    // ONUCA has its headquarters (Tegucigalpa) on record: that, not the mean of its five hosts' capitals.
    expect((onuca.neighbors.nodes as Data[]).find((n) => n.id === 'ONUCA')?.place).toMatchObject({
      label: 'Tegucigalpa',
      basis: 'HEADQUARTERS',
    });
  });

  it('places a conflict between two states at the mean of their capitals, and says so', async () => {
    const d = await data(`{ neighbors(id: "ucdp-409", depth: 1) { nodes { id place { ${POINT} } } } }`);
    const eriEth = (d.neighbors.nodes as Data[]).find((n) => n.id === 'ucdp-409');
    expect(eriEth?.place).toMatchObject({ basis: 'LOCATION_CAPITALS', count: 2 });
    expect(String(eriEth?.place.label).split(', ').sort()).toEqual(['Addis Ababa', 'Asmara']);
    expect(eriEth?.place.latitude).toBeCloseTo((15.333339 + 9.035256) / 2, 5);
    expect(eriEth?.place.longitude).toBeCloseTo((38.933324 + 38.698059) / 2, 5);
  });
});
