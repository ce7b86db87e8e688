import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { Database } from '../../server/src/db/database';
import type { RunningApp } from '../../server/src/http/app';
import { ARTIFACTS, clickNode, openView, settle, shot } from './browser';
import { expectNoPageErrors, viewSession } from './view-session';

/**
 * The network view's tools in a real browser against the real API and the shipped graph: paths, shared
 * personnel, export, links, hostile names, API errors and layouts. Every test saves a screenshot under
 * tests/artifacts/screenshots/.
 */

const XSS_ID = 'E2E-XSS';
const XSS_NAME = '<img src=x onerror="window.__xss=1">';
const XSS_FULL = '<script>window.__xss=2</script> Mission <b>bold</b>';

const session = viewSession();
let page: Page;
let app: RunningApp;
let db: Database;
beforeEach(() => {
  ({ page, app, db } = session);
});

describe('network view tools', () => {
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
      rows: [...document.querySelectorAll('#shared-result tbody tr')].map((tr) =>
        [...tr.querySelectorAll('td')].map((td) => td.textContent),
      ),
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
    // Entity nodes: the group boxes (group-box) are drawing aids, not exported.
    const visible = await page.evaluate(
      () =>
        window
          .cy!.nodes()
          .not('.group-box')
          .filter((n) => n.visible()).length,
    );
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
    await page.waitForFunction(() => new URLSearchParams(location.search).get('exp') === 'MINUSMA', undefined, {
      timeout: 30_000,
    });
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
    // The MSPO marks of 2015 are the server's answer: wait until it has come on each page.
    const marksLoaded = () => !(document.getElementById('time-label')?.textContent ?? '…').includes('…');
    const snapshot = () =>
      page.evaluate(() => ({
        visible: window
          .cy!.nodes()
          .filter((n) => n.visible())
          .map((n) => n.id())
          .sort(),
        mspo: window
          .cy!.nodes('.mspo')
          .map((n) => n.id())
          .sort(),
        layout: (document.getElementById('layout') as HTMLSelectElement).value,
        time: document.getElementById('time-label')?.textContent,
        hidden: window.cy!.getElementById('UN').visible(),
      }));
    await page.waitForFunction(marksLoaded, undefined, { timeout: 30_000 });
    const original = await snapshot();
    const second = await page.context().newPage();
    try {
      await openView(second, app.url, link.split('?')[1]);
      await second.waitForFunction(
        () => window.cy!.getElementById('MINUSMA').neighborhood('node[label = "State"]').length > 5,
        undefined,
        { timeout: 30_000 },
      );
      await second.waitForFunction(marksLoaded, undefined, { timeout: 30_000 });
      await settle(second);
      const reproduced = await second.evaluate(() => ({
        visible: window
          .cy!.nodes()
          .filter((n) => n.visible())
          .map((n) => n.id())
          .sort(),
        mspo: window
          .cy!.nodes('.mspo')
          .map((n) => n.id())
          .sort(),
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
    try {
      await db.write(
        `MATCH (un:Organization {id: 'UN'})
         MERGE (m:Mission {id: $id}) SET m.acronym = $acronym, m.name = $name, m.start = '2011-01-01', m.kinds = ['military'], m.sources = ['e2e']
         MERGE (un)-[:DEPLOYED]->(m)`,
        { id: XSS_ID, acronym: XSS_NAME, name: XSS_FULL },
      );
      await openView(page, app.url, `sel=${XSS_ID}&tab=details`);
      await page.waitForSelector(`#details-title[data-node-id="${XSS_ID}"]`);
      const r = await page.evaluate(
        (id) => ({
          title: document.getElementById('details-title')?.textContent,
          panelText: document.getElementById('panel-details')?.textContent ?? '',
          injected: document.querySelectorAll(
            '#panel-details img, #panel-details script, #panel-details b, #legend img, #search-list img',
          ).length,
          xss: window.__xss,
          label: window.cy!.getElementById(id).data('name') as string,
        }),
        XSS_ID,
      );
      expect(r.title).toBe(XSS_NAME);
      expect(r.panelText).toContain(XSS_FULL);
      expect(r.injected).toBe(0);
      expect(r.xss).toBeUndefined();
      expect(r.label).toBe(XSS_NAME);
      // The payload in search suggestions is text too.
      await page.fill('#search-input', 'Mission bold');
      await page.waitForSelector(`#search-list li[data-id="${XSS_ID}"]`, { timeout: 15_000 }).catch(() => undefined);
      const suggestion = await page.evaluate(
        (id) => document.querySelector(`#search-list li[data-id="${id}"] .name`)?.textContent ?? null,
        XSS_ID,
      );
      if (suggestion !== null) expect(suggestion).toBe(XSS_NAME);
      await expect(
        page.evaluate(() => document.querySelectorAll('#search-list img, #search-list script').length),
      ).resolves.toBe(0);
      await expect(page.evaluate(() => window.__xss)).resolves.toBeUndefined();
      await shot(page, '15-html-payload-as-text');
      expectNoPageErrors();
    } finally {
      await db.write('MATCH (n {id: $id}) DETACH DELETE n', { id: XSS_ID });
    }
  });

  it('explains API errors and bad input instead of going blank', async () => {
    await page.route('**/graphql', async (route) => {
      const body = route.request().postData() ?? '';
      if (body.includes('query Network')) {
        await route.fulfill({
          status: 200,
          contentType: 'application/json',
          body: JSON.stringify({
            errors: [{ message: 'The database is not reachable.', extensions: { code: 'SERVICE_UNAVAILABLE' } }],
            data: null,
          }),
        });
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

  it('says in each panel when its query fails, keeping what the network gave, and shows progress on slow answers', async () => {
    const failure = JSON.stringify({
      errors: [{ message: 'The database is not reachable.', extensions: { code: 'SERVICE_UNAVAILABLE' } }],
      data: null,
    });
    await page.route('**/graphql', async (route) => {
      const body = route.request().postData() ?? '';
      if (/query (NodeDetails|Shared|Stats)\b/.test(body))
        await route.fulfill({ status: 200, contentType: 'application/json', body: failure });
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
    // Charts: the browser computes no statistic of its own; the panel says why there is none.
    await page.waitForSelector('#panel-charts [data-problem="stats"]', { timeout: 30_000 });
    await expect(page.textContent('#panel-charts [data-problem="stats"]')).resolves.toContain(
      'The database is not reachable.',
    );
    await expect(page.$('#panel-charts [data-chart="mspo-share"]')).resolves.toBeNull();
    // Details: the properties from the network data, and the error instead of the rest.
    await clickNode(page, 'UNMIL');
    await page.waitForSelector('#panel-details .error-inline', { timeout: 30_000 });
    await expect(page.textContent('#panel-details .error-inline')).resolves.toContain('SERVICE_UNAVAILABLE');
    await expect(page.textContent('#panel-details .props')).resolves.toContain('UNMIL');
    await shot(page, '18-details-failed');
    await page.click('#tab-shared');
    await page.waitForSelector('#panel-shared .error-inline', { timeout: 30_000 });
    await expect(page.textContent('#panel-shared .error-inline')).resolves.toContain('The database is not reachable.');
    await expect(page.isVisible('#shared-result')).resolves.toBe(false);
    await page.unroute('**/graphql');
    expectNoPageErrors();
  });

  it('lays the view out with each layout and fits it', async () => {
    await openView(page, app.url, 'period=2015..2020');
    for (const layout of ['concentric', 'breadthfirst', 'grid', 'fcose']) {
      // By id: the force layout adds the group boxes (before it places anything, as it runs off the page's thread).
      const before = await page.evaluate(() =>
        Object.fromEntries(window.cy!.nodes().map((n) => [n.id(), { ...n.position() }] as const)),
      );
      await page.selectOption('#layout', layout);
      await page.waitForFunction(
        (b) =>
          window
            .cy!.nodes()
            .toArray()
            .some((n) => b[n.id()] !== undefined && Math.abs(n.position().x - b[n.id()].x) > 1),
        before,
        { timeout: 30_000 },
      );
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
