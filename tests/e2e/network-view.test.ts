import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { RunningApp } from '../../server/src/http/app';
import { gql } from '../helpers/http';
import { ARTIFACTS, clickNode, nextRender, openView, renders, settle, shot } from './browser';
import { expectNoPageErrors, viewSession } from './view-session';

/**
 * The network view in a real browser against the real API and the shipped graph: drawing, filters, time,
 * search, details and expansion (network-tools.test.ts has the rest). Every test saves a screenshot under
 * tests/artifacts/screenshots/; the first-render timings go to tests/artifacts/first-render.json.
 */

const session = viewSession();
let page: Page;
let app: RunningApp;
beforeEach(() => {
  ({ page, app } = session);
});
const timings: Record<string, number | Record<string, number>> = {};

afterAll(() => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  if (Object.keys(timings).length)
    fs.writeFileSync(path.join(ARTIFACTS, 'first-render.json'), `${JSON.stringify(timings, null, 2)}\n`);
});

/** The view's performance marks (ms since navigation start) and its time to first render. */
async function renderTimings(p: Page): Promise<Record<string, number>> {
  return p.evaluate(() => {
    const out: Record<string, number> = {};
    for (const m of performance.getEntriesByType('mark'))
      out[m.name.replace('peaceops:', '')] = Math.round(m.startTime);
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    if (nav) out.domContentLoaded = Math.round(nav.domContentLoadedEventEnd);
    out.timeToFirstRender = Number(document.body.dataset.firstRenderMs);
    return out;
  });
}

