import { figureUnit, layoutFigure, swatchShape, wrapText } from '../../../client/src/graph/figure-layout';
import type { FigureContent, Measure } from '../../../client/src/graph/figure-layout';
import { crc32, readPngText, withPngText } from '../../../client/src/graph/png-text';
import { defaultState } from '../../../client/src/graph/view-state';
import { fileName } from '../../../client/src/ui/download';
import { legendEntriesOf } from '../../../client/src/ui/legend';
import { figureContent } from '../../../client/src/view/figure-export';
import { headless } from './fixtures';

/** Every character 0.6 of the font size wide (bold: 0.7). */
const measure: Measure = (text, px, bold) => text.length * px * (bold ? 0.7 : 0.6);

/** The smallest valid PNG: a 1x1 white pixel (signature, IHDR, IDAT, IEND). */
const PIXEL = Uint8Array.from(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC', 'base64'),
);

const content = (): FigureContent => ({
  title: 'Peace operations: Missions, organizations, conflicts',
  header: [
    'Filters: UN',
    'Period: 2010–2012; time slider at 2011 (what was active then)',
    'Shown: 10 nodes, 12 relationships',
  ],
  legend: legendEntriesOf(headless().nodes(), headless().edges()),
  footer: ['Sources: curated', `Exported 2025-01-01 12:00 UTC from https://example.org/?${'x'.repeat(400)}`],
});

