/**
 * The map layout's underlay: the world outline (Natural Earth 1:110m countries from the npm package world-atlas,
 * bundled into the build, so the map works offline) drawn in an SVG under the Cytoscape canvas, in the model
 * coordinates the nodes are placed in (graph/geo-layout.ts) and moved with every pan and zoom; the column of the
 * nodes that are not on the map, with their count; and a note that says what each point stands for. The
 * filters, the slider, the panels and the tooltips act on the same Cytoscape instance and keep working.
 */
import type { Core } from 'cytoscape';
import { geoEqualEarth, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import countries110m from 'world-atlas/countries-110m.json';
import { MAP_WIDTH, mapInputs, placeOnMap, setMapFrame } from '../graph/geo-layout';
import type { MapFrame, MapPlacement } from '../graph/geo-layout';
import type { GeoPoint } from '../graph/types';
import { append, clear, h } from '../ui/dom';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** The class of an edge to a node in the "not on the map" column (graph/style.ts draws it faint). */
const OFFMAP_EDGE = 'map-offmap-edge';

/** Creates an SVG element; attributes are set as text, never parsed. */
function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number> = {},
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

/** The projected world: the frame the nodes are placed in and the outline's paths, computed once. */
interface World {
  frame: MapFrame;
  sphere: string;
  countries: { name: string; d: string }[];
}

let world: World | null = null;

/** Equal Earth (an equal-area projection, as SIPRI's and ZIF's maps use a world map), fitted to MAP_WIDTH. */
function projectedWorld(): World {
  if (world) return world;
  const projection = geoEqualEarth().fitWidth(MAP_WIDTH, { type: 'Sphere' });
  const path = geoPath(projection);
  const sphere = { type: 'Sphere' } as const;
  const features = feature(countries110m, countries110m.objects.countries).features;
  world = {
    frame: { project: (lonLat) => projection(lonLat) ?? null, bounds: path.bounds(sphere) },
    sphere: path(sphere) ?? '',
    countries: features.map((f) => ({ name: f.properties?.name ?? '', d: path(f) ?? '' })).filter((c) => c.d),
  };
  return world;
}

/** One map on one Cytoscape instance: attached while the map layout is on. */
class MapUnderlay {
  private readonly root = svg('svg', { id: 'map-underlay', 'aria-hidden': 'true', focusable: 'false' });
  private readonly world = svg('g', { class: 'map-world' });
  private readonly offBox = svg('rect', { class: 'map-offmap-box' });
  private readonly offTitle = svg('text', { class: 'map-offmap-title', 'text-anchor': 'middle' });
  private readonly note = h('details', { id: 'map-note', class: 'map-note', open: true });
  private readonly noteText = h('p');
  private frameRequest = 0;
  private grabbable = true;
  private readonly follow = (): void => this.followViewport();
  private readonly changed = (): void => this.schedule();

  constructor(private readonly cy: Core) {
    const w = projectedWorld();
    append(this.world, svg('path', { class: 'map-sphere', d: w.sphere }));
    for (const c of w.countries) {
      const p = svg('path', { class: 'map-country', d: c.d });
      p.dataset.name = c.name;
      this.world.appendChild(p);
    }
    append(this.world, this.offBox, this.offTitle);
    this.root.appendChild(this.world);
    this.root.dataset.countries = String(w.countries.length);
    append(this.note, h('summary', { text: 'Map: what is where' }), this.noteText);
  }

  attach(): void {
    const container = this.cy.container();
    const wrap = container?.parentElement;
    if (!container || !wrap) return;
    setMapFrame(projectedWorld().frame);
    wrap.insertBefore(this.root, container);
    wrap.appendChild(this.note);
    wrap.classList.add('map-on');
    // On the map a node stands at its place: it cannot be dragged away from it.
    this.grabbable = !this.cy.autoungrabify();
    this.cy.autoungrabify(true);
    this.cy.on('viewport resize', this.follow);
    this.cy.on('add remove class', this.changed);
    this.refresh();
    this.followViewport();
  }

  detach(): void {
    this.cy.off('viewport resize', this.follow);
    this.cy.off('add remove class', this.changed);
    this.cy.edges(`.${OFFMAP_EDGE}`).removeClass(OFFMAP_EDGE);
    cancelAnimationFrame(this.frameRequest);
    this.frameRequest = 0;
    this.cy.autoungrabify(!this.grabbable);
    this.root.parentElement?.classList.remove('map-on');
    this.root.remove();
    this.note.remove();
  }

  /** Keeps the outline registered with the nodes: model coordinates to the canvas, as Cytoscape draws them. */
  private followViewport(): void {
    const pan = this.cy.pan();
    const zoom = this.cy.zoom();
    this.world.setAttribute('transform', `translate(${pan.x} ${pan.y}) scale(${zoom})`);
  }

  /** Re-places nodes on the next frame (added nodes, nodes shown or hidden by the slider, the legend, Hide). */
  private schedule(): void {
    if (this.frameRequest) return;
    this.frameRequest = requestAnimationFrame(() => {
      this.frameRequest = 0;
      this.refresh();
    });
  }

  /** Puts every node at its place (or in the column), then redraws the column and the note. */
  refresh(): void {
    const placed = placeOnMap(mapInputs(this.cy));
    this.cy.batch(() => {
      for (const n of this.cy.nodes().toArray()) {
        const p = placed.positions.get(n.id());
        const at = n.position();
        if (p && !n.isParent() && (Math.abs(p.x - at.x) > 0.5 || Math.abs(p.y - at.y) > 0.5)) n.position(p);
      }
    });
    this.markColumnEdges(placed);
    this.drawColumn(placed);
    this.writeNote(placed);
  }

  /** Marks the ties to the column (drawn faint); only edges whose mark changes are touched, so no event loops back. */
  private markColumnEdges(placed: MapPlacement): void {
    const inColumn = new Set(placed.column.ids);
    this.cy.batch(() => {
      for (const e of this.cy.edges().toArray()) {
        const want = inColumn.has(e.source().id()) || inColumn.has(e.target().id());
        if (want !== e.hasClass(OFFMAP_EDGE)) e.toggleClass(OFFMAP_EDGE, want);
      }
    });
  }

  private drawColumn(placed: MapPlacement): void {
    const c = placed.column;
    const head = 70;
    this.offBox.setAttribute('x', String(c.x));
    this.offBox.setAttribute('y', String(c.y - head));
    this.offBox.setAttribute('width', String(c.width));
    this.offBox.setAttribute('height', String(c.height + head));
    this.offTitle.setAttribute('x', String(c.x + c.width / 2));
    this.offTitle.setAttribute('y', String(c.y - head / 2));
    this.offTitle.textContent = `not on the map: ${c.visibleCount}`;
    this.root.dataset.offmap = String(c.visibleCount);
    this.root.dataset.offmapLeft = String(c.x + c.width);
  }

  /** Says what each point stands for, counted over what is shown. */
  private writeNote(placed: MapPlacement): void {
    const shown = this.cy.nodes().filter((n) => !n.isParent() && n.visible());
    const count = (test: (p: GeoPoint) => boolean) =>
      shown.filter((n) => Boolean(n.data('place')) && test(n.data('place') as GeoPoint)).length;
    const hq = count((p) => p.basis === 'HEADQUARTERS');
    const hostCapitals = count((p) => p.basis === 'HOST_CAPITALS');
    const capitals = count((p) => p.basis === 'CAPITAL');
    const located = count((p) => p.basis === 'LOCATION_CAPITALS' && p.count === 1);
    const located2 = count((p) => p.basis === 'LOCATION_CAPITALS' && p.count > 1);
    const byMissions = count((p) => p.basis === 'MISSION_HEADQUARTERS');
    const parts = [
      `Missions at their headquarters (${hq}; coordinates as the UN list of peacekeeping operations gives them)` +
        (hostCapitals
          ? `, or, where no source gives them, at the capital of their host state (${hostCapitals}; at the mean of the capitals where there are several).`
          : '.'),
      capitals ? `States at their capitals (${capitals}; Natural Earth 1:110m populated places).` : '',
      located + located2 + byMissions
        ? `Conflicts at the capital of the state UCDP locates them in (${located})` +
          (located2 ? `, or at the mean of the capitals where UCDP names several states (${located2})` : '') +
          (byMissions ? `, or at the mean of their missions' headquarters (${byMissions})` : '') +
          '.'
        : '',
      placed.fanned ? `Nodes that share a place are fanned out around it (${placed.fanned} in all).` : '',
      `Not on the map: ${placed.column.visibleCount}, in the column on the left (no sourced coordinate: organizations, people, states without a capital on record).`,
      'Projection Equal Earth; outline Natural Earth 1:110m countries (world-atlas).',
    ];
    clear(this.noteText);
    this.noteText.textContent = parts.filter(Boolean).join(' ');
  }
}

const maps = new WeakMap<Core, MapUnderlay>();

/**
 * Turns the map on or off for `cy`: on, the outline is drawn under the canvas and follows pan and zoom, and nodes
 * are kept at their places; off, all of that is taken away. Called by runLayout before every layout.
 */
export function syncMap(cy: Core, on: boolean): void {
  const current = maps.get(cy);
  if (on && !current) {
    const m = new MapUnderlay(cy);
    maps.set(cy, m);
    m.attach();
  } else if (!on && current) {
    current.detach();
    maps.delete(cy);
  } else if (on && current) current.refresh();
}
