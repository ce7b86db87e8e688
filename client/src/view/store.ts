/** The view state and its one writer to the URL: panels read and change `state`, then `commit` it. */
import { decodeState, encodeState } from '../graph/view-state';
import type { ViewState } from '../graph/view-state';

/** Holds the current view state; filters replace it whole, so read `state` on each use rather than keeping it. */
export class ViewStore {
  state: ViewState;

  constructor(search: string) {
    this.state = decodeState(search);
  }

  /** Writes the state into the URL (replacing the history entry), so that a copied link reproduces the view. */
  commit(): void {
    const query = encodeState(this.state);
    history.replaceState(null, '', `${location.pathname}?${query}`);
  }
}
