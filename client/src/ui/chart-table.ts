/**
 * A chart's data as a table (folded under "Data") with a CSV button: a row per x value, a column per line, the
 * figures as the chart draws them (an unknown figure, a gap in the line, is an empty cell, never 0), and where
 * the chart has them, the sources of each year. ui/charts.ts adds it under every chart.
 */
import type { ChartSpec } from './charts';
import { fmt, h } from './dom';
import { exportable } from './table-export';

/** An x value as the table shows it: a year, or the month (YYYY-MM) of a time axis in seconds. */
function xLabel(x: number, time: boolean): string {
  return time ? new Date(x * 1000).toISOString().slice(0, 7) : String(x);
}

/** The table of a chart's data, folded, with its CSV button above. */
export function chartData(spec: ChartSpec): HTMLElement {
  const time = Boolean(spec.time);
  const show = spec.format ?? ((v: number) => fmt(v, Number.isInteger(v) ? 0 : 1));
  const withSources = Boolean(spec.sources?.some((s) => s.length));
  const header = [time ? 'Month' : 'Year', ...spec.lines.map((l) => l.label), ...(withSources ? ['Sources'] : [])];
  const table = h(
    'table',
    { class: 'data', 'data-table': 'chart' },
    h('caption', { text: spec.title }),
    h('thead', {}, h('tr', {}, ...header.map((t) => h('th', { scope: 'col', text: t })))),
  );
  const body = h('tbody');
  spec.xs.forEach((x, i) => {
    const cells = spec.lines.map((l) => {
      const v = l.values[i] ?? null;
      return v === null || !Number.isFinite(v)
        ? h('td', { 'data-value': '', title: 'no figure' })
        : h('td', { 'data-value': String(v), text: show(v) });
    });
    body.append(
      h(
        'tr',
        {},
        h('td', { text: xLabel(x, time) }),
        ...cells,
        withSources ? h('td', { text: (spec.sources?.[i] ?? []).join('; ') }) : null,
      ),
    );
  });
  table.append(body);
  const wrap = exportable(table, {
    file: spec.file ?? ['chart', spec.title.split(/[(,;:]/)[0]],
    notes: () => spec.notes ?? [],
  });
  wrap.classList.add('chart-data');
  wrap.append(h('details', {}, h('summary', { text: 'Data' }), table));
  return wrap;
}
