/** Entry point of the network view. */
import './styles.css';
import { App } from './app';
import { byId, h } from './ui/dom';

const app = new App(location.search);
app.start().catch((err: unknown) => {
  // Anything unexpected still leaves a message on the page, never a blank screen.
  const banner = byId('error');
  banner.replaceChildren(h('strong', { text: 'The view failed to start: ' }), err instanceof Error ? err.message : String(err));
  banner.hidden = false;
});
