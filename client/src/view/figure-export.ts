/**
 * The graph as a figure for a paper, PNG or SVG: a header band with a title, the filters, the period (and the
 * time slider's year or month) and what is shown; the graph; and a band with the legend of what is drawn, the
 * sources of the relationships drawn and the date of export with the view's link. graph/figure-layout.ts places
 * everything; this module fills it in from the view and draws it on a canvas or as SVG elements (text only).
 */
import type { Core } from 'cytoscape';
import { FIGURE_COLOURS, figureUnit, layoutFigure, swatchShape } from '../graph/figure-layout';
import type { FigureContent, FigureLayout, Measure } from '../graph/figure-layout';
import { describeFilter } from '../graph/filters';
import { withPngText } from '../graph/png-text';
import type { ViewState } from '../graph/view-state';
import { sourcesLine } from '../ui/csv-notes';
import { legendEntriesOf } from '../ui/legend';

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
const SVG_NS = 'http://www.w3.org/2000/svg';
/** The widest graph image drawn, in pixels: a larger graph is exported at a smaller scale (canvases have limits). */
const MAX_GRAPH_PIXELS = 8000;

/** The words of the figure for the view as it is: what is drawn is what is visible now. */
export function figureContent(
  cy: Core,
  state: ViewState,
  names: ReadonlyMap<string, string>,
  now: Date = new Date(),
  link: string = location.href,
): FigureContent {
  const nodes = cy.nodes().filter((n) => n.visible());
  const edges = cy.edges().filter((e) => e.visible());
  // describeFilter: what the view shows first, the period last, the filters between.
  const parts = describeFilter(state, names).split(' · ');
  const period = parts.length > 1 ? parts[parts.length - 1] : 'all years';
  const filters = parts.slice(1, -1);
  const hidden = state.hidden.map((id) => names.get(id) ?? id);
  const sources = [
    ...new Set(edges.toArray().flatMap((e) => (e.data('sources') as string[] | undefined) ?? [])),
  ].sort();
  return {
    title: `Peace operations: ${parts[0] ?? 'network'}`,
    header: [
      `Filters: ${filters.length ? filters.join(' · ') : 'none'}${hidden.length ? `; hidden by hand: ${hidden.join(', ')}` : ''}`,
      `Period: ${period}${state.time ? `; time slider at ${state.time} (what was active then)` : ''}`,
      `Shown: ${nodes.length} nodes, ${edges.length} relationships`,
    ],
    legend: legendEntriesOf(nodes, edges),
    footer: [
      `${sourcesLine(sources)} (of the relationships drawn)`,
      `Exported ${now.toISOString().slice(0, 16).replace('T', ' ')} UTC from ${link}`,
    ],
  };
}

/** Text widths from a canvas context. */
function canvasMeasure(ctx: CanvasRenderingContext2D): Measure {
  return (text, px, bold) => {
    ctx.font = `${bold ? 'bold ' : ''}${px}px ${FONT}`;
    return ctx.measureText(text).width;
  };
}

function context(canvas: HTMLCanvasElement): CanvasRenderingContext2D {
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This browser cannot draw on a canvas.');
  return ctx;
}

/** Draws the layout's bands (not the graph) on a canvas. */
function drawBands(ctx: CanvasRenderingContext2D, layout: FigureLayout): void {
  ctx.strokeStyle = FIGURE_COLOURS.rule;
  ctx.lineWidth = 1;
  for (const r of layout.rules) {
    ctx.beginPath();
    ctx.moveTo(r.x1, r.y1);
    ctx.lineTo(r.x2, r.y2);
    ctx.stroke();
  }
  ctx.textBaseline = 'alphabetic';
  for (const t of layout.texts) {
    ctx.font = `${t.bold ? 'bold ' : ''}${t.size}px ${FONT}`;
    ctx.fillStyle = t.colour;
    ctx.fillText(t.text, t.x, t.y);
  }
  for (const s of layout.swatches) {
    const shape = swatchShape(s);
    ctx.beginPath();
    if (shape.kind === 'line') {
      ctx.strokeStyle = shape.colour;
      ctx.lineWidth = shape.width;
      ctx.setLineDash(shape.dash);
      ctx.moveTo(shape.x1, shape.y1);
      ctx.lineTo(shape.x2, shape.y2);
      ctx.stroke();
      ctx.setLineDash([]);
      continue;
    }
    if (shape.kind === 'circle') ctx.arc(shape.cx, shape.cy, shape.r, 0, 2 * Math.PI);
    else if (shape.kind === 'rect') ctx.roundRect(shape.x, shape.y, shape.width, shape.height, shape.radius);
    else shape.points.forEach(([x, y], i) => (i ? ctx.lineTo(x, y) : ctx.moveTo(x, y)));
    ctx.closePath();
    if (shape.kind === 'circle' && shape.stroke) {
      ctx.strokeStyle = shape.stroke;
      ctx.lineWidth = shape.strokeWidth;
      ctx.stroke();
    }
    if (shape.fill) {
      ctx.fillStyle = shape.fill;
      ctx.fill();
    }
  }
}

/** The PNG's own text: title, description (filters, period, legend), sources, date and link. */
function pngText(content: FigureContent, now: Date): [string, string][] {
  return [
    ['Title', content.title],
    ['Description', [...content.header, `Legend: ${content.legend.map((e) => e.text).join('; ')}`].join('\n')],
    ['Source', content.footer[0] ?? ''],
    ['Creation Time', now.toISOString()],
    ['Comment', content.footer.slice(1).join('\n')],
    ['Software', 'peaceops-graph network view'],
  ];
}