describe('figure export', () => {
  it('wraps text at spaces, and inside a word only when the word alone is wider than a line', () => {
    expect(wrapText('aaa bbb ccc', 7 * 6, 10, false, measure)).toEqual(['aaa bbb', 'ccc']);
    expect(wrapText('x'.repeat(25), 10 * 6, 10, false, measure)).toEqual([
      'x'.repeat(10),
      'x'.repeat(10),
      'x'.repeat(5),
    ]);
    expect(wrapText('', 100, 10, false, measure)).toEqual([]);
  });

  it('lays out a header band above the graph and a legend band below it, every text inside the figure', () => {
    const c = content();
    const graph = { width: 1800, height: 1200 };
    const l = layoutFigure(c, graph, 2, measure);
    expect(l.width).toBe(Math.max(1800, 960 * 2));
    expect(l.graph).toMatchObject({ width: 1800, height: 1200 });
    const header = l.texts.filter((t) => t.part === 'title' || t.part === 'header');
    expect(header.map((t) => t.text).join(' ')).toContain('Period: 2010–2012; time slider at 2011');
    expect(Math.max(...header.map((t) => t.y))).toBeLessThan(l.graph.y);
    // The band below the graph holds the legend and the footer; the figure is taller than the graph by both bands.
    expect(l.legendBand.top).toBeGreaterThanOrEqual(l.graph.y + graph.height);
    expect(l.height).toBeGreaterThan(graph.height + l.graph.y + 100);
    const legend = l.texts.filter((t) => t.part === 'legend').map((t) => t.text);
    for (const e of c.legend) expect(legend.join(' ')).toContain(e.text.split(' ')[0]);
    expect(l.swatches.map((s) => s.entry)).toEqual(c.legend);
    const margin = Math.min(...l.texts.map((t) => t.x));
    for (const t of l.texts) {
      expect(t.x + measure(t.text, t.size, t.bold)).toBeLessThanOrEqual(l.width - margin + 1e-6);
      expect(t.y).toBeLessThanOrEqual(l.height);
    }
    for (const s of l.swatches) expect(s.y).toBeGreaterThan(l.legendBand.top);
    // The long link is broken across lines rather than running off the figure.
    expect(l.texts.filter((t) => t.part === 'footer').length).toBeGreaterThan(2);
  });

  it('draws each legend swatch as the graph draws what it stands for', () => {
    const item = (entry: Parameters<typeof swatchShape>[0]['entry']) => swatchShape({ entry, x: 0, y: 0, size: 12 });
    expect(item({ kind: 'edge', key: 'IN_CONFLICT', text: '', colour: '#c0392b', line: 'dashed' })).toMatchObject({
      kind: 'line',
      colour: '#c0392b',
    });
    expect(
      (item({ kind: 'edge', key: 'DEPLOYED', text: '', colour: '#888', line: 'solid' }) as { dash: number[] }).dash,
    ).toEqual([]);
    expect(item({ kind: 'mark', key: 'mspo', text: '', colour: '#e6007e' })).toMatchObject({
      kind: 'circle',
      fill: null,
      stroke: '#e6007e',
    });
    expect(item({ kind: 'node', key: 'Conflict', text: '', colour: '#f00', shape: 'diamond' })).toMatchObject({
      kind: 'polygon',
      fill: '#f00',
    });
    expect(
      item({ kind: 'node', key: 'Organization', text: '', colour: '#00f', shape: 'round-rectangle' }),
    ).toMatchObject({ kind: 'rect', fill: '#00f' });
  });

  it('says what the view shows: title, filters, period and slider, counts, legend of the visible, sources, date', () => {
    const cy = headless();
    cy.getElementById('UN').addClass('user-hidden');
    cy.getElementById('UNAMID').addClass('user-hidden');
    cy.style().selector('.user-hidden').style('display', 'none').update();
    const state = {
      ...defaultState(new Date('2025-06-01')),
      organizations: ['EU'],
      time: '2008',
      hidden: ['UN', 'UNAMID'],
    };
    const c = figureContent(
      cy,
      state,
      new Map([['EU', 'European Union']]),
      new Date('2025-06-01T10:20:30Z'),
      'https://example.org/?o=EU',
    );
    expect(c.title).toBe('Peace operations: Missions, organizations, conflicts');
    expect(c.header[0]).toBe('Filters: European Union; hidden by hand: UN, UNAMID');
    expect(c.header[1]).toBe('Period: 1996–2025; time slider at 2008 (what was active then)');
    const shown = cy.nodes().filter((n) => n.visible());
    expect(c.header[2]).toBe(
      `Shown: ${shown.length} nodes, ${cy.edges().filter((e) => e.visible()).length} relationships`,
    );
    // The UN's colour is in the legend only while a UN-led node is visible.
    expect(c.legend.some((e) => e.kind === 'organization' && e.key === 'UN')).toBe(false);
    expect(c.legend.some((e) => e.kind === 'organization' && e.key === 'EU')).toBe(true);
    expect(c.footer[0]).toContain('curated (');
    expect(c.footer[1]).toBe('Exported 2025-06-01 10:20 UTC from https://example.org/?o=EU');
  });

  it('writes UTF-8 text chunks into a PNG that a reader finds again, with valid checksums', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    const out = withPngText(PIXEL, [
      ['Title', 'Côte d’Ivoire: ONUCI'],
      ['Description', 'Legend: a; b'],
      ['Comment', ''],
    ]);
    expect(readPngText(out)).toEqual({ Title: 'Côte d’Ivoire: ONUCI', Description: 'Legend: a; b' });
    expect(out.subarray(out.length - 12)).toEqual(PIXEL.subarray(PIXEL.length - 12));
    // Every chunk's CRC matches its type and data.
    const view = new DataView(out.buffer);
    for (let at = 8; at < out.length;) {
      const len = view.getUint32(at);
      expect(view.getUint32(at + 8 + len)).toBe(crc32(out.subarray(at + 4, at + 8 + len)));
      at += 12 + len;
    }
    expect(() => withPngText(new Uint8Array(40), [])).toThrow('Not a PNG');
  });

  it('names files after what they hold', () => {
    expect(fileName(['shared-personnel', 'UN', 'AU', '2005'], 'csv')).toBe('shared-personnel_UN_AU_2005.csv');
    expect(fileName(['contributors', 'Côte d’Ivoire / ONUCI', null, ''], 'csv')).toBe(
      'contributors_Cote-d-Ivoire-ONUCI.csv',
    );
    expect(fileName([], 'csv')).toBe('export.csv');
  });

  it('keeps text readable beside a wide graph: at least the scale, else a thousandth of the width', () => {
    expect(figureUnit(800, 2)).toBe(2);
    expect(figureUnit(4800, 2)).toBe(4.8);
  });
});
