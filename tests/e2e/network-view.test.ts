import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { RunningApp } from '../../server/src/http/app';
import type { Database } from '../../server/src/db/database';
import { testConfig, testDatabase } from '../helpers/db';
import { gql, startTestApp } from '../helpers/http';
import { ensureSeeded } from '../helpers/seeded';
import { ARTIFACTS, clickNode, collectErrors, launchBrowser, nextRender, openView, renders, settle, shot } from './browser';
import type { Browser } from './browser';

/**
 * The network view in a real browser against the real API and the shipped graph. Every test saves a screenshot
 * under tests/artifacts/screenshots/; the first-render timings go to tests/artifacts/first-render.json.
 */

const XSS_ID = 'E2E-XSS';
const XSS_NAME = '<img src=x onerror="window.__xss=1">';
const XSS_FULL = '<script>window.__xss=2</script> Mission <b>bold</b>';

let db: Database;
let app: RunningApp;
let browser: Browser;
let page: Page;
let errors: string[];
let queryFields: Set<string>;
const timings: Record<string, number | Record<string, number>> = {};

/** The view's performance marks (ms since navigation start) and its time to first render. */
async function renderTimings(p: Page): Promise<Record<string, number>> {
  return p.evaluate(() => {
    const out: Record<string, number> = {};
    for (const m of performance.getEntriesByType('mark')) out[m.name.replace('peaceops:', '')] = Math.round(m.startTime);
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    if (nav) out.domContentLoaded = Math.round(nav.domContentLoadedEventEnd);
    out.timeToFirstRender = Number(document.body.dataset.firstRenderMs);
    return out;
  });
}

async function countAll(): Promise<{ nodes: number; edges: number }> {
  const res = await gql<{ network: { nodes: { id: string }[]; edges: { id: string }[] } }>(app.url, '{ network(filter: { mode: FULL, includeStates: true, includeConflicts: true }) { nodes { id } edges { id } } }');
  return { nodes: res.body.data!.network.nodes.length, edges: res.body.data!.network.edges.length };
}

/** Fails loudly when the server lacks a query the test needs (rather than passing without checking anything). */
function requireQuery(name: string): void {
  if (!queryFields.has(name)) throw new Error(`The server has no \`${name}\` query: this behaviour of the view cannot be checked until the API offers it.`);
}

beforeAll(async () => {
  db = testDatabase();
  await ensureSeeded(db);
  app = await startTestApp(testConfig(), db);
  const schema = await gql<{ __schema: { queryType: { fields: { name: string }[] } } }>(app.url, '{ __schema { queryType { fields { name } } } }');
  queryFields = new Set(schema.body.data?.__schema.queryType.fields.map((f) => f.name) ?? []);
  browser = await launchBrowser();
}, 600_000);

afterAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  if (Object.keys(timings).length) fs.writeFileSync(path.join(ARTIFACTS, 'first-render.json'), `${JSON.stringify(timings, null, 2)}\n`);
  await browser?.close();
  await db?.write('MATCH (n {id: $id}) DETACH DELETE n', { id: XSS_ID }).catch(() => undefined);
  await app?.stop();
  await db?.close();
});

beforeEach(async () => {
  page = await browser.context.newPage();
  errors = collectErrors(page);
});

afterEach(async () => {
  await page.close();
});

function expectNoPageErrors(): void {
  // Failed requests that a test provokes on purpose are console errors too; page exceptions never are fine.
  expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
}

