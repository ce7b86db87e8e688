/** Every Cytoscape extension the view uses, registered once, here. */
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import svg from 'cytoscape-svg';

let registered = false;

/** Registers fcose (layout) and svg (export); safe to call more than once. */
export function registerExtensions(): typeof cytoscape {
  if (!registered) {
    cytoscape.use(fcose);
    cytoscape.use(svg);
    registered = true;
  }
  return cytoscape;
}

/** Whether `cy.svg()` is available (the cytoscape-svg extension is registered). */
export function hasSvgExport(
  cy: cytoscape.Core,
): cy is cytoscape.Core & { svg(options?: { full?: boolean; scale?: number; bg?: string }): string } {
  return typeof (cy as unknown as { svg?: unknown }).svg === 'function';
}