async function countAll(): Promise<{ nodes: number; edges: number }> {
  const res = await gql<{ network: { nodes: { id: string }[]; edges: { id: string }[] } }>(
    app.url,
    '{ network(filter: { mode: FULL, includeStates: true, includeConflicts: true }) { nodes { id } edges { id } } }',
  );
  return { nodes: res.body.data!.network.nodes.length, edges: res.body.data!.network.edges.length };
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
      // Entity nodes: the group boxes (group-box) are drawing aids.
      const labels = new Set(
        cy
          .nodes()
          .not('.group-box')
          .map((n) => n.data('label') as string),
      );
      const missions = cy.nodes('[label = "Mission"]');
      return {
        nodes: cy.nodes().length,
        labels: [...labels].sort(),
        missionsEndedBefore: missions.filter(
          (m) => m.data('end') && String(m.data('end')) < String(new Date().getFullYear() - 29),
        ).length,
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
    expect(info.legend).toEqual(
      expect.arrayContaining([
        'node:Mission',
        'organization:UN',
        'organization:EU',
        'edge:DEPLOYED',
        'edge:IN_CONFLICT',
        'mark:mspo',
      ]),
    );
    expect(info.url).toMatch(/period=\d{4}\.\.\d{4}/);
    expect(info.measure).toBe(1);
    await page.waitForSelector('#panel-charts [data-chart="mspo-share"] canvas');
    await page.waitForSelector('#panel-charts [data-chart="org-personnel"] canvas', { timeout: 30_000 });
    await shot(page, '01-default-view');
    expectNoPageErrors();
  });

  it('draws the whole shipped graph and keeps it interactive', async () => {
    const expected = await countAll();
    await openView(page, app.url, 'period=all&states=1');
    timings.fullGraph = await renderTimings(page);
    const counts = await page.evaluate(() => ({
      nodes: window.cy!.nodes().not('.group-box').length,
      edges: window.cy!.edges().length,
    }));
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
    console.log(
      `first render (ms since navigation): ${JSON.stringify(timings)} (full graph: ${expected.nodes} nodes, ${expected.edges} edges)`,
    );
    expectNoPageErrors();
  });

  it('draws the whole graph with the WebGL renderer', async () => {
    await openView(page, app.url, 'period=all&states=1&webgl=1');
    const r = await page.evaluate(() => ({
      renderer: document.body.dataset.renderer,
      webgl: document.querySelectorAll('#cy canvas[data-id$="webgl"]').length,
      nodes: window.cy!.nodes().length,
    }));
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
      window.cy!.nodes('[label = "Mission"]').map((m) => ({
        id: m.id(),
        orgs: m.data('organizations') as string[],
        kinds: m.data('kinds') as string[],
        start: m.data('start') as string | null,
        end: m.data('end') as string | null,
      })),
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
    const in2004 = await page.evaluate(() => ({
      edges: window
        .cy!.edges()
        .map((e) => e.id())
        .sort(),
      url: location.search,
    }));
    expect(in2004.url).toContain('t=2004');
    expect(in2004.edges.length).toBeGreaterThan(0);
    // The organization network draws no missions: no "0 missions active" beside the slider or in the summary.
    await expect(page.textContent('#time-label')).resolves.toBe('2004');
    await expect(page.textContent('#summary')).resolves.not.toContain('missions active');
    expect(in2004.edges.length).toBeLessThanOrEqual(r.edges);
    await shot(page, '05-organization-network-2004');
    await page.reload();
    await openView(page, app.url, in2004.url.slice(1));
    await expect(
      page.evaluate(() =>
        window
          .cy!.edges()
          .map((e) => e.id())
          .sort(),
      ),
    ).resolves.toEqual(in2004.edges);
    expectNoPageErrors();
  });

  it('shows what was active in a year with the time slider, highlights MSPOs, and plays', async () => {
    await openView(page, app.url, 'period=all');
    await page.$eval('#time', (el) => {
      const input = el as HTMLInputElement;
      input.value = '2004';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    // The MSPO marks of a year are the server's answer (mspoShare): wait until it has come.
    await page.waitForFunction(
      () => /^2004: \d+ missions active, \d+ in MSPOs/.test(document.getElementById('time-label')?.textContent ?? ''),
      undefined,
      { timeout: 30_000 },
    );
    await settle(page);
    const r = await page.evaluate(() => {
      const cy = window.cy!;
      const shown = cy.nodes('[label = "Mission"]').filter((m) => m.visible());
      const inactiveShown = shown.filter(
        (m) =>
          (m.data('start') && String(m.data('start')) > '2004-12-31') ||
          (m.data('end') && String(m.data('end')) < '2004'),
      );
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
    await page.waitForFunction(() => new URLSearchParams(location.search).get('t') !== '2004', undefined, {
      timeout: 20_000,
    });
    await page.click('#play');
    const paused = await page.evaluate(() => ({
      t: new URLSearchParams(location.search).get('t'),
      label: document.getElementById('play')!.getAttribute('aria-label'),
    }));
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
    const index = await page.$$eval('#search-list li[role="option"]', (lis) =>
      lis.findIndex((li) => li.getAttribute('data-id') === 'EUFOR-ALTHEA'),
    );
    for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#details-title[data-node-id="EUFOR-ALTHEA"]');
    await page.waitForTimeout(500);
    const r = await page.evaluate(() => ({
      selected: window.cy!.$(':selected').map((n) => n.id()),
      zoom: window.cy!.zoom(),
      url: location.search,
    }));
    expect(r.selected).toEqual(['EUFOR-ALTHEA']);
    expect(r.zoom).toBeGreaterThan(zoomBefore);
    expect(r.url).toContain('sel=EUFOR-ALTHEA');
    await shot(page, '08-search-focus');
    expectNoPageErrors();
  });

  it('opens the details of a clicked node: properties, sources, personnel over time and related entities', async () => {
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
        // Recorded cooperation with other missions, a row per link: kind, the other mission, dates, source.
        cooperation: [...panel.querySelectorAll('table[data-table="cooperation"] tbody tr')].map(
          (tr) => tr.querySelector('td')?.textContent ?? '',
        ),
      };
    });
    expect(r.title).toBe('UNMIL');
    expect(r.rows).toEqual(expect.arrayContaining(['Id', 'Start', 'Organizations', 'Hosts']));
    expect(r.sources.some((s) => s.startsWith('ipi-missions'))).toBe(true);
    expect(r.chart).toBe(true);
    expect(r.related.some((t) => t.startsWith('← DEPLOYED'))).toBe(true);
    expect(r.cooperation).toContain('handover');
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
      // Entity nodes: a group box (group-box) is as large as what it holds is drawn, which follows the zoom.
      window
        .cy!.nodes()
        .not('.group-box')
        .forEach((n) => {
          out[n.id()] = { ...n.position() };
        });
      return out;
    });
    await clickNode(page, 'UNAMID', { double: true });
    await page.waitForFunction(() => new URLSearchParams(location.search).get('exp') === 'UNAMID', undefined, {
      timeout: 30_000,
    });
    await settle(page);
    const after = await page.evaluate(() => {
      const out: Record<string, { x: number; y: number }> = {};
      // Entity nodes: a group box (group-box) is as large as what it holds is drawn, which follows the zoom.
      window
        .cy!.nodes()
        .not('.group-box')
        .forEach((n) => {
          out[n.id()] = { ...n.position() };
        });
      return {
        positions: out,
        states: window.cy!.getElementById('UNAMID').neighborhood('node[label = "State"]').length,
        url: location.search,
      };
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

  it("marks as MSPO exactly the missions mspoShare lists for the view's period, also after expanding a mission", async () => {
    await openView(page, app.url);
    const marks = () =>
      page.evaluate(() =>
        window
          .cy!.nodes('[label = "Mission"]')
          .filter((n) => Boolean(n.data('mspo')))
          .map((n) => n.id())
          .sort(),
      );
    const before = await marks();
    expect(before).toContain('UNAMID');
    // The server's rule for the same period: the view's default filter covers the last 30 years.
    const now = new Date().getFullYear();
    const answer = await gql<{ mspoShare: { periods: { mspoMissionIds: string[] }[] } }>(
      app.url,
      `{ mspoShare(from: "${now - 29}", to: "${now}") { periods { mspoMissionIds } } }`,
    );
    const listed = new Set(answer.body.data!.mspoShare.periods.flatMap((p) => p.mspoMissionIds));
    const inView = await page.evaluate(() => window.cy!.nodes('[label = "Mission"]').map((n) => n.id()));
    expect(before).toEqual(inView.filter((id) => listed.has(id)).sort());
    await clickNode(page, 'UNAMID', { double: true });
    await page.waitForFunction(() => new URLSearchParams(location.search).get('exp') === 'UNAMID', undefined, {
      timeout: 30_000,
    });
    await settle(page);
    const after = await page.evaluate(() => ({
      flagged: Boolean(window.cy!.getElementById('UNAMID').data('mspo')),
      ring: window.cy!.getElementById('UNAMID').hasClass('mspo'),
    }));
    expect(after).toEqual({ flagged: true, ring: true });
    const kept = await marks();
    const nowInView = await page.evaluate(() => window.cy!.nodes('[label = "Mission"]').map((n) => n.id()));
    expect(kept).toEqual(nowInView.filter((id) => listed.has(id)).sort());
    expectNoPageErrors();
  });
});
