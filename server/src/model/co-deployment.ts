/**
 * How the organization network weighs the co-deployment of two organizations (the one place of the rule), read
 * both by the network's live answer (modules/graph/graph.repository.ts) and by the ties kept at write time
 * (db/organization-network.ts): two organizations are tied when missions they deploy were in the same conflict at
 * the same time (a pair of missions, MISSIONS_OVERLAP); the tie's weight is the number of conflicts they shared,
 * its months the months the pairs of missions overlapped, summed over the pairs.
 */

/** One co-deployment: organizations `a` < `b`, a mission of each (`m1` of a, `m2` of b) and the conflict of both. */
export interface CoDeploymentPair {
  a: string;
  b: string;
  conflict: string;
  m1: string;
  s1: string | null;
  e1: string | null;
  m2: string;
  s2: string | null;
  e2: string | null;
}

/** The dates of a pair of missions whose overlap runs to the current month (one of them is ongoing). */
export type OpenPair = [s1: string | null, e1: string | null, s2: string | null, e2: string | null];

/**
 * The co-deployment of two organizations: the conflicts they shared, the overlapping months of their mission
 * pairs that have both ends (`closedMonths`), and the pairs still open, whose months grow with the calendar.
 */
export interface CoDeploymentDyad {
  a: string;
  b: string;
  conflicts: number;
  closedMonths: number;
  openPairs: OpenPair[];
}

/** Months from the later start to the earlier end of two missions (open ends run to the current month). */
export function overlapMonths(
  s1: string | null,
  e1: string | null,
  s2: string | null,
  e2: string | null,
  now = new Date(),
): number {
  const month = (d: string | null, fallback: number) =>
    d ? Number(d.slice(0, 4)) * 12 + (d.length >= 7 ? Number(d.slice(5, 7)) - 1 : 0) : fallback;
  const current = now.getUTCFullYear() * 12 + now.getUTCMonth();
  const endMonth = (d: string | null) =>
    d ? Number(d.slice(0, 4)) * 12 + (d.length >= 7 ? Number(d.slice(5, 7)) - 1 : 11) : current;
  const from = Math.max(month(s1, 0), month(s2, 0));
  const to = Math.min(endMonth(e1), endMonth(e2));
  return Math.max(0, to - from + 1);
}

/**
 * The dyads of a list of co-deployments, in the order first met: each pair of missions counted once per dyad
 * (two missions in two shared conflicts overlap once). A pair with both ends closed is summed now; an open one
 * is kept, to be counted up to the month the answer is given (dyadMonths).
 */
export function coDeploymentDyads(pairs: readonly CoDeploymentPair[]): CoDeploymentDyad[] {
  const byDyad = new Map<string, CoDeploymentDyad & { conflictIds: Set<string>; seen: Set<string> }>();
  for (const p of pairs) {
    const key = `${p.a}|${p.b}`;
    let d = byDyad.get(key);
    if (!d) {
      d = { a: p.a, b: p.b, conflicts: 0, closedMonths: 0, openPairs: [], conflictIds: new Set(), seen: new Set() };
      byDyad.set(key, d);
    }
    d.conflictIds.add(p.conflict);
    const pairKey = `${p.m1}|${p.m2}`;
    if (d.seen.has(pairKey)) continue;
    d.seen.add(pairKey);
    if (p.e1 === null || p.e2 === null) d.openPairs.push([p.s1, p.e1, p.s2, p.e2]);
    else d.closedMonths += overlapMonths(p.s1, p.e1, p.s2, p.e2);
  }
  return [...byDyad.values()].map(({ a, b, conflictIds, closedMonths, openPairs }) => ({
    a,
    b,
    conflicts: conflictIds.size,
    closedMonths,
    openPairs,
  }));
}

/** The months of a dyad as of `now`: its closed pairs' months and its open pairs' months to date. */
export function dyadMonths(d: CoDeploymentDyad, now = new Date()): number {
  let months = d.closedMonths;
  for (const [s1, e1, s2, e2] of d.openPairs) months += overlapMonths(s1, e1, s2, e2, now);
  return months;
}