describe('network view', () => {
  it('opens on the missions of the last 30 years with their organizations and conflicts, a legend and charts', async () => {
    await openView(page, app.url);
    timings.defaultViewCold = await renderTimings(page);
    // Once more, as a user who comes back finds it (browser cache and the server's query plans warm).
    await page.reload();
    await openView(page, app.url);
    timings.defaultView = await renderTimings(page);
    const info = await page.evaluate(() => {
      const cy = window.cy!;
      const labels = new Set(cy.nodes().map((n) => n.data('label') as string));
      const missions = cy.nodes('[label = "Mission"]');
      return {
        nodes: cy.nodes().length,
        labels: [...labels].sort(),
        missionsEndedBefore: missions.filter((m) => m.data('end') && String(m.data('end')) < String(new Date().getFullYear() - 29)).length,
        sized: missions.filter((m) => m.numericStyle('width') > 20).length,
        mspo: cy.nodes('.mspo').length,
        legend: [...document.querySelectorAll('#legend-list li')].map((li) => li.getAttribute('data-legend')),
        url: location.search,
        measure: performance.getEntriesByName('peaceops:time-to-first-render').length,
      };
    });
    expect(info.nodes).toBeGreaterThan(100);
    expect(info.labels).toEqual(['Conflict', 'Mission', 'Organization']);
    expect(info.missionsEndedBefore).toBe(0);
    expect(info.sized).toBeGreaterThan(10);
    expect(info.mspo).toBeGreaterThan(10);
    expect(info.legend).toEqual(expect.arrayContaining(['node:Mission', 'organization:UN', 'organization:EU', 'edge:DEPLOYED', 'edge:IN_CONFLICT', 'mark:mspo']));
    expect(info.url).toMatch(/period=\d{4}\.\.\d{4}/);
    expect(info.measure).toBe(1);
    await page.waitForSelector('#panel-charts [data-chart="mspo-share"] canvas');
    await page.waitForSelector('#panel-charts [data-chart="org-personnel"] canvas', { timeout: 30_000 }).catch(() => requireQuery('stats'));
    await shot(page, '01-default-view');
    expectNoPageErrors();
  });

  it('draws the whole shipped graph and keeps it interactive', async () => {
    const expected = await countAll();
    await openView(page, app.url, 'period=all&states=1');
    timings.fullGraph = await renderTimings(page);
    const counts = await page.evaluate(() => ({ nodes: window.cy!.nodes().length, edges: window.cy!.edges().length }));
    expect(counts).toEqual(expected);
    // Interactive: a zoom answers within a frame or two.
    const ms = await page.evaluate(async () => {
      const t0 = performance.now();
      window.cy!.zoom(window.cy!.zoom() * 1.5);
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null))));
      return performance.now() - t0;
    });
    expect(ms).toBeLessThan(2000);
    await shot(page, '02-full-graph');
    console.log(`first render (ms since navigation): ${JSON.stringify(timings)} (full graph: ${expected.nodes} nodes, ${expected.edges} edges)`);
    expectNoPageErrors();
  });

  it('draws the whole graph with the WebGL renderer', async () => {
    await openView(page, app.url, 'period=all&states=1&webgl=1');
    const r = await page.evaluate(() => ({ renderer: document.body.dataset.renderer, webgl: document.querySelectorAll('#cy canvas[data-id$="webgl"]').length, nodes: window.cy!.nodes().length }));
    expect(r.renderer).toBe('webgl');
    expect(r.webgl).toBe(1);
    expect(r.nodes).toBeGreaterThan(300);
    timings.fullGraphWebgl = await renderTimings(page);
    await shot(page, '03-full-graph-webgl');
    expectNoPageErrors();
  });

  it('filters by organization, mission kind and period, and keeps the filter in the URL', async () => {
    await openView(page, app.url, 'period=all');
    await page.waitForSelector('#f-orgs option[value="EU"]');
    await page.selectOption('#f-orgs', ['EU']);
    await page.selectOption('#f-kinds', ['police']);
    await page.fill('#f-from', '2000');
    await page.fill('#f-to', '2010');
    const before = await renders(page);
    await page.click('#f-apply');
    await nextRender(page, before);
    const missions = await page.evaluate(() =>
      window.cy!.nodes('[label = "Mission"]').map((m) => ({ id: m.id(), orgs: m.data('organizations') as string[], kinds: m.data('kinds') as string[], start: m.data('start') as string | null, end: m.data('end') as string | null })),
    );
    expect(missions.length).toBeGreaterThan(3);
    for (const m of missions) {
      expect(m.orgs).toContain('EU');
      expect(m.kinds).toContain('police');
      expect(!m.start || m.start <= '2010-12-31').toBe(true);
      expect(!m.end || m.end >= '2000').toBe(true);
    }
    expect(missions.map((m) => m.id)).toContain('EUPM');
    const url = await page.evaluate(() => location.search);
    expect(url).toContain('orgs=EU');
    expect(url).toContain('kinds=police');
    expect(url).toContain('period=2000..2010');
    await expect(page.textContent('#summary')).resolves.toContain('EU · police · 2000–2010');
    await shot(page, '04-filter-eu-police');
    expectNoPageErrors();
  });

  it('switches to the organization network and back', async () => {
    await openView(page, app.url);
    const before = await renders(page);
    await page.selectOption('#mode', 'ORGANIZATIONS');
    await nextRender(page, before);
    const r = await page.evaluate(() => ({
      labels: [...new Set(window.cy!.nodes().map((n) => n.data('label') as string))],
      types: [...new Set(window.cy!.edges().map((e) => e.data('type') as string))].sort(),
      edges: window.cy!.edges().length,
      url: location.search,
    }));
    expect(r.labels).toEqual(['Organization']);
    expect(r.types).toEqual(expect.arrayContaining(['CO_DEPLOYED']));
    expect(r.url).toContain('mode=ORGANIZATIONS');
    // A year of the organization network comes from the API, and a link to it reproduces it.
    const beforeTime = await renders(page);
    await page.$eval('#time', (el) => {
      const input = el as HTMLInputElement;
      input.value = '2004';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await nextRender(page, beforeTime);
    const in2004 = await page.evaluate(() => ({ edges: window.cy!.edges().map((e) => e.id()).sort(), url: location.search }));
    expect(in2004.url).toContain('t=2004');
    expect(in2004.edges.length).toBeGreaterThan(0);
    expect(in2004.edges.length).toBeLessThanOrEqual(r.edges);
    await shot(page, '05-organization-network-2004');
    await page.reload();
    await openView(page, app.url, in2004.url.slice(1));
    await expect(page.evaluate(() => window.cy!.edges().map((e) => e.id()).sort())).resolves.toEqual(in2004.edges);
    expectNoPageErrors();
  });

  it('shows what was active in a year with the time slider, highlights MSPOs, and plays', async () => {
    await openView(page, app.url, 'period=all');
    await page.$eval('#time', (el) => {
      const input = el as HTMLInputElement;
      input.value = '2004';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await settle(page);
    const r = await page.evaluate(() => {
      const cy = window.cy!;
      const shown = cy.nodes('[label = "Mission"]').filter((m) => m.visible());
      const inactiveShown = shown.filter((m) => (m.data('start') && String(m.data('start')) > '2004-12-31') || (m.data('end') && String(m.data('end')) < '2004'));
      return {
        shown: shown.map((m) => m.id()),
        inactiveShown: inactiveShown.length,
        hidden: cy.nodes('[label = "Mission"]').filter((m) => !m.visible()).length,
        mspo: cy.nodes('.mspo').map((m) => m.id()),
        label: document.getElementById('time-label')!.textContent,
        url: location.search,
      };
    });
    expect(r.inactiveShown).toBe(0);
    expect(r.hidden).toBeGreaterThan(50);
    // Bosnia in 2004: NATO's SFOR handed over to the EU's EUFOR Althea beside the EU police mission.
    expect(r.shown).toEqual(expect.arrayContaining(['SFOR', 'EUFOR-ALTHEA', 'EUPM']));
    expect(r.mspo).toEqual(expect.arrayContaining(['SFOR', 'EUFOR-ALTHEA', 'EUPM']));
    expect(r.label).toMatch(/^2004: \d+ missions active, \d+ in MSPOs/);
    expect(r.url).toContain('t=2004');
    await shot(page, '06-time-2004');
    await page.click('#play');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('t') !== '2004', undefined, { timeout: 20_000 });
    await page.click('#play');
    const paused = await page.evaluate(() => ({ t: new URLSearchParams(location.search).get('t'), label: document.getElementById('play')!.getAttribute('aria-label') }));
    expect(Number(paused.t)).toBeGreaterThan(2004);
    expect(paused.label).toBe('Play');
    await page.click('#time-all');
    await settle(page);
    await expect(page.evaluate(() => window.cy!.nodes('.time-hidden').length)).resolves.toBe(0);
    expectNoPageErrors();
  });

  it('suggests search results as one types and, chosen from the keyboard, focuses and zooms on the node', async () => {
    await openView(page, app.url);
    const zoomBefore = await page.evaluate(() => window.cy!.zoom());
    await page.keyboard.press('/');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('search-input');
    await page.keyboard.type('althea', { delay: 40 });
    await page.waitForSelector('#search-list li[role="option"][data-id="EUFOR-ALTHEA"]');
    await expect(page.getAttribute('#search-input', 'aria-expanded')).resolves.toBe('true');
    await shot(page, '07-search-suggestions');
    // Move to the EUFOR Althea option with the arrow keys and choose it with Enter.
    const index = await page.$$eval('#search-list li[role="option"]', (lis) => lis.findIndex((li) => li.getAttribute('data-id') === 'EUFOR-ALTHEA'));
    for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#details-title[data-node-id="EUFOR-ALTHEA"]');
    await page.waitForTimeout(500);
    const r = await page.evaluate(() => ({ selected: window.cy!.$(':selected').map((n) => n.id()), zoom: window.cy!.zoom(), url: location.search }));
    expect(r.selected).toEqual(['EUFOR-ALTHEA']);
    expect(r.zoom).toBeGreaterThan(zoomBefore);
    expect(r.url).toContain('sel=EUFOR-ALTHEA');
    await shot(page, '08-search-focus');
    expectNoPageErrors();
  });

  it('opens the details of a clicked node: properties, sources, personnel over time and related entities', async () => {
    requireQuery('node');
    await openView(page, app.url);
    await clickNode(page, 'UNMIL');
    await page.waitForSelector('#panel-details[data-loaded="UNMIL"]', { timeout: 30_000 });
    const r = await page.evaluate(() => {
      const panel = document.getElementById('panel-details')!;
      return {
        title: panel.querySelector('#details-title')?.textContent,
        rows: [...panel.querySelectorAll('.props th')].map((th) => th.textContent),
        sources: [...panel.querySelectorAll('.sources li')].map((li) => li.textContent ?? ''),
        chart: Boolean(panel.querySelector('[data-chart="node-personnel"] canvas')),
        related: [...panel.querySelectorAll('.related-groups h4')].map((h) => h.textContent ?? ''),
        cooperation: panel.textContent?.includes('handover with'),
      };
    });
    expect(r.title).toBe('UNMIL');
    expect(r.rows).toEqual(expect.arrayContaining(['Id', 'Start', 'Organizations', 'Hosts']));
    expect(r.sources.some((s) => s.startsWith('ipi-missions'))).toBe(true);
    expect(r.chart).toBe(true);
    expect(r.related.some((t) => t.startsWith('← DEPLOYED'))).toBe(true);
    expect(r.cooperation).toBe(true);
    await shot(page, '09-details-unmil');
    // A related entity opens in turn, from the keyboard.
    await page.focus('#panel-details .related-groups button[data-focus="LBR"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#details-title[data-node-id="LBR"]');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.getElementById('details-title'));
    expectNoPageErrors();
  });

  it('expands the neighbours of a double-clicked node without moving the others, and hides and restores nodes', async () => {
    await openView(page, app.url);
    const before = await page.evaluate(() => {
      const out: Record<string, { x: number; y: number }> = {};
      window.cy!.nodes().forEach((n) => {
        out[n.id()] = { ...n.position() };
      });
      return out;
    });
    await clickNode(page, 'UNAMID', { double: true });
    await page.waitForFunction(() => new URLSearchParams(location.search).get('exp') === 'UNAMID', undefined, { timeout: 30_000 });
    await settle(page);
    const after = await page.evaluate(() => {
      const out: Record<string, { x: number; y: number }> = {};
      window.cy!.nodes().forEach((n) => {
        out[n.id()] = { ...n.position() };
      });
      return { positions: out, states: window.cy!.getElementById('UNAMID').neighborhood('node[label = "State"]').length, url: location.search };
    });
    expect(Object.keys(after.positions).length).toBeGreaterThan(Object.keys(before).length);
    for (const [id, p] of Object.entries(before)) {
      expect(after.positions[id].x).toBeCloseTo(p.x, 3);
      expect(after.positions[id].y).toBeCloseTo(p.y, 3);
    }
    // The contributing states of UNAMID came in.
    expect(after.states).toBeGreaterThan(10);
    expect(after.url).toContain('exp=UNAMID');
    await shot(page, '10-expand-unamid');

    await clickNode(page, 'UNAMID');
    await page.waitForSelector('#details-title[data-node-id="UNAMID"]');
    await page.click('#panel-details button:text("Hide")');
    await expect(page.evaluate(() => window.cy!.getElementById('UNAMID').visible())).resolves.toBe(false);
    await expect(page.textContent('#restore')).resolves.toBe('Restore hidden (1)');
    expect(await page.evaluate(() => location.search)).toContain('hide=UNAMID');
    await page.click('#restore');
    await expect(page.evaluate(() => window.cy!.getElementById('UNAMID').visible())).resolves.toBe(true);
    await expect(page.isDisabled('#restore')).resolves.toBe(true);
    expectNoPageErrors();
  });

  it('finds the shortest paths between two picked nodes, highlights them and reads them as sentences', async () => {
    await openView(page, app.url);
    await clickNode(page, 'NATO');
    await page.waitForSelector('#details-title[data-node-id="NATO"]');
    await page.click('#panel-details button:text("Path from here")');
    await page.fill('#search-input', 'AMISOM');
    await page.waitForSelector('#search-list li[data-id="AMISOM"]');
    await page.click('#search-list li[data-id="AMISOM"]');
    await page.waitForSelector('#details-title[data-node-id="AMISOM"]');
    await page.click('#panel-details button:text("Path to here")');
    await page.waitForSelector('#path-results .sentence', { timeout: 30_000 });
    const r = await page.evaluate(() => ({
      from: document.getElementById('path-from')?.textContent,
      to: document.getElementById('path-to')?.textContent,
      sentences: [...document.querySelectorAll('#path-results .sentence')].map((p) => p.textContent ?? ''),
      onPath: window.cy!.elements('.path').map((e) => e.id()),
      url: location.search,
    }));
    expect(r.from).toBe('NATO');
    expect(r.to).toBe('AMISOM');
    expect(r.sentences.length).toBeGreaterThan(0);
    expect(r.sentences[0]).toMatch(/NATO/);
    expect(r.sentences[0]).toMatch(/AMISOM/);
    expect(r.onPath).toEqual(expect.arrayContaining(['NATO', 'AMISOM']));
    expect(r.url).toContain('from=NATO');
    expect(r.url).toContain('to=AMISOM');
    await shot(page, '11-path-nato-amisom');
    expectNoPageErrors();
  });

  it('compares two missions: shared contributing states with their numbers and similarity scores', async () => {
    requireQuery('sharedPersonnel');
    await openView(page, app.url);
    await clickNode(page, 'UNMIL');
    await page.waitForSelector('#details-title[data-node-id="UNMIL"]');
    await page.click('#panel-details button:text("Compare as A")');
    await clickNode(page, 'UNOCI');
    await page.waitForSelector('#details-title[data-node-id="UNOCI"]');
    await page.click('#panel-details button:text("Compare as B")');
    await page.waitForSelector('#shared-result', { timeout: 30_000 });
    const r = await page.evaluate(() => ({
      a: document.getElementById('compare-a')?.textContent,
      b: document.getElementById('compare-b')?.textContent,
      scores: [...document.querySelectorAll('#shared-result .score')].map((s) => s.textContent ?? ''),
      rows: [...document.querySelectorAll('#shared-result tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)),
    }));
    expect(r.a).toBe('UNMIL');
    expect(r.b).toBe('UNOCI');
    expect(r.scores.find((s) => s.endsWith('Jaccard'))).toMatch(/^0\.\d\dJaccard$/);
    expect(r.scores.find((s) => s.endsWith('cosine'))).toMatch(/^0\.\d\dcosine$/);
    expect(r.rows.length).toBeGreaterThan(5);
    expect(r.rows.map((row) => row[0])).toContain('Bangladesh');
    expect(r.rows.every((row) => Number(String(row[1]).replace(/,/g, '')) >= 0)).toBe(true);
    await shot(page, '12-shared-personnel');
    expectNoPageErrors();
  });

  it('exports the current view as PNG, SVG, JSON and GraphML', async () => {
    await openView(page, app.url, 'period=2010..2012&hide=UN');
    const visible = await page.evaluate(() => window.cy!.nodes().filter((n) => n.visible()).length);
    const files: Record<string, Buffer> = {};
    for (const kind of ['png', 'svg', 'json', 'graphml']) {
      await page.click('#export-menu summary');
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(`[data-export="${kind}"]`)]);
      const file = await download.path();
      files[kind] = fs.readFileSync(file);
      expect(download.suggestedFilename()).toBe(`peace-operations.${kind}`);
    }
    expect(files.png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
    expect(files.png.length).toBeGreaterThan(10_000);
    expect(files.svg.toString('utf8')).toMatch(/<svg[\s\S]*<\/svg>\s*$/);
    const json = JSON.parse(files.json.toString('utf8')) as { nodes: { id: string }[]; edges: unknown[]; link: string };
    expect(json.nodes).toHaveLength(visible);
    expect(json.nodes.map((n) => n.id)).not.toContain('UN');
    expect(json.link).toContain('hide=UN');
    const graphml = files.graphml.toString('utf8');
    expect(graphml).toContain('<graphml');
    expect((graphml.match(/<node /g) ?? []).length).toBe(visible);
    fs.writeFileSync(path.join(ARTIFACTS, 'screenshots', '13-export.png'), files.png);
    expectNoPageErrors();
  });

  it('reproduces a view from its link: filters, time, selection, expansion, hidden nodes and layout', async () => {
    await openView(page, app.url);
    await page.selectOption('#layout', 'concentric');
    await settle(page);
    await clickNode(page, 'MINUSMA', { double: true });
    await page.waitForFunction(() => new URLSearchParams(location.search).get('exp') === 'MINUSMA', undefined, { timeout: 30_000 });
    await settle(page);
    await clickNode(page, 'MINUSMA');
    await page.waitForSelector('#details-title[data-node-id="MINUSMA"]');
    await page.$eval('#time', (el) => {
      const input = el as HTMLInputElement;
      input.value = '2015';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await clickNode(page, 'UN');
    await page.click('#panel-details button:text("Hide")');
    const link = await page.evaluate(() => location.href);
    const snapshot = () =>
      page.evaluate(() => ({
        visible: window.cy!.nodes().filter((n) => n.visible()).map((n) => n.id()).sort(),
        mspo: window.cy!.nodes('.mspo').map((n) => n.id()).sort(),
        layout: (document.getElementById('layout') as HTMLSelectElement).value,
        time: document.getElementById('time-label')?.textContent,
        hidden: window.cy!.getElementById('UN').visible(),
      }));
    const original = await snapshot();
    const second = await browser.context.newPage();
    try {
      await openView(second, app.url, link.split('?')[1]);
      await second.waitForFunction(() => window.cy!.getElementById('MINUSMA').neighborhood('node[label = "State"]').length > 5, undefined, { timeout: 30_000 });
      await settle(second);
      const reproduced = await second.evaluate(() => ({
        visible: window.cy!.nodes().filter((n) => n.visible()).map((n) => n.id()).sort(),
        mspo: window.cy!.nodes('.mspo').map((n) => n.id()).sort(),
        layout: (document.getElementById('layout') as HTMLSelectElement).value,
        time: document.getElementById('time-label')?.textContent,
        hidden: window.cy!.getElementById('UN').visible(),
      }));
      expect(reproduced).toEqual(original);
      expect(original.layout).toBe('concentric');
      expect(original.hidden).toBe(false);
      await shot(second, '14-shared-link');
    } finally {
      await second.close();
    }
    expectNoPageErrors();
  });

  it('shows a node whose name is an HTML payload as plain text everywhere', async () => {
    await db.write(
      `MATCH (un:Organization {id: 'UN'})
       MERGE (m:Mission {id: $id}) SET m.acronym = $acronym, m.name = $name, m.start = '2011-01-01', m.kinds = ['military'], m.sources = ['e2e']
       MERGE (un)-[:DEPLOYED]->(m)`,
      { id: XSS_ID, acronym: XSS_NAME, name: XSS_FULL },
    );
    await openView(page, app.url, `sel=${XSS_ID}&tab=details`);
    await page.waitForSelector(`#details-title[data-node-id="${XSS_ID}"]`);
    const r = await page.evaluate((id) => ({
      title: document.getElementById('details-title')?.textContent,
      panelText: document.getElementById('panel-details')?.textContent ?? '',
      injected: document.querySelectorAll('#panel-details img, #panel-details script, #panel-details b, #legend img, #search-list img').length,
      xss: window.__xss,
      label: window.cy!.getElementById(id).data('name') as string,
    }), XSS_ID);
    expect(r.title).toBe(XSS_NAME);
    expect(r.panelText).toContain(XSS_FULL);
    expect(r.injected).toBe(0);
    expect(r.xss).toBeUndefined();
    expect(r.label).toBe(XSS_NAME);
    // The payload in search suggestions is text too.
    await page.fill('#search-input', 'Mission bold');
    await page.waitForSelector(`#search-list li[data-id="${XSS_ID}"]`, { timeout: 15_000 }).catch(() => undefined);
    const suggestion = await page.evaluate((id) => document.querySelector(`#search-list li[data-id="${id}"] .name`)?.textContent ?? null, XSS_ID);
    if (suggestion !== null) expect(suggestion).toBe(XSS_NAME);
    await expect(page.evaluate(() => document.querySelectorAll('#search-list img, #search-list script').length)).resolves.toBe(0);
    await expect(page.evaluate(() => window.__xss)).resolves.toBeUndefined();
    await shot(page, '15-html-payload-as-text');
    expectNoPageErrors();
  });

  it('explains API errors and bad input instead of going blank', async () => {
    await page.route('**/graphql', async (route) => {
      const body = route.request().postData() ?? '';
      if (body.includes('query Network')) {
        await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ errors: [{ message: 'The database is not reachable.', extensions: { code: 'SERVICE_UNAVAILABLE' } }], data: null }) });
      } else await route.continue();
    });
    await page.goto(`${app.url}/`);
    await page.waitForSelector('#error:not([hidden])');
    const text = await page.textContent('#error');
    expect(text).toContain('Could not load the network');
    expect(text).toContain('The database is not reachable.');
    expect(text).toContain('SERVICE_UNAVAILABLE');
    await expect(page.isVisible('#filters')).resolves.toBe(true);
    await shot(page, '16-api-error');
    await page.unroute('**/graphql');

    await openView(page, app.url);
    await page.fill('#f-from', '20x4');
    await page.click('#f-apply');
    await expect(page.textContent('#error')).resolves.toContain('is not a date');
    // An unknown id in a link is reported, and the view stays.
    await openView(page, app.url, 'sel=NO-SUCH-THING');
    await page.waitForSelector('#error:not([hidden])');
    await expect(page.textContent('#error')).resolves.toContain('NO-SUCH-THING');
    await expect(page.evaluate(() => window.cy!.nodes().length)).resolves.toBeGreaterThan(100);
    expectNoPageErrors();
  });

  it('says so in the panels when the server lacks node, sharedPersonnel or stats, and shows progress on slow answers', async () => {
    const missing = (field: string) => JSON.stringify({ errors: [{ message: `Cannot query field "${field}" on type "Query".`, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] });
    await page.route('**/graphql', async (route) => {
      const body = route.request().postData() ?? '';
      if (body.includes('query Caps')) await route.fulfill({ status: 400, contentType: 'application/json', body: JSON.stringify({ errors: [{ message: 'GraphQL introspection is not allowed', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] }) });
      else if (body.includes('query NodeDetails')) await route.fulfill({ status: 400, contentType: 'application/json', body: missing('node') });
      else if (body.includes('query Shared')) await route.fulfill({ status: 400, contentType: 'application/json', body: missing('sharedPersonnel') });
      else if (body.includes('query Stats')) await route.fulfill({ status: 400, contentType: 'application/json', body: missing('stats') });
      else if (body.includes('query Network')) {
        await new Promise((r) => setTimeout(r, 1500));
        await route.continue();
      } else await route.continue();
    });
    await page.goto(`${app.url}/?a=UNMIL&b=UNOCI`);
    await page.waitForSelector('#progress:not([hidden])', { timeout: 5_000 });
    await expect(page.textContent('#progress-text')).resolves.toContain('Loading the network');
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
    await settle(page);
    // Charts: the MSPO share is computed in the browser, and the panel says why.
    await page.waitForSelector('#panel-charts [data-missing="stats"]', { timeout: 30_000 });
    await page.waitForSelector('#panel-charts [data-chart="mspo-share"] canvas');
    // Details: the properties from the network data, and a notice instead of the rest.
    await clickNode(page, 'UNMIL');
    await page.waitForSelector('#panel-details [data-missing="node"]', { timeout: 30_000 });
    await expect(page.textContent('#panel-details .props')).resolves.toContain('UNMIL');
    await shot(page, '18-server-without-node');
    await page.click('#tab-shared');
    await page.waitForSelector('#panel-shared [data-missing="sharedPersonnel"]', { timeout: 30_000 });
    await expect(page.isVisible('#shared-result')).resolves.toBe(false);
    await page.unroute('**/graphql');
    expectNoPageErrors();
  });

  it('lays the view out with each layout and fits it', async () => {
    await openView(page, app.url, 'period=2015..2020');
    for (const layout of ['concentric', 'breadthfirst', 'grid', 'fcose']) {
      const before = await page.evaluate(() => window.cy!.nodes().map((n) => ({ ...n.position() })));
      await page.selectOption('#layout', layout);
      await page.waitForFunction((b) => window.cy!.nodes().toArray().some((n, i) => Math.abs(n.position().x - b[i].x) > 1), before, { timeout: 30_000 });
      await settle(page);
      await page.waitForTimeout(600);
    }
    await page.evaluate(() => window.cy!.zoom(0.1));
    await page.click('#fit');
    await page.waitForTimeout(600);
    const fitted = await page.evaluate(() => {
      const bb = window.cy!.elements().renderedBoundingBox();
      const box = document.getElementById('cy')!.getBoundingClientRect();
      return bb.w > box.width * 0.5 || bb.h > box.height * 0.5;
    });
    expect(fitted).toBe(true);
    // fcose is the default layout, so the link does not need to name it.
    expect(await page.evaluate(() => location.search)).not.toContain('layout=');
    await shot(page, '17-layout-fit');
    expectNoPageErrors();
  });
});
