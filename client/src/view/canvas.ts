/**
 * The Cytoscape canvas: creating it (renderer, test-build hook, node gestures), and the performance marks and
 * render counter that the e2e tests and the bench read from the page. Layouts run in layout-run.ts.
 */
import type { Core, CytoscapeOptions, EdgeSingular, EventObject, NodeSingular } from 'cytoscape';
import { TEST_BUILD } from '../config';
import { registerExtensions } from '../graph/extensions';
import { buildStylesheet } from '../graph/style';
import { keepLayersWarm } from './layer-warmup';
import { speedUpStylePass } from './style-pass';

export { runLayout } from './layout-run';
export { withSeededRandom } from '../graph/seeded-random';

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

let renders = 0;
let firstMarked = false;

/**
 * Counts a render on the next frame (`body[data-renders]`); after the first one (`first`: a render of the view's
 * first network; only its earliest counts), also records the time to first render, with how the nodes stood in that frame (`body[data-first-render-stage]`, from `body[data-layout-stage]`,
 * which layout-run.ts keeps: draft, stored or final), and marks the page ready.
 */
export function countRender(first: boolean): void {
  requestAnimationFrame(() => {
    renders++;
    document.body.dataset.renders = String(renders);
    if (first && !firstMarked) {
      firstMarked = true;
      performance.mark(MARK.rendered);
      const m = performance.measure(MARK.measure, undefined, MARK.rendered);
      document.body.dataset.firstRenderMs = String(Math.round(m.duration));
      document.body.dataset.firstRenderStage = document.body.dataset.layoutStage ?? 'final';
      document.body.dataset.ready = 'true';
    }
  });
}
