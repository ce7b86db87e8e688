/**
 * The export menu: the graph in view as a figure (PNG or SVG, with a title, the filters, the period, the legend,
 * the sources and the date of export), or as data (JSON with the view's link, GraphML), downloaded as a file.
 */
import type { Core } from 'cytoscape';
import { TEST_BUILD } from '../config';
import type { FigureContent, FigureLayout } from '../graph/figure-layout';
import { hasSvgExport } from '../graph/extensions';
import { toGraphML, toViewJSON } from '../graph/export';
import { describeFilter } from '../graph/filters';
import { byId } from '../ui/dom';
import { download } from '../ui/download';
import type { ErrorBanner } from '../ui/feedback';
import { figureContent, figurePng, figureSvg } from './figure-export';
import type { ViewStore } from './store';

declare global {
  interface Window {
    /** Test builds: the words and layout of the last figure exported, for the e2e tests to check the file against. */
    __lastFigure?: { kind: string; content: FigureContent; layout: FigureLayout };
  }
}

/** What exporting needs from the rest of the view. */
export interface ExportDeps {
  store: ViewStore;
  cy(): Core | null;
  names: ReadonlyMap<string, string>;
  errors: ErrorBanner;
}

/** Makes every `[data-export]` button export in its format (`png`, `svg`, `json`, `graphml`). */
export function wireExportMenu(deps: ExportDeps): void {
  document
    .querySelectorAll<HTMLButtonElement>('[data-export]')
    .forEach((b) => b.addEventListener('click', () => void exportView(b.dataset.export ?? '', deps)));
}

/** Downloads the graph in view in one format; the URL is committed first, so that the file's link is current. */
export async function exportView(kind: string, deps: ExportDeps): Promise<void> {
  const { store, names, errors } = deps;
  const cy = deps.cy();
  if (!cy) return;
  byId<HTMLDetailsElement>('export-menu').open = false;
  store.commit();
  try {
    if (kind === 'png') {
      const content = figureContent(cy, store.state, names);
      const { blob, layout } = await figurePng(cy, content);
      if (TEST_BUILD) window.__lastFigure = { kind, content, layout };
      download('peace-operations.png', blob);
    } else if (kind === 'svg') {
      if (!hasSvgExport(cy)) {
        errors.show('SVG export', new Error('The SVG extension is not available in this build.'));
        return;
      }
      const content = figureContent(cy, store.state, names);
      const { svg, layout } = figureSvg(cy.svg({ full: true, bg: '#ffffff' }), content);
      if (TEST_BUILD) window.__lastFigure = { kind, content, layout };
      download('peace-operations.svg', new Blob([svg], { type: 'image/svg+xml' }));
    } else if (kind === 'json') {
      download('peace-operations.json', new Blob([toViewJSON(cy, location.href)], { type: 'application/json' }));
    } else if (kind === 'graphml') {
      download(
        'peace-operations.graphml',
        new Blob([toGraphML(cy, `Peace operations graph — ${describeFilter(store.state, names)} — ${location.href}`)], {
          type: 'application/graphml+xml',
        }),
      );
    }
  } catch (err) {
    errors.show(`Export ${kind.toUpperCase()}`, err);
  }
}
