/**
 * The layout of an exported figure: a header band (title, filters, period, what is shown), the graph's image, and
 * a band below it with the legend, the sources and the date of export. Pure: text is measured by the function
 * given, so the PNG (canvas) and SVG exports draw the same layout, and tests can check it without a browser.
 */
import type { LegendEntry } from './style';

/** The words of a figure. */
export interface FigureContent {
  title: string;
  /** Lines under the title: filters, period and time, what is shown. */
  header: string[];
  /** The legend entries of what is drawn. */
  legend: LegendEntry[];
  /** Lines at the bottom: sources, the date of export and the view's link. */
  footer: string[];
}

/** Width in pixels of `text` set at `px` pixels, bold or not. */
export type Measure = (text: string, px: number, bold: boolean) => number;

/** A line of text; `y` is its baseline. */
export interface TextItem {
  text: string;
  x: number;
  y: number;
  size: number;
  bold: boolean;
  colour: string;
  /** Which part of the figure the text belongs to. */
  part: 'title' | 'header' | 'legend' | 'footer';
}

/** A legend swatch: `size` by `size` pixels from its top left corner. */
export interface SwatchItem {
  entry: LegendEntry;
  x: number;
  y: number;
  size: number;
}

/** Where everything goes, in output pixels. */
export interface FigureLayout {
  width: number;
  height: number;
  /** Where the graph's image is drawn, at its own size. */
  graph: { x: number; y: number; width: number; height: number };
  /** The band below the graph (legend, sources, date): its top and bottom. */
  legendBand: { top: number; bottom: number };
  texts: TextItem[];
  swatches: SwatchItem[];
  /** Thin separating lines. */
  rules: { x1: number; y1: number; x2: number; y2: number }[];
}

/** Sizes in CSS pixels, multiplied by the figure's unit (its scale). */
const SIZE = { margin: 16, title: 18, text: 12, small: 11, swatch: 12, gap: 8, itemGap: 18, lineHeight: 1.35 };
export const FIGURE_COLOURS = {
  ink: '#1f2933',
  text: '#334e68',
  muted: '#52606d',
  rule: '#d9e2ec',
  background: '#ffffff',
};

/**
 * Breaks `text` into lines no wider than `max`: at spaces, and inside a word (a long link) only when the word
 * alone is wider than a line.
 */
