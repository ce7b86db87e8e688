import { BoundedCache } from '../../server/src/http/bounded-cache';

describe('BoundedCache', () => {
  it('returns what was stored', () => {
    const c = new BoundedCache<number>(3);
    c.set('a', 1);
    expect(c.get('a')).toBe(1);
    expect(c.get('b')).toBeUndefined();
  });

  it('drops the oldest entry past its bound', () => {
    const c = new BoundedCache<number>(2);
    c.set('a', 1);
    c.set('b', 2);
    c.set('c', 3);
    expect([c.get('a'), c.get('b'), c.get('c')]).toEqual([undefined, 2, 3]);
  });

  it('does not store keys longer than its limit', () => {
    const c = new BoundedCache<number>(10, 5);
    c.set('123456', 1);
    c.set('12345', 2);
    expect([c.get('123456'), c.get('12345')]).toEqual([undefined, 2]);
  });
});
