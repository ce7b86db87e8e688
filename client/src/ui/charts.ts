/** Small line charts (uPlot): the MSPO share, personnel per organization, and a node's personnel over time. */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { chartData } from './chart-table';
import { h } from './dom';

/** One line of a chart. */
export interface Line {
  label: string;
  colour: string;
  values: (number | null)[];
}

/** A chart to draw. */
export interface ChartSpec {
  title: string;
  /** x values: years, or seconds since 1970 when `time` is set. */
  xs: number[];
  lines: Line[];
  time?: boolean;
  /** Formats a y value for the axis and the legend. */
  format?: (v: number) => string;
  /** An x value to mark with a vertical line (the time slider's year). */
  marker?: number | null;
  height?: number;
  /** The sources of each x value's figures, where known: a column of the chart's data table. */
  sources?: readonly (readonly string[])[];
  /** Notes for the data's CSV (coverage, definitions, sources): its comment lines. */
  notes?: readonly string[];
  /** Parts of the data's CSV file name (`mspo-share`, `1996`, `2025`). */
  file?: readonly (string | null | undefined)[];
}

/** A drawn chart; `setMarker` moves the vertical line without redrawing the data. */
export interface Chart {
  element: HTMLElement;
  setMarker(x: number | null): void;
  destroy(): void;
}

/** Draws a line chart into a new element appended to `parent`; the title is the chart's accessible name. */
export function lineChart(parent: HTMLElement, spec: ChartSpec): Chart {
  const figure = h('figure', { class: 'chart', 'aria-label': spec.title });
  const caption = h('figcaption', { text: spec.title });
  const plotEl = h('div', { class: 'chart-plot' });
  figure.append(caption, plotEl, chartData(spec));
  parent.appendChild(figure);
  let marker = spec.marker ?? null;
  const format = spec.format ?? compact;
  const width = Math.max(240, Math.floor(parent.clientWidth || 300) - 8);
  const opts: uPlot.Options = {
    width,
    height: spec.height ?? 170,
    scales: { x: { time: Boolean(spec.time) } },
    legend: { show: spec.lines.length > 1 || Boolean(spec.time) },
    axes: [
      {
        stroke: '#52606d',
        grid: { stroke: '#eef1f4' },
        values: spec.time ? undefined : (_u, vals) => vals.map((v) => String(Math.round(v))),
      },
      { stroke: '#52606d', grid: { stroke: '#eef1f4' }, size: 52, values: (_u, vals) => vals.map((v) => format(v)) },
    ],
    series: [
      {
        label: spec.time ? 'month' : 'year',
        value: (_u, v) => (v === null ? '–' : spec.time ? new Date(v * 1000).toISOString().slice(0, 7) : String(v)),
      },
      ...spec.lines.map((l) => ({
        label: l.label,
        stroke: l.colour,
        width: 2,
        spanGaps: false,
        value: (_u: uPlot, v: number | null) => (v === null ? '–' : format(v)),
      })),
    ],
    hooks: {
      draw: [
        (u: uPlot) => {
          if (marker === null) return;
          const x = u.valToPos(marker, 'x', true);
          if (!Number.isFinite(x)) return;
          const ctx = u.ctx;
          ctx.save();
          ctx.strokeStyle = '#e6007e';
          ctx.lineWidth = 2;
          ctx.beginPath();
          ctx.moveTo(x, u.bbox.top);
          ctx.lineTo(x, u.bbox.top + u.bbox.height);
          ctx.stroke();
          ctx.restore();
        },
      ],
    },
  };
  const data = [spec.xs, ...spec.lines.map((l) => l.values)] as uPlot.AlignedData;
  const plot = new uPlot(opts, data, plotEl);
  return {
    element: figure,
    setMarker(x) {
      marker = x;
      plot.redraw(false);
    },
    destroy() {
      plot.destroy();
      figure.remove();
    },
  };
}

/** 1234 -> "1.2k", 56000 -> "56k": short enough for an axis. */
export function compact(v: number): string {
  const a = Math.abs(v);
  if (a >= 1e6) return `${+(v / 1e6).toFixed(1)}M`;
  if (a >= 1e3) return `${+(v / 1e3).toFixed(a >= 1e4 ? 0 : 1)}k`;
  return String(Math.round(v));
}