export function wrapText(text: string, max: number, px: number, bold: boolean, measure: Measure): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (measure(candidate, px, bold) <= max) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    let rest = word;
    while (measure(rest, px, bold) > max && rest.length > 1) {
      let cut = rest.length - 1;
      while (cut > 1 && measure(rest.slice(0, cut), px, bold) > max) cut--;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The figure's unit (output pixels per CSS pixel of text): the image's scale, or more for a wide graph, so that
 * the text keeps a readable size beside the graph when the figure is shrunk to a page's width (1,000 units wide).
 */
export function figureUnit(graphWidth: number, scale: number): number {
  return Math.max(scale, graphWidth / 1000);
}

/**
 * Lays the figure out around a graph image of `graph` pixels. `unit` is the output's pixels per CSS pixel (the
 * PNG's scale); the figure is at least `minWidth` CSS pixels wide, the graph centred in it.
 */
export function layoutFigure(
  content: FigureContent,
  graph: { width: number; height: number },
  unit: number,
  measure: Measure,
  minWidth = 960,
): FigureLayout {
  const u = (v: number) => v * unit;
  const width = Math.ceil(Math.max(graph.width, u(minWidth)));
  const margin = u(SIZE.margin);
  const inner = width - 2 * margin;
  const texts: TextItem[] = [];
  const swatches: SwatchItem[] = [];
  const rules: FigureLayout['rules'] = [];
  let y = margin;
  const paragraph = (text: string, size: number, bold: boolean, colour: string, part: TextItem['part']) => {
    const px = u(size);
    for (const line of wrapText(text, inner, px, bold, measure)) {
      y += px * SIZE.lineHeight;
      texts.push({ text: line, x: margin, y: y - px * (SIZE.lineHeight - 1), size: px, bold, colour, part });
    }
  };

  paragraph(content.title, SIZE.title, true, FIGURE_COLOURS.ink, 'title');
  for (const line of content.header) paragraph(line, SIZE.text, false, FIGURE_COLOURS.text, 'header');
  y += u(SIZE.gap);
  rules.push({ x1: margin, y1: y, x2: width - margin, y2: y });
  const graphBox = {
    x: Math.round((width - graph.width) / 2),
    y: Math.round(y + u(SIZE.gap)),
    width: graph.width,
    height: graph.height,
  };
  y = graphBox.y + graph.height + u(SIZE.gap);
  const bandTop = y;
  rules.push({ x1: margin, y1: y, x2: width - margin, y2: y });
  y += u(SIZE.gap);

  // The legend: entries flow left to right, a swatch and its text, wrapping at the margin.
  paragraph('Legend', SIZE.text, true, FIGURE_COLOURS.ink, 'legend');
  const px = u(SIZE.text);
  const lineStep = px * SIZE.lineHeight;
  const swatch = u(SIZE.swatch);
  let x = margin;
  let rowTop = y + u(4);
  let rowHeight = lineStep;
  for (const entry of content.legend) {
    const textMax = inner - swatch - u(SIZE.gap);
    const lines = wrapText(entry.text, textMax, px, false, measure);
    const itemWidth = swatch + u(SIZE.gap) + Math.max(...lines.map((l) => measure(l, px, false)));
    if (x > margin && x + itemWidth > width - margin) {
      x = margin;
      rowTop += rowHeight + u(4);
      rowHeight = lineStep;
    }
    swatches.push({ entry, x, y: rowTop + (lineStep - swatch) / 2, size: swatch });
    lines.forEach((line, i) =>
      texts.push({
        text: line,
        x: x + swatch + u(SIZE.gap),
        y: rowTop + lineStep * (i + 1) - px * (SIZE.lineHeight - 1),
        size: px,
        bold: false,
        colour: FIGURE_COLOURS.text,
        part: 'legend',
      }),
    );
    rowHeight = Math.max(rowHeight, lineStep * lines.length);
    x += itemWidth + u(SIZE.itemGap);
  }
  y = rowTop + rowHeight + u(SIZE.gap);
  for (const line of content.footer) paragraph(line, SIZE.small, false, FIGURE_COLOURS.muted, 'footer');
  y += margin;
  return {
    width,
    height: Math.ceil(y),
    graph: graphBox,
    legendBand: { top: bandTop, bottom: Math.ceil(y) },
    texts,
    swatches,
    rules,
  };
}

/** A swatch as something to draw: a shape filled with the entry's colour, a ring, or a line. */
export type SwatchShape =
  | {
      kind: 'circle';
      cx: number;
      cy: number;
      r: number;
      fill: string | null;
      stroke: string | null;
      strokeWidth: number;
    }
  | { kind: 'polygon'; points: [number, number][]; fill: string }
  | { kind: 'rect'; x: number; y: number; width: number; height: number; radius: number; fill: string }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; colour: string; width: number; dash: number[] };

/** The shape of a legend swatch, as the graph draws what the entry stands for. */
export function swatchShape(s: SwatchItem): SwatchShape {
  const { x, y, size, entry } = s;
  const cx = x + size / 2;
  const cy = y + size / 2;
  const r = size / 2;
  if (entry.kind === 'edge') {
    const w = Math.max(1, size / 5);
    const dash = entry.line === 'dashed' ? [w * 2.5, w * 1.5] : entry.line === 'dotted' ? [w, w] : [];
    return { kind: 'line', x1: x, y1: cy, x2: x + size, y2: cy, colour: entry.colour, width: w, dash };
  }
  if (entry.kind === 'mark')
    return { kind: 'circle', cx, cy, r: r - size / 8, fill: null, stroke: entry.colour, strokeWidth: size / 5 };
  const points = (n: number, start: number): [number, number][] =>
    Array.from({ length: n }, (_, i) => [
      cx + r * Math.cos(start + (i * 2 * Math.PI) / n),
      cy + r * Math.sin(start + (i * 2 * Math.PI) / n),
    ]);
  switch (entry.shape) {
    case 'round-rectangle':
    case 'rectangle':
      return {
        kind: 'rect',
        x,
        y: y + size * 0.15,
        width: size,
        height: size * 0.7,
        radius: entry.shape === 'rectangle' ? 0 : size / 6,
        fill: entry.colour,
      };
    case 'diamond':
      return { kind: 'polygon', points: points(4, -Math.PI / 2), fill: entry.colour };
    case 'hexagon':
      return { kind: 'polygon', points: points(6, 0), fill: entry.colour };
    case 'triangle':
    case 'round-triangle':
      return { kind: 'polygon', points: points(3, -Math.PI / 2), fill: entry.colour };
    default:
      return { kind: 'circle', cx, cy, r, fill: entry.colour, stroke: null, strokeWidth: 0 };
  }
}