/** The scale of the graph's image: `preferred`, or less for a graph too large to draw at it. */
function graphScale(cy: Core, preferred: number): number {
  const bb = cy
    .elements()
    .filter((e) => e.visible())
    .boundingBox();
  const largest = Math.max(bb.w, bb.h, 1);
  return Math.max(0.5, Math.min(preferred, MAX_GRAPH_PIXELS / largest));
}

/** The figure as a PNG file, and where its parts are. */
export async function figurePng(
  cy: Core,
  content: FigureContent,
  preferredScale = 2,
  now: Date = new Date(),
): Promise<{ blob: Blob; layout: FigureLayout }> {
  const scale = graphScale(cy, preferredScale);
  const graph = await cy.png({ output: 'blob-promise', full: true, scale, bg: FIGURE_COLOURS.background });
  const image = await createImageBitmap(graph);
  const canvas = document.createElement('canvas');
  const ctx = context(canvas);
  const layout = layoutFigure(
    content,
    { width: image.width, height: image.height },
    figureUnit(image.width, scale),
    canvasMeasure(ctx),
  );
  canvas.width = layout.width;
  canvas.height = layout.height;
  ctx.fillStyle = FIGURE_COLOURS.background;
  ctx.fillRect(0, 0, layout.width, layout.height);
  ctx.drawImage(image, layout.graph.x, layout.graph.y);
  image.close();
  drawBands(ctx, layout);
  const png = await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob(
      (b) => (b ? resolve(b) : reject(new Error('The figure is too large to be drawn as a PNG.'))),
      'image/png',
    ),
  );
  const bytes = withPngText(new Uint8Array(await png.arrayBuffer()), pngText(content, now));
  return { blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'image/png' }), layout };
}

function svgElement(doc: Document, tag: string, attrs: Record<string, string | number>): Element {
  const el = doc.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

/**
 * The figure as an SVG document: the graph as cytoscape-svg draws it, nested in an SVG with the same bands as
 * the PNG (texts as `<text>` with `data-part` title, header, legend or footer).
 */
export function figureSvg(graphSvg: string, content: FigureContent): { svg: string; layout: FigureLayout } {
  const parsed = new DOMParser().parseFromString(graphSvg, 'image/svg+xml');
  const inner = parsed.documentElement;
  if (inner.nodeName !== 'svg' || parsed.getElementsByTagName('parsererror').length)
    throw new Error('The SVG extension gave no SVG.');
  const width = parseFloat(inner.getAttribute('width') ?? '') || 800;
  const height = parseFloat(inner.getAttribute('height') ?? '') || 600;
  const layout = layoutFigure(
    content,
    { width, height },
    figureUnit(width, 1),
    canvasMeasure(context(document.createElement('canvas'))),
  );
  const doc = document.implementation.createDocument(SVG_NS, 'svg', null);
  const root = doc.documentElement;
  for (const [k, v] of Object.entries({
    width: layout.width,
    height: layout.height,
    viewBox: `0 0 ${layout.width} ${layout.height}`,
    'font-family': FONT,
  }))
    root.setAttribute(k, String(v));
  const title = svgElement(doc, 'title', {});
  title.textContent = content.title;
  const desc = svgElement(doc, 'desc', {});
  desc.textContent = [...content.header, ...content.footer].join('\n');
  root.append(
    title,
    desc,
    svgElement(doc, 'rect', {
      x: 0,
      y: 0,
      width: layout.width,
      height: layout.height,
      fill: FIGURE_COLOURS.background,
    }),
  );
  const graph = doc.importNode(inner, true) as Element;
  graph.setAttribute('x', String(layout.graph.x));
  graph.setAttribute('y', String(layout.graph.y));
  root.append(graph);
  for (const r of layout.rules)
    root.append(svgElement(doc, 'line', { ...r, stroke: FIGURE_COLOURS.rule, 'stroke-width': 1 }));
  for (const t of layout.texts) {
    const el = svgElement(doc, 'text', {
      x: t.x,
      y: t.y,
      'font-size': t.size,
      fill: t.colour,
      'data-part': t.part,
      ...(t.bold ? { 'font-weight': 'bold' } : {}),
    });
    el.textContent = t.text;
    root.append(el);
  }
  for (const s of layout.swatches) {
    const shape = swatchShape(s);
    const key = { 'data-legend': `${s.entry.kind}:${s.entry.key}` };
    if (shape.kind === 'line')
      root.append(
        svgElement(doc, 'line', {
          ...key,
          x1: shape.x1,
          y1: shape.y1,
          x2: shape.x2,
          y2: shape.y2,
          stroke: shape.colour,
          'stroke-width': shape.width,
          ...(shape.dash.length ? { 'stroke-dasharray': shape.dash.join(' ') } : {}),
        }),
      );
    else if (shape.kind === 'circle')
      root.append(
        svgElement(doc, 'circle', {
          ...key,
          cx: shape.cx,
          cy: shape.cy,
          r: shape.r,
          fill: shape.fill ?? 'none',
          ...(shape.stroke ? { stroke: shape.stroke, 'stroke-width': shape.strokeWidth } : {}),
        }),
      );
    else if (shape.kind === 'rect')
      root.append(
        svgElement(doc, 'rect', {
          ...key,
          x: shape.x,
          y: shape.y,
          width: shape.width,
          height: shape.height,
          rx: shape.radius,
          fill: shape.fill,
        }),
      );
    else
      root.append(
        svgElement(doc, 'polygon', {
          ...key,
          points: shape.points.map((p) => p.map((v) => v.toFixed(2)).join(',')).join(' '),
          fill: shape.fill,
        }),
      );
  }
  return { svg: `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(doc)}\n`, layout };
}
