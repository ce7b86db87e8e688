/**
 * Cytoscape's scratchpad without its side effect. Setting a value with `cy.scratch(key, value)` restyles every
 * element of the graph (Cytoscape 3.35 defines the core's scratch with `updateStyle: true`), so that the next
 * frame styles them all again: at ten times the shipped data, a second for each label pass. The view keeps its
 * own values there (the zoom the labels are sized for, the size measure...) and restyles what depends on them
 * itself, so it sets them in the scratchpad object directly; `cy.scratch(key)` reads them as before.
 */
import type { Core } from 'cytoscape';

/** Sets `key` in `cy`'s scratchpad without restyling anything. */
export function setScratch(cy: Core, key: string, value: unknown): void {
  (cy.scratch() as Record<string, unknown>)[key] = value;
}
