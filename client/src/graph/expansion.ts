/**
 * What an expansion adds first. A node's neighbours come in whole, except the states linked to it by personnel
 * only (CONTRIBUTED_TO): of those the N largest come first, in the API's order (`Mission.contributors`, largest
 * first, or the edges' figures), and the rest wait for "+ more". The view state's period applies to both asks.
 */
import type { GraphEdge, Subgraph } from './types';

/** How many contributors an expansion adds before "+ more". */
export const TOP_CONTRIBUTORS = 15;

/** One contributor as the API ranks it (`Mission.contributors`: largest first; null: listed without a figure). */
export interface RankedContributor {
  id: string;
  personnel: number | null;
}

/** The two steps of an expansion. */
export interface ExpansionPlan {
  /** The parent, every neighbour that is not a contributor only, and the first contributors. */
  first: Subgraph;
  /** The other contributors and their edges; null when every contributor is in `first`. */
  rest: Subgraph | null;
  /** Node ids of `first` and then `rest`, in the order to place them (the parent's other neighbours, then contributors, largest first). */
  order: string[];
  /** Contributors in all, and how many `first` holds. */
  contributors: number;
  shown: number;
}

const CONTRIBUTION = 'CONTRIBUTED_TO';

/** Ids of the neighbours linked to `parent` by CONTRIBUTED_TO edges and nothing else, with their edges' figure. */
function contributorsOf(parent: string, edges: readonly GraphEdge[]): Map<string, number | null> {
  const figure = new Map<string, number | null>();
  const other = new Set<string>();
  for (const e of edges) {
    const x = e.source === parent ? e.target : e.target === parent ? e.source : null;
    if (x === null || x === parent) continue;
    if (e.type === CONTRIBUTION) {
      const w = e.weight;
      const known = figure.get(x);
      figure.set(x, known === undefined || known === null ? w : w === null ? known : Math.max(known, w));
    } else other.add(x);
  }
  for (const x of other) figure.delete(x);
  return figure;
}

/**
 * Splits a `neighbors` answer for `parent` into what to add first and what "+ more" adds. `ranking` is the API's
 * order of contributors (null: order by the edges' figures, largest first; no figure last; then by id).
 */
export function planExpansion(
  parent: string,
  sub: Subgraph,
  ranking: readonly RankedContributor[] | null,
  top: number = TOP_CONTRIBUTORS,
): ExpansionPlan {
  const figures = contributorsOf(parent, sub.edges);
  const rank = new Map((ranking ?? []).map((r, i) => [r.id, i] as const));
  const ranked = [...figures.keys()].sort((a, b) => {
    const ra = rank.get(a) ?? Infinity;
    const rb = rank.get(b) ?? Infinity;
    if (ra !== rb) return ra - rb;
    const fa = figures.get(a) ?? -1;
    const fb = figures.get(b) ?? -1;
    return fb - fa || (a < b ? -1 : a > b ? 1 : 0);
  });
  const later = new Set(ranked.slice(top));
  const firstNodes = sub.nodes.filter((n) => !later.has(n.id));
  const firstIds = new Set(firstNodes.map((n) => n.id));
  const first: Subgraph = {
    nodes: firstNodes,
    edges: sub.edges.filter((e) => firstIds.has(e.source) && firstIds.has(e.target)),
    truncated: sub.truncated,
  };
  const rest: Subgraph | null = later.size
    ? {
        nodes: sub.nodes.filter((n) => later.has(n.id) || n.id === parent),
        edges: sub.edges.filter((e) => later.has(e.source) || later.has(e.target)),
        truncated: sub.truncated,
      }
    : null;
  const contributorSet = new Set(ranked);
  const others = sub.nodes.map((n) => n.id).filter((id) => id !== parent && !contributorSet.has(id));
  return { first, rest, order: [...others, ...ranked], contributors: ranked.length, shown: ranked.length - later.size };
}
