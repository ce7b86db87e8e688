/**
 * A seeded Math.random, so that the layouts that draw random starting positions (fcose) give the same picture
 * for the same elements. No DOM: the layout worker (unit-layout.worker.ts) uses it too.
 */

/** Runs `work` with Math.random drawing from a generator seeded by `seed` (mulberry32 of the seed's FNV-1a hash). */
export function withSeededRandom<T>(seed: string, work: () => T): T {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i += 1) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193);
  let state = h >>> 0;
  const seeded = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const original = Math.random;
  Math.random = seeded;
  try {
    return work();
  } finally {
    Math.random = original;
  }
}
