import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Locator, Page } from 'playwright-core';
import type { RunningApp } from '../../server/src/http/app';
import { ARTIFACTS, openView, shot } from './browser';
import { expectNoPageErrors, viewSession } from './view-session';

/**
 * Exports fit for a paper, in a real browser on the shipped graph: every table's CSV holds the table's rows (the
 * details' contributing states, shared personnel, paths, a chart's data), and the PNG and SVG figures carry a
 * title, the filters, the period, the legend of what is drawn, the sources and the date of export.
 */

/** What a test build records of the last figure exported (view/export-menu.ts). */
interface LastFigure {
  kind: string;
  content: { header: string[]; legend: { kind: string; key: string; text: string; colour: string }[] };
  layout: {
    width: number;
    height: number;
    graph: { x: number; y: number; width: number; height: number };
    legendBand: { top: number; bottom: number };
    swatches: { entry: { kind: string; colour: string }; x: number; y: number; size: number }[];
  };
}

const session = viewSession();
let page: Page;
let app: RunningApp;
beforeEach(() => {
  ({ page, app } = session);
});

/** What a CSV download holds: its file name, whether it starts with a byte order mark, comment lines and rows. */
interface CsvFile {
  name: string;
  bom: boolean;
  comments: string[];
  rows: string[][];
}

/** Clicks the CSV button of the table in `wrapper` (by its accessible name) and parses the file downloaded. */
async function downloadCsv(table: Locator): Promise<CsvFile> {
  const name = await table.evaluate((t) => {
    const el = t as HTMLTableElement;
    return (el.caption?.textContent ?? el.getAttribute('aria-label') ?? '').trim();
  });
  expect(name).not.toBe('');
  const button = page.getByRole('button', { name: `Download ${name} as CSV`, exact: true });
  await expect(button.count()).resolves.toBe(1);
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const buffer = fs.readFileSync(await download.path());
  const text = buffer.toString('utf8');
  const rows: string[][] = parse(text, { bom: true, comment: '#', comment_no_infix: true });
  const comments = text
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter((l) => l.startsWith('# '))
    .map((l) => l.slice(2));
  expect(comments[0]).toBe(name);
  expect(comments[1]).toMatch(/^Exported \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z from http/);
  return {
    name: download.suggestedFilename(),
    bom: buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf,
    comments,
    rows,
  };
}

/**
 * The table's rows as the page shows them, read here rather than by the view's own code: each cell's text, or
 * its raw value where the cell holds one (`data-value`) and shows it formatted, together with that display.
 */
function domRows(table: Locator): Promise<{ rows: string[][]; shown: { raw: string; text: string }[] }> {
  return table.evaluate((t) => {
    const el = t as HTMLTableElement;
    const shown: { raw: string; text: string }[] = [];
    const rows = [...el.querySelectorAll('tr')].map((tr) =>
      [...tr.querySelectorAll('th, td')].map((c) => {
        const text = (c.textContent ?? '').replace(/\s+/g, ' ').trim();
        const raw = (c as HTMLElement).dataset.value;
        if (raw === undefined) return text;
        shown.push({ raw, text });
        return raw;
      }),
    );
    return { rows, shown };
  });
}

/** A formatted figure shown for a raw one is that number ("12,345" for 12345); an empty raw value is shown as no figure. */
function expectFiguresShownAsWritten(shown: { raw: string; text: string }[], empty: RegExp): void {
  for (const { raw, text } of shown) {
    if (raw === '') expect(text).toMatch(empty);
    else if (/^-?\d+(\.\d+)?$/.test(raw)) expect(Number(text.replace(/[,%]/g, ''))).toBeCloseTo(Number(raw), 0);
    else expect(text).toBe(raw);
  }
}

