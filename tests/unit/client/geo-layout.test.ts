import {
  COLUMN_STEP,
  SHARED_SPOT,
  isPlaced,
  mapInputs,
  mapLayoutOptions,
  placeOnMap,
  plateCarreeFrame,
} from '../../../client/src/graph/geo-layout';
import type { MapNodeInput } from '../../../client/src/graph/geo-layout';
import type { GeoPoint } from '../../../client/src/graph/types';
import { decodeState } from '../../../client/src/graph/view-state';
import { edge, headless, node } from './fixtures';

/** The map layout's placement (graph/geo-layout.ts), in the equirectangular frame (no browser, no d3). */

const at = (
  latitude: number,
  longitude: number,
  label: string,
  basis: GeoPoint['basis'] = 'HEADQUARTERS',
): GeoPoint => ({ latitude, longitude, label, basis, count: 1, source: 'un-pko-list' });
const input = (id: string, label: string, place: GeoPoint | null, visible = true): MapNodeInput => ({
  id,
  label,
  name: id,
  place,
  visible,
});
const frame = plateCarreeFrame();

describe('placing nodes on the map', () => {
  const nodes = [
    input('UNMISS', 'Mission', at(4.85, 31.6, 'Juba')),
    input('UNMIL', 'Mission', at(6.3133, -10.8014, 'Monrovia')),
    input('UNFICYP', 'Mission', at(35.1667, 33.3667, 'Nicosia')),
    input('UN', 'Organization', null),
    input('EU', 'Organization', null),
    input('PSE', 'State', null, false),
  ];

  it('puts a node with a place at its projected point: east is right, north is up', () => {
    const p = placeOnMap(nodes, frame).positions;
    expect(p.get('UNMISS')).toEqual({ x: frame.project([31.6, 4.85])![0], y: frame.project([31.6, 4.85])![1] });
    expect(p.get('UNMISS')!.x).toBeGreaterThan(p.get('UNMIL')!.x);
    expect(p.get('UNFICYP')!.y).toBeLessThan(p.get('UNMISS')!.y);
  });

  it('puts the nodes without a place in a column left of the map, shown ones first, and counts the shown ones', () => {
    const placed = placeOnMap(nodes, frame);
    const [[x0, y0]] = frame.bounds;
    expect(placed.column.ids).toEqual(['EU', 'UN', 'PSE']);
    expect(placed.column.visibleCount).toBe(2);
    for (const id of placed.column.ids) expect(placed.positions.get(id)!.x).toBeLessThan(x0);
    expect(placed.positions.get('UN')!.y - placed.positions.get('EU')!.y).toBe(COLUMN_STEP);
    expect(placed.positions.get('EU')!.y).toBeGreaterThan(y0);
    expect(placed.column.x + placed.column.width).toBeLessThan(x0);
  });

  it('fans out nodes that share a place around it, the same way every time', () => {
    const juba = [
      input('UNMISS', 'Mission', at(4.85, 31.6, 'Juba')),
      input('SSD', 'State', at(4.829975, 31.580026, 'Juba', 'CAPITAL')),
      input('ucdp-11345', 'Conflict', at(4.829975, 31.580026, 'Juba', 'LOCATION_CAPITALS')),
    ];
    const a = placeOnMap(juba, frame);
    const b = placeOnMap([...juba].reverse(), frame);
    expect(a.positions).toEqual(b.positions);
    expect(a.fanned).toBe(3);
    const [x, y] = frame.project([31.6, 4.85])!;
    const pts = juba.map((n) => a.positions.get(n.id)!);
    for (const p of pts) expect(Math.hypot(p.x - x, p.y - y)).toBeLessThan(40);
    expect(new Set(pts.map((p) => `${Math.round(p.x)}:${Math.round(p.y)}`)).size).toBe(3);
    // A place farther than SHARED_SPOT away keeps its own point.
    const apart = placeOnMap([juba[0], input('UNAMID', 'Mission', at(13.6306, 25.35, 'Al Fashir'))], frame);
    expect(apart.fanned).toBe(0);
    expect(SHARED_SPOT).toBeLessThan(Math.abs(apart.positions.get('UNAMID')!.y - apart.positions.get('UNMISS')!.y));
  });

  it('never draws a coordinate outside the globe: such a node goes to the column', () => {
    expect(isPlaced(at(91, 0, 'x'))).toBe(false);
    expect(isPlaced(at(0, -181, 'x'))).toBe(false);
    expect(isPlaced(at(Number.NaN, 0, 'x'))).toBe(false);
    expect(isPlaced(null)).toBe(false);
    const placed = placeOnMap([input('BAD', 'Mission', at(95, 10, 'nowhere'))], frame);
    expect(placed.column.ids).toEqual(['BAD']);
  });
});

describe('the map layout on a graph', () => {
  it('is a layout name of the URL state', () => {
    expect(decodeState('?layout=map').layout).toBe('map');
  });

  it('places every node of a Cytoscape graph by its place, with a preset layout', () => {
    const cy = headless({
      nodes: [
        node('UNMISS', 'Mission', { place: at(4.85, 31.6, 'Juba') }),
        node('UN', 'Organization'),
        node('SSD', 'State', { place: at(4.83, 31.58, 'Juba', 'CAPITAL') }),
      ],
      edges: [edge('DEPLOYED', 'UN', 'UNMISS'), edge('HOSTED_BY', 'UNMISS', 'SSD')],
    });
    expect(
      mapInputs(cy)
        .map((n) => n.id)
        .sort(),
    ).toEqual(['SSD', 'UN', 'UNMISS']);
    const opts = mapLayoutOptions(cy, { fit: false, padding: 0, animate: false, animationDuration: 0 });
    expect(opts.name).toBe('preset');
    cy.layout(opts).run();
    expect(cy.getElementById('UN').position('x')).toBeLessThan(cy.getElementById('UNMISS').position('x'));
    expect(Math.abs(cy.getElementById('UNMISS').position('y') - cy.getElementById('SSD').position('y'))).toBeLessThan(
      60,
    );
  });
});
