/**
 * Entry point of the network view. It asks for the opening network at once, then loads the rest of the view's
 * code (Cytoscape and the panels), so that the request and the loading overlap; the view takes that answer.
 */
import './styles.css';
import { prefetchNetwork } from './api/queries';
import { decodeState, toNetworkFilter } from './graph/view-state';
import { byId, h } from './ui/dom';

const opening = decodeState(location.search);
// The organization network at a slider's time asks for that period (App.loadNetwork): no prefetch for it.
if (!(opening.mode === 'ORGANIZATIONS' && opening.time)) prefetchNetwork(toNetworkFilter(opening));

import('./app')
  .then(({ App }) => new App(location.search).start())
  .catch((err: unknown) => {
    // Anything unexpected still leaves a message on the page, never a blank screen.
    const banner = byId('error');
    banner.replaceChildren(
      h('strong', { text: 'The view failed to start: ' }),
      err instanceof Error ? err.message : String(err),
    );
    banner.hidden = false;
  });
