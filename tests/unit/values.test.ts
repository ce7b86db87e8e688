import neo4j from 'neo4j-driver';
import { toNative } from '../../server/src/db/values';

/** The conversion of what the driver returns into plain JavaScript (db/values.ts). */
describe('toNative', () => {
  it('turns integers into numbers, in lists and maps converted in place', () => {
    const list = [neo4j.int(3), 'a', null];
    const map = { n: neo4j.int(7), xs: list };
    const out = toNative(map) as typeof map;
    expect(out).toEqual({ n: 7, xs: [3, 'a', null] });
    expect(out).toBe(map);
    expect(out.xs).toBe(list);
  });

  it("copies the driver's frozen values (a point) and frozen lists instead of writing into them", () => {
    const point = new neo4j.types.Point(neo4j.int(4326), 1, 2);
    expect(Object.isFrozen(point)).toBe(true);
    expect(toNative({ at: point })).toEqual({ at: { srid: 4326, x: 1, y: 2, z: null } });
    const frozen = Object.freeze([neo4j.int(1)]);
    expect(toNative(frozen)).toEqual([1]);
  });

  it('turns temporal values into ISO strings and nodes into their properties', () => {
    expect(toNative(new neo4j.types.Date(2013, 12, 31))).toBe('2013-12-31');
    const node = new neo4j.types.Node(neo4j.int(1), ['Mission'], { id: 'UNMISS', peak: neo4j.int(19000) }, 'e1');
    expect(toNative(node)).toEqual({ id: 'UNMISS', peak: 19000 });
  });
});
