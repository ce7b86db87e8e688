/**
 * The map layout's placement, without a browser: every node with a place (GraphNode.place: a mission's
 * headquarters, a state's capital, a conflict's place) goes to its projected point; nodes that fall on the same
 * spot are fanned out around it; nodes without a place go to a labelled column left of the map ("not on the
 * map"), never dropped. The projection is given (view/map.ts gives d3-geo's Equal Earth, the one it draws the
 * outline with), so positions and outline share one frame.
 */
import type { Core, LayoutOptions, NodeSingular, Position } from 'cytoscape';
import type { GeoPoint } from './types';

/** Longitude and latitude to model coordinates; null where the projection has no point. */
export type Projector = (lonLat: [number, number]) => [number, number] | null;

/** The map's frame in model coordinates: the projection and the box the world fills. */
export interface MapFrame {
  project: Projector;
  /** The projected sphere's bounds: [[x0, y0], [x1, y1]]. */
  bounds: [[number, number], [number, number]];
}

/** What placement reads of a node. */
export interface MapNodeInput {
  id: string;
  label: string;
  name: string;
  place?: GeoPoint | null;
  /** Hidden nodes (time, legend, user) are placed after the visible ones in the column. */
  visible: boolean;
}

/** The column of nodes that have no place. */
export interface OffMapColumn {
  /** The ids in it, visible ones first. */
  ids: string[];
  visibleCount: number;
  /** Its box in model coordinates (header above it). */
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where every node goes. */
export interface MapPlacement {
  positions: Map<string, Position>;
  column: OffMapColumn;
  /** How many nodes were moved off their exact point because another node shares it. */
  fanned: number;
}

/** Model units: the world's width on the map, the spacing of the column, the radius within which nodes share a spot. */
export const MAP_WIDTH = 3000;
export const COLUMN_STEP = 44;
export const COLUMN_GAP = 200;
export const SHARED_SPOT = 12;

/** An equirectangular frame (x = longitude, y = -latitude, scaled to MAP_WIDTH): the fallback where no projection was given. */
export function plateCarreeFrame(): MapFrame {
  const k = MAP_WIDTH / 360;
  return {
    project: ([lon, lat]) => [lon * k, -lat * k],
    bounds: [
      [-180 * k, -90 * k],
      [180 * k, 90 * k],
    ],
  };
}

let frame: MapFrame | null = null;

/** Sets the frame the map layout places nodes in (view/map.ts, with the projection it draws the outline with). */
export function setMapFrame(f: MapFrame): void {
  frame = f;
}

/** The frame in use. */
export function mapFrame(): MapFrame {
  return frame ?? plateCarreeFrame();
}

const COLUMN_ORDER: Readonly<Record<string, number>> = {
  Organization: 0,
  Person: 1,
  State: 2,
  Conflict: 3,
  Mission: 4,
};

/** Whether a place can be drawn: both coordinates finite and in range. */
export function isPlaced(p: GeoPoint | null | undefined): p is GeoPoint {
  return (
    !!p &&
    Number.isFinite(p.latitude) &&
    Number.isFinite(p.longitude) &&
    Math.abs(p.latitude) <= 90 &&
    Math.abs(p.longitude) <= 180
  );
}

/**
 * Places the nodes. Deterministic: nodes are taken in id order, nodes within SHARED_SPOT of a spot already
 * taken join it, and a spot's nodes are spread on a ring around it in id order.
 */
export function placeOnMap(nodes: readonly MapNodeInput[], f: MapFrame = mapFrame()): MapPlacement {
  const positions = new Map<string, Position>();
  const sorted = [...nodes].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const spots: { x: number; y: number; ids: string[] }[] = [];
  const grid = new Map<string, number[]>();
  const cell = (x: number, y: number) => `${Math.floor(x / SHARED_SPOT)}:${Math.floor(y / SHARED_SPOT)}`;
  const off: MapNodeInput[] = [];
  for (const n of sorted) {
    const xy = isPlaced(n.place) ? f.project([n.place.longitude, n.place.latitude]) : null;
    if (!xy || !Number.isFinite(xy[0]) || !Number.isFinite(xy[1])) {
      off.push(n);
      continue;
    }
    const [x, y] = xy;
    const cx = Math.floor(x / SHARED_SPOT);
    const cy = Math.floor(y / SHARED_SPOT);
    let joined = -1;
    for (let dx = -1; dx <= 1 && joined < 0; dx++) {
      for (let dy = -1; dy <= 1 && joined < 0; dy++) {
        for (const i of grid.get(`${cx + dx}:${cy + dy}`) ?? []) {
          const s = spots[i];
          if (s && Math.hypot(s.x - x, s.y - y) <= SHARED_SPOT) {
            joined = i;
            break;
          }
        }
      }
    }
    if (joined >= 0) spots[joined]?.ids.push(n.id);
    else {
      spots.push({ x, y, ids: [n.id] });
      const key = cell(x, y);
      grid.set(key, [...(grid.get(key) ?? []), spots.length - 1]);
    }
  }
  let fanned = 0;
  for (const s of spots) {
    if (s.ids.length === 1) {
      positions.set(s.ids[0] ?? '', { x: s.x, y: s.y });
      continue;
    }
    fanned += s.ids.length;
    const r = Math.max(22, (s.ids.length * 26) / (2 * Math.PI));
    s.ids.forEach((id, i) => {
      const a = -Math.PI / 2 + (2 * Math.PI * i) / s.ids.length;
      positions.set(id, { x: s.x + r * Math.cos(a), y: s.y + r * Math.sin(a) });
    });
  }
  const column = placeColumn(off, f, positions);
  return { positions, column, fanned };
}

/** The column left of the map: visible nodes first, by entity type then name; as many sub-columns as needed. */
function placeColumn(off: MapNodeInput[], f: MapFrame, positions: Map<string, Position>): OffMapColumn {
  const [[x0, y0], [, y1]] = f.bounds;
  const order = (a: MapNodeInput, b: MapNodeInput) =>
    Number(b.visible) - Number(a.visible) ||
    (COLUMN_ORDER[a.label] ?? 9) - (COLUMN_ORDER[b.label] ?? 9) ||
    a.name.localeCompare(b.name) ||
    (a.id < b.id ? -1 : 1);
  const ids = [...off].sort(order).map((n) => n.id);
  const rows = Math.max(1, Math.floor((y1 - y0) / COLUMN_STEP));
  const columns = Math.max(1, Math.ceil(ids.length / rows));
  const right = x0 - COLUMN_GAP;
  ids.forEach((id, i) => {
    const col = Math.floor(i / rows);
    const row = i % rows;
    positions.set(id, { x: right - col * COLUMN_GAP, y: y0 + COLUMN_STEP / 2 + row * COLUMN_STEP });
  });
  const used = Math.min(ids.length, rows);
  return {
    ids,
    visibleCount: off.filter((n) => n.visible).length,
    x: right - (columns - 1) * COLUMN_GAP - COLUMN_GAP / 2,
    y: y0,
    width: columns * COLUMN_GAP,
    height: Math.max(COLUMN_STEP, used * COLUMN_STEP),
  };
}

/** What placement reads of a Cytoscape node (compound parents are never placed: their children are). */
export function mapInputOf(n: NodeSingular): MapNodeInput {
  return {
    id: n.id(),
    label: String(n.data('label')),
    name: String(n.data('name') ?? n.id()),
    place: n.data('place') as GeoPoint | null | undefined,
    visible: n.visible(),
  };
}

/** The leaf nodes of a graph as placement inputs. */
export function mapInputs(cy: Core): MapNodeInput[] {
  return cy
    .nodes()
    .filter((n) => !n.isParent())
    .map(mapInputOf);
}

/** The options of the map layout: a preset layout at the placed positions, fitted to what is shown. */
export function mapLayoutOptions(
  cy: Core,
  common: { fit: boolean; padding: number; animate: boolean; animationDuration: number },
): LayoutOptions {
  const placed = placeOnMap(mapInputs(cy));
  return {
    name: 'preset',
    ...common,
    positions: (n: NodeSingular) => placed.positions.get(n.id()) ?? n.position(),
  } as LayoutOptions;
}