describe('network view: exports fit for a paper', () => {
  it('downloads the tables of the details, the shared personnel, the paths and the charts as CSV with the tables’ rows', async () => {
    // A mission's contributing states (in the view's default period).
    await openView(page, app.url, 'sel=UNAMID&tab=details');
    await page.waitForSelector('#details-title[data-node-id="UNAMID"]');
    // Every answer in: the panel is drawn for the last time (a redraw between click and reading would compare two tables).
    await page.waitForSelector('#panel-details[data-loaded="UNAMID"]', { timeout: 60_000 });
    const contributors = page.locator('table[data-table="contributors"]');
    await contributors.locator('tbody tr').first().waitFor({ timeout: 30_000 });
    const c = await downloadCsv(contributors);
    const cDom = await domRows(contributors);
    expect(c.bom).toBe(true);
    expect(c.name).toMatch(/^contributors_UNAMID_\d{4}-\d{4}\.csv$/);
    expect(c.rows).toEqual(cDom.rows);
    expect(c.rows[0]).toEqual(['State', expect.stringMatching(/^Peak monthly personnel, \d{4}–\d{4}$/), 'Sources']);
    expect(c.rows.length).toBeGreaterThan(30);
    // Figures are written whole (12345, not "12,345"); a state named without a figure is an empty cell, never 0.
    expect(c.rows.slice(1).every((r) => r[1] === '' || /^\d+(\.\d+)?$/.test(r[1]))).toBe(true);
    expectFiguresShownAsWritten(cDom.shown, /^present$/);
    expect(c.rows.map((r) => r[0])).toContain('Rwanda');
    await contributors.scrollIntoViewIfNeeded();
    await shot(page, '16-csv-contributors');

    // The properties: a row per property, the figure whole.
    const props = page.locator('#panel-details table.props');
    const p = await downloadCsv(props);
    expect(p.rows[0]).toEqual(['Property', 'Value']);
    expect(p.rows.slice(1)).toEqual((await domRows(props)).rows);
    const peak = p.rows.find((r) => r[0].startsWith('Peak monthly personnel, all months'));
    expect(peak?.[1]).toMatch(/^\d+(\.\d+)?$/);

    // Shared personnel of two missions.
    await openView(page, app.url, 'a=UNMIL&b=UNOCI&tab=shared');
    const shared = page.locator('#shared-result table');
    await shared.locator('tbody tr').first().waitFor({ timeout: 30_000 });
    const s = await downloadCsv(shared);
    const sDom = await domRows(shared);
    expect(s.name).toMatch(/^shared-personnel_UNMIL_UNOCI(_.+)?\.csv$/);
    expect(s.rows).toEqual(sDom.rows);
    expect(s.rows[0]).toEqual(['State', expect.stringMatching(/^UNMIL\b/), expect.stringMatching(/^UNOCI\b/)]);
    expect(s.rows.length).toBeGreaterThan(6);
    expectFiguresShownAsWritten(sDom.shown, /^present$/);
    expect(s.comments.some((l) => l.startsWith('Sources: '))).toBe(true);
    expect(s.comments.some((l) => /^Jaccard 0\.\d+/.test(l))).toBe(true);

    // The steps of the paths between two nodes.
    await openView(page, app.url, 'from=NATO&to=AMISOM&tab=path');
    const paths = page.locator('table[data-table="paths"]');
    await paths.locator('tbody tr').first().waitFor({ timeout: 30_000 });
    const pa = await downloadCsv(paths);
    const paDom = await domRows(paths);
    expect(pa.name).toBe('paths_NATO_AMISOM.csv');
    expect(pa.rows).toEqual(paDom.rows);
    expect(pa.rows[0]).toEqual(['Path', 'Step', 'From', 'Relationship', 'To', 'Start', 'End', 'Sources']);
    const sentences = await page.$$eval('#path-results .sentence', (els) => els.map((e) => e.textContent ?? ''));
    expect(new Set(pa.rows.slice(1).map((r) => r[0])).size).toBe(sentences.length);
    expect(pa.comments.filter((l) => l.startsWith('Path '))).toHaveLength(sentences.length);
    await shot(page, '16b-csv-path-table');

    // A chart's data: a row per year; a year no source gives a figure for is an empty cell.
    await openView(page, app.url, 'tab=charts');
    const personnel = page.locator('[data-chart="personnel"] table');
    await personnel.locator('tbody tr').first().waitFor({ state: 'attached', timeout: 60_000 });
    const ch = await downloadCsv(personnel);
    const chDom = await domRows(personnel);
    expect(ch.rows).toEqual(chDom.rows);
    expect(ch.rows[0]).toEqual(['Year', 'personnel', 'Sources']);
    expect(ch.rows.slice(1).every((r) => /^\d{4}$/.test(r[0]) && (r[1] === '' || /^\d+(\.\d+)?$/.test(r[1])))).toBe(
      true,
    );
    expectFiguresShownAsWritten(chDom.shown, /^$/);
    expect(ch.comments.some((l) => l.startsWith('Personnel: mean monthly strength'))).toBe(true);
    expectNoPageErrors();
  });

  it('exports a PNG figure with a header band and the legend of what is drawn below the graph', async () => {
    await openView(page, app.url);
    // The graph alone, as Cytoscape draws it at the export's scale.
    const graph = await page.evaluate(async () => {
      const blob = await window.cy!.png({ output: 'blob-promise', full: true, scale: 2, bg: '#ffffff' });
      const bmp = await createImageBitmap(blob);
      return { width: bmp.width, height: bmp.height };
    });
    await page.click('#export-menu summary');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="png"]')]);
    const png = fs.readFileSync(await download.path());
    expect(download.suggestedFilename()).toBe('peace-operations.png');
    expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
    const size = { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
    const figure = await page.evaluate(() => (window as unknown as { __lastFigure: LastFigure }).__lastFigure);
    expect(figure.kind).toBe('png');
    expect(size).toEqual({ width: figure.layout.width, height: figure.layout.height });
    expect(figure.layout.graph).toMatchObject(graph);
    // Taller than the graph by a header band above it and a legend band below it.
    expect(figure.layout.graph.y).toBeGreaterThan(80);
    expect(size.height - graph.height - figure.layout.graph.y).toBeGreaterThan(150);
    // The legend drawn is the legend on screen (nothing is hidden: every node is in view).
    const onScreen = await page.$$eval('#legend-list li', (lis) => lis.map((li) => li.textContent ?? ''));
    expect(figure.content.legend.map((e) => e.text).sort()).toEqual([...onScreen].sort());
    // Decoded in the page: the bands hold ink, and each legend swatch has its entry's colour at its centre.
    const check = await page.evaluate(
      async ({ b64, layout, legend }) => {
        const bytes = Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));
        const bmp = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
        const canvas = document.createElement('canvas');
        canvas.width = bmp.width;
        canvas.height = bmp.height;
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(bmp, 0, 0);
        const inked = (y0: number, y1: number) => {
          const d = ctx.getImageData(0, y0, bmp.width, y1 - y0).data;
          let n = 0;
          for (let i = 0; i < d.length; i += 4) if (d[i] + d[i + 1] + d[i + 2] < 600) n++;
          return n;
        };
        const hex = (x: number, y: number) => {
          const [r, g, b2] = ctx.getImageData(Math.round(x), Math.round(y), 1, 1).data;
          return [r, g, b2];
        };
        const swatches = layout.swatches
          .filter((s) => s.entry.kind === 'node' || s.entry.kind === 'organization')
          .map((s) => ({ want: s.entry.colour, got: hex(s.x + s.size / 2, s.y + s.size / 2) }));
        return {
          header: inked(0, layout.graph.y),
          band: inked(layout.legendBand.top, layout.legendBand.bottom),
          swatches,
          legendCount: legend.length,
        };
      },
      { b64: png.toString('base64'), layout: figure.layout, legend: figure.content.legend },
    );
    expect(check.header).toBeGreaterThan(500);
    expect(check.band).toBeGreaterThan(1000);
    expect(check.swatches.length).toBeGreaterThan(3);
    for (const s of check.swatches) {
      const want = [1, 3, 5].map((i) => parseInt(s.want.slice(i, i + 2), 16));
      want.forEach((v, i) => expect(Math.abs(v - s.got[i])).toBeLessThanOrEqual(8));
    }
    // The PNG says what it shows in its own text chunks too.
    expect(png.indexOf(Buffer.from('iTXtTitle\0'))).toBeGreaterThan(0);
    expect(
      png.indexOf(Buffer.from(`Legend: ${figure.content.legend.map((e) => e.text).join('; ')}`, 'utf8')),
    ).toBeGreaterThan(0);
    fs.writeFileSync(path.join(ARTIFACTS, 'screenshots', '17-export-figure.png'), png);
    expectNoPageErrors();
  });

  it('exports an SVG figure whose texts name the title, filters, period, legend, sources and date of export', async () => {
    await openView(page, app.url, 'orgs=UN,AU&period=2005..2015');
    await page.$eval('#time', (el) => {
      const input = el as HTMLInputElement;
      input.value = '2010';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.waitForFunction(() => new URLSearchParams(location.search).get('t') === '2010', undefined, {
      timeout: 30_000,
    });
    await page.waitForFunction(
      () => !(document.getElementById('time-label')?.textContent ?? '…').includes('…'),
      undefined,
      { timeout: 30_000 },
    );
    await page.click('#export-menu summary');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="svg"]')]);
    const svg = fs.readFileSync(await download.path(), 'utf8');
    expect(download.suggestedFilename()).toBe('peace-operations.svg');
    // What is drawn at 2010: the node types and relationship types of the visible elements, and their sources.
    const expected = await page.evaluate(() => {
      const cy = window.cy!;
      const legend = [...document.querySelectorAll('#legend-list li')].map((li) => li.textContent ?? '');
      const labels = new Set(
        cy
          .nodes()
          .filter((n) => n.visible())
          .map((n) => n.data('label') as string),
      );
      const types = new Set(
        cy
          .edges()
          .filter((e) => e.visible())
          .map((e) => e.data('type') as string),
      );
      return {
        legend,
        drawn: legend.filter((t) => labels.has(t) || types.has(t.split(':')[0])),
        hiddenByTime: cy.nodes('.time-hidden').length,
        sources: [
          ...new Set(
            cy
              .edges()
              .filter((e) => e.visible())
              .toArray()
              .flatMap((e) => e.data('sources') as string[]),
          ),
        ],
      };
    });
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const part = (p: string) =>
        [...doc.querySelectorAll(`svg > text[data-part="${p}"]`)].map((t) => t.textContent ?? '').join(' ');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        nested: doc.querySelectorAll('svg svg').length,
        title: part('title'),
        header: part('header'),
        legend: part('legend'),
        footer: part('footer'),
      };
    }, svg);
    expect(parsed.error).toBeNull();
    expect(parsed.nested).toBe(1);
    expect(parsed.title).toBe('Peace operations: Missions, organizations, conflicts');
    expect(parsed.header).toMatch(/Filters: (UN|United Nations), (AU|African Union)/);
    expect(parsed.header).toContain('Period: 2005–2015; time slider at 2010');
    expect(parsed.header).toMatch(/Shown: \d+ nodes, \d+ relationships/);
    expect(parsed.legend.startsWith('Legend')).toBe(true);
    // Every node type and relationship type drawn has its entry; the legend on screen also lists what 2010 hides.
    expect(expected.hiddenByTime).toBeGreaterThan(0);
    expect(expected.drawn.length).toBeGreaterThan(4);
    for (const label of expected.drawn) expect(parsed.legend).toContain(label);
    for (const label of expected.legend)
      if (/^[A-Z_]+: /.test(label) && !label.startsWith('MSPO') && !expected.drawn.includes(label))
        expect(parsed.legend).not.toContain(label);
    expect(parsed.footer).toContain('Sources: ');
    expect(expected.sources.length).toBeGreaterThan(0);
    for (const source of expected.sources) expect(parsed.footer).toContain(source);
    expect(parsed.footer).toMatch(/Exported \d{4}-\d\d-\d\d \d\d:\d\d UTC from http/);
    fs.writeFileSync(path.join(ARTIFACTS, 'screenshots', '18-export-figure.svg'), svg);
    expectNoPageErrors();
  });
});
