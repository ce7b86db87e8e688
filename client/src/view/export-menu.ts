/** The export menu: the graph in view as PNG, SVG, JSON (with the view's link) or GraphML, downloaded as a file. */
import type { Core } from 'cytoscape';
import { hasSvgExport } from '../graph/extensions';
import { toGraphML, toViewJSON } from '../graph/export';
import { describeFilter } from '../graph/filters';
import { byId, h } from '../ui/dom';
import type { ErrorBanner } from '../ui/feedback';
import type { ViewStore } from './store';

/** What exporting needs from the rest of the view. */
export interface ExportDeps {
  store: ViewStore;
  cy(): Core | null;
  names: ReadonlyMap<string, string>;
  errors: ErrorBanner;
}

/** Makes every `[data-export]` button export in its format (`png`, `svg`, `json`, `graphml`). */
export function wireExportMenu(deps: ExportDeps): void {
  document.querySelectorAll<HTMLButtonElement>('[data-export]').forEach((b) => b.addEventListener('click', () => exportView(b.dataset.export ?? '', deps)));
}

/** Downloads the graph in view in one format; the URL is committed first, so that the file's link is current. */
export function exportView(kind: string, deps: ExportDeps): void {
  const { store, names, errors } = deps;
  const cy = deps.cy();
  if (!cy) return;
  byId<HTMLDetailsElement>('export-menu').open = false;
  store.commit();
  try {
    if (kind === 'png') {
      const blob = cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' });
      download('peace-operations.png', blob);
    } else if (kind === 'svg') {
      if (!hasSvgExport(cy)) {
        errors.show('SVG export', new Error('The SVG extension is not available in this build.'));
        return;
      }
      download('peace-operations.svg', new Blob([cy.svg({ full: true, bg: '#ffffff' })], { type: 'image/svg+xml' }));
    } else if (kind === 'json') {
      download('peace-operations.json', new Blob([toViewJSON(cy, location.href)], { type: 'application/json' }));
    } else if (kind === 'graphml') {
      download('peace-operations.graphml', new Blob([toGraphML(cy, `Peace operations graph — ${describeFilter(store.state, names)} — ${location.href}`)], { type: 'application/graphml+xml' }));
    }
  } catch (err) {
    errors.show(`Export ${kind.toUpperCase()}`, err);
  }
}

function download(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = h('a', { download: filename });
  a.href = url;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
