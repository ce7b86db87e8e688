/**
 * Keeps Cytoscape's layered texture cache ready for the next pan or zoom.
 *
 * The canvas renderer (Cytoscape 3.35) draws a still graph from a few large cached layers; after any change it
 * draws every element itself until it has cached the graph again. It queues the elements for the layers only in
 * a frame it draws at least a quarter of a second after the last change, and builds the layers in the frames it
 * does not draw. Once the view is still, nothing asks for such a frame: the layers were only queued by the first
 * frame of the next pan, and built while it ran, so that a pan of a large graph drew every element in every
 * frame (2 to 7 frames per second at ten times the shipped data, in headless Chromium).
 *
 * So, WARM_AFTER_MS after the last frame drawn, this asks for one more frame: Cytoscape queues the graph then,
 * and builds its layers while the view is still. A frame this asked for arms nothing, so a still view is drawn
 * once more, not again and again. The WebGL renderer reports no frames; there this does nothing.
 */
import type { Core } from 'cytoscape';

/** Wait after the last frame drawn: longer than the quarter second in which Cytoscape does not queue layers. */
export const WARM_AFTER_MS = 300;

/** Asks `cy` for one more frame whenever WARM_AFTER_MS pass without one. */
export function keepLayersWarm(cy: Core): void {
  let timer: number | undefined;
  let asked = false;
  cy.on('render', () => {
    if (asked) {
      asked = false;
      return;
    }
    window.clearTimeout(timer);
    timer = window.setTimeout(() => {
      if (cy.destroyed()) return;
      asked = true;
      cy.forceRender();
    }, WARM_AFTER_MS);
  });
}
