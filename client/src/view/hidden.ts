/** Nodes the user hid: their classes in the graph, the "Restore hidden" button, and the state's list. */
import type { Core } from 'cytoscape';
import { byId } from '../ui/dom';
import type { ViewStore } from './store';

/** What hiding needs from the rest of the view. */
export interface HiddenDeps {
  store: ViewStore;
  cy(): Core | null;
  /** Closes the details panel (hiding the selected node does). */
  closeDetails(): void;
  /** Updates the status line. */
  changed(): void;
}

/** Hides, unhides and restores nodes. */
export class HiddenNodes {
  constructor(private readonly deps: HiddenDeps) {}

  /** Marks the state's hidden nodes in the graph and updates the restore button. */
  apply(): void {
    const cy = this.deps.cy();
    if (!cy) return;
    const hidden = this.deps.store.state.hidden;
    cy.batch(() => {
      cy.nodes('.user-hidden').removeClass('user-hidden');
      for (const id of hidden) cy.getElementById(id).addClass('user-hidden');
    });
    const restore = byId<HTMLButtonElement>('restore');
    restore.textContent = `Restore hidden (${hidden.length})`;
    restore.disabled = hidden.length === 0;
  }

  /** Hides a node (and its edges) until restored. */
  hide(id: string): void {
    const { store } = this.deps;
    if (!store.state.hidden.includes(id)) store.state.hidden.push(id);
    if (store.state.selected === id) this.deps.closeDetails();
    this.apply();
    this.deps.changed();
    store.commit();
  }

  /** Shows one hidden node again. */
  unhide(id: string): void {
    const state = this.deps.store.state;
    state.hidden = state.hidden.filter((x) => x !== id);
    this.apply();
  }

  /** Shows every hidden node again. */
  restoreAll(): void {
    this.deps.store.state.hidden = [];
    this.apply();
    this.deps.changed();
    this.deps.store.commit();
  }
}
