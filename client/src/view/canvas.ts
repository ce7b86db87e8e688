/**
 * The Cytoscape canvas: creating it (renderer, test-build hook, node gestures), running a layout, and the
 * performance marks and render counter that the e2e tests and the bench read from the page.
 */
import type { Core, CytoscapeOptions, EdgeSingular, EventObject, NodeSingular } from 'cytoscape';
import { TEST_BUILD } from '../config';
import { registerExtensions } from '../graph/extensions';
import { layoutOptions } from '../graph/layouts';
import { buildStylesheet } from '../graph/style';
import { keepLayersWarm } from './layer-warmup';
import { syncMap } from './map';
import { speedUpStylePass } from './style-pass';
import type { LayoutName } from '../graph/view-state';

declare global {
  interface Window {
    /** The Cytoscape instance, in test builds only. */
    cy?: Core;
  }
}

/** Names of the performance marks around the first render. */
export const MARK = {
  start: 'peaceops:start',
  networkLoaded: 'peaceops:network-loaded',
  rendered: 'peaceops:first-render',
  measure: 'peaceops:time-to-first-render',
} as const;

/** Whether this browser can give a WebGL 2 context. */
export function webglAvailable(): boolean {
  try {
    return Boolean(document.createElement('canvas').getContext('webgl2'));
  } catch {
    return false;
  }
}

/** What tapping nodes does. */
export interface NodeGestures {
  /** A tap; `shift` when the shift key was held. */
  tap(id: string, shift: boolean): void;
  doubleTap(id: string): void;
  /** A tap on an edge (opens its explanation). */
  edgeTap?(id: string): void;
}

/** Creates the Cytoscape instance in `container` (exposed as `window.cy` in test builds). */
export function createCanvas(container: HTMLElement, webgl: boolean, gestures: NodeGestures): Core {
  const cy = registerExtensions()({
    container,
    style: buildStylesheet(),
    minZoom: 0.05,
    maxZoom: 4,
    boxSelectionEnabled: false,
    ...(webgl ? { renderer: { name: 'canvas', webgl: true } } : {}),
  } as CytoscapeOptions);
  speedUpStylePass(cy);
  keepLayersWarm(cy);
  document.body.dataset.renderer = webgl ? 'webgl' : 'canvas';
  if (TEST_BUILD) window.cy = cy;
  cy.on('tap', 'node', (ev: EventObject) => {
    const node = ev.target as NodeSingular;
    const oe = ev.originalEvent as MouseEvent | undefined;
    gestures.tap(node.id(), oe?.shiftKey === true);
  });
  cy.on('dbltap', 'node', (ev: EventObject) => {
    gestures.doubleTap((ev.target as NodeSingular).id());
  });
  cy.on('tap', 'edge', (ev: EventObject) => {
    gestures.edgeTap?.((ev.target as EdgeSingular).id());
  });
  return cy;
}

/**
 * Lays out the elements in view (not the hidden ones); resolves when the layout stops. The same elements give the
 * same picture: they are laid out in id order, and the layouts that draw random starting positions (fcose) draw
 * them from a generator seeded by the layout and the ids in view, so a shared link shows what its sender saw.
 */
export function runLayout(cy: Core | null, name: LayoutName, opts: { animate?: boolean } = {}): Promise<void> {
  if (!cy) return Promise.resolve();
  // The map layout draws the world under the canvas (view/map.ts); any other layout takes it away.
  syncMap(cy, name === 'map');
  const eles = cy
    .elements()
    .not('.user-hidden, .time-hidden')
    .sort((a, b) => (a.id() < b.id() ? -1 : a.id() > b.id() ? 1 : 0));
  const layout = eles.layout(layoutOptions(name, cy, { animate: opts.animate ?? false }));
  const done = new Promise<void>((resolve) => layout.one('layoutstop', () => resolve()));
  withSeededRandom(`${name}|${eles.map((e) => e.id()).join(' ')}`, () => layout.run());
  return done;
}

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

let renders = 0;

/**
 * Counts a render on the next frame (`body[data-renders]`); after the first one, also records the time to first
 * render and marks the page ready.
 */
export function countRender(first: boolean): void {
  requestAnimationFrame(() => {
    renders++;
    document.body.dataset.renders = String(renders);
    if (first) {
      performance.mark(MARK.rendered);
      const m = performance.measure(MARK.measure, undefined, MARK.rendered);
      document.body.dataset.firstRenderMs = String(Math.round(m.duration));
      document.body.dataset.ready = 'true';
    }
  });
}
