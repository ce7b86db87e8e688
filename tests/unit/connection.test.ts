import { decodeCursor, encodeCursor, toPage } from '../../server/src/modules/common/connection';

describe('cursor pagination', () => {
  it('round-trips an offset through an opaque cursor', () => {
    expect(decodeCursor(encodeCursor(42))).toBe(42);
    expect(decodeCursor(null)).toBe(0);
  });

  it('rejects a forged cursor with BAD_USER_INPUT', () => {
    expect(() => decodeCursor('not-a-cursor')).toThrow(/Invalid cursor/);
    try {
      decodeCursor(Buffer.from('o:-1').toString('base64url'));
    } catch (err) {
      expect((err as { extensions: { code: string } }).extensions.code).toBe('BAD_USER_INPUT');
    }
  });

  it('uses the extra fetched row only to say that a next page exists', () => {
    const page = toPage([1, 2, 3], 2, 10, 20);
    expect(page.items).toEqual([1, 2]);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(decodeCursor(page.pageInfo.endCursor)).toBe(12);
    expect(toPage([1], 2, 0, 1).pageInfo.hasNextPage).toBe(false);
  });
});
