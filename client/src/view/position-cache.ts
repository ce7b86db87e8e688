/**
 * Positions kept per laid-out view, so that a reload, a link opened again or a return to a filter draws the final
 * picture at once instead of laying it out again. An entry is keyed by everything the force layout reads (the
 * layout, its seed, which is the ids in view, every node's box and drawn size, every edge's ends in graph order),
 * so that it holds exactly what the layout would compute: the same link gives the same picture with or without
 * it. Kept in localStorage, the last KEEP entries; a browser that refuses storage simply lays out every time.
 */
import type { EdgeCollection, NodeCollection, Position } from 'cytoscape';

const PREFIX = 'peaceops:positions:';
const INDEX = `${PREFIX}index`;
/** Entries kept (the least recently used go first). */
const KEEP = 8;
/** Changes whenever a layout computes other positions from the same inputs (which makes older entries unused). */
const LAYOUT_VERSION = 1;

/** One stored picture: node ids and their positions, flat. */
interface Entry {
  ids: string[];
  xy: number[];
}

/** A 53-bit hash of `text` (cyrb53), as 14 hex digits. */
export function hashText(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/** The key of a layout of `nodes` and `edges` (in graph order) by `name`, seeded by `seed`. */
export function layoutKey(name: string, seed: string, nodes: NodeCollection, edges: EdgeCollection): string {
  const parts: string[] = [String(LAYOUT_VERSION), name, seed];
  nodes.forEach((n) => {
    parts.push(`${n.id()}|${String(n.data('parent') ?? '')}|${n.outerWidth()}|${n.outerHeight()}`);
  });
  edges.forEach((e) => {
    parts.push(`${e.id()}|${e.source().id()}|${e.target().id()}`);
  });
  return hashText(parts.join('\n'));
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage refused (privacy settings)
  }
}

function readIndex(s: Storage): string[] {
  try {
    const list = JSON.parse(s.getItem(INDEX) ?? '[]') as unknown;
    return Array.isArray(list) ? list.filter((k): k is string => typeof k === 'string') : [];
  } catch {
    return [];
  }
}

/** The stored positions of `key`, when every one of `ids` has one; null otherwise. */
export function storedPositions(key: string, ids: readonly string[]): Map<string, Position> | null {
  const s = storage();
  if (!s) return null;
  try {
    const raw = s.getItem(PREFIX + key);
    if (!raw) return null;
    const entry = JSON.parse(raw) as Entry;
    const out = new Map<string, Position>();
    entry.ids.forEach((id, i) => out.set(id, { x: Number(entry.xy[2 * i]), y: Number(entry.xy[2 * i + 1]) }));
    if (!ids.every((id) => out.has(id) && Number.isFinite(out.get(id)?.x) && Number.isFinite(out.get(id)?.y)))
      return null;
    // Most recently used last.
    s.setItem(INDEX, JSON.stringify([...readIndex(s).filter((k) => k !== key), key]));
    return out;
  } catch {
    return null;
  }
}

/** Keeps `positions` under `key`, dropping the least recently used entries beyond KEEP (or to make room). */
export function storePositions(key: string, positions: ReadonlyMap<string, Position>): void {
  const s = storage();
  if (!s) return;
  const ids = [...positions.keys()];
  const xy: number[] = [];
  for (const id of ids) {
    const p = positions.get(id) as Position;
    xy.push(p.x, p.y);
  }
  const value = JSON.stringify({ ids, xy } satisfies Entry);
  const index = [...readIndex(s).filter((k) => k !== key), key];
  for (;;) {
    while (index.length > KEEP) s.removeItem(PREFIX + (index.shift() as string));
    try {
      s.setItem(PREFIX + key, value);
      s.setItem(INDEX, JSON.stringify(index));
      return;
    } catch {
      // Full: drop the oldest entry and try again; with nothing left to drop, keep nothing.
      if (index.length <= 1) return;
      s.removeItem(PREFIX + (index.shift() as string));
    }
  }
}
