import type { EdgeSingular } from 'cytoscape';
import type { Page } from 'playwright-core';
import type { RunningApp } from '../../server/src/http/app';
import { gql } from '../helpers/http';
import { openView, settle, shot } from './browser';
import { expectNoPageErrors, viewSession } from './view-session';

/**
 * One time and explaining in place, in a real browser on the shipped graph: paths that follow the time slider,
 * path options (types avoided, step limit) kept in the link, the shared-personnel panel at the slider's year with
 * figures that say what they are, and the edge panel.
 */

const session = viewSession();
let page: Page;
let app: RunningApp;
beforeEach(() => {
  ({ page, app } = session);
});

/** Moves the time slider as a user would (an input event on the range). */
async function setSlider(p: Page, year: string): Promise<void> {
  await p.$eval(
    '#time',
    (el, y) => {
      const input = el as HTMLInputElement;
      input.value = y;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    },
    year,
  );
}

interface PathNode {
  id: string;
  label: string;
  start: string | null;
  end: string | null;
}

/** The nodes and edges highlighted as paths, and the sentences and steps the panel shows. */
async function shownPaths(p: Page): Promise<{
  sentences: string[];
  steps: string[];
  nodes: PathNode[];
  edges: { type: string; start: string | null; end: string | null }[];
}> {
  return p.evaluate(() => ({
    sentences: [...document.querySelectorAll('#path-results .sentence')].map((e) => e.textContent ?? ''),
    steps: [...document.querySelectorAll('#path-results .steps')].map((e) => e.textContent ?? ''),
    nodes: window.cy!.nodes('.path').map((n) => ({
      id: n.id(),
      label: n.data('label') as string,
      start: n.data('start') as string | null,
      end: n.data('end') as string | null,
    })),
    edges: window.cy!.edges('.path').map((e) => ({
      type: e.data('type') as string,
      start: e.data('start') as string | null,
      end: e.data('end') as string | null,
    })),
  }));
}

/** Whether something from `start` to `end` (open ends: unknown start, ongoing) overlaps the year. */
function activeIn(year: number, start: string | null, end: string | null): boolean {
  return (!start || start <= `${year}-12-31`) && (!end || `${end}-99` >= `${year}-01-01`);
}

describe('network view: one time, explained in place', () => {
  it('asks for paths active in the slider’s year, and asks again when the slider moves', async () => {
    // All years first: EU and AU are linked through AMIS (2004–2007), among others.
    await openView(page, app.url, 'period=all&from=EU&to=AU&tab=path');
    await page.waitForSelector('#path-period-note[data-period="all years"]', { timeout: 30_000 });
    await page.waitForSelector('#path-results .sentence', { timeout: 30_000 });
    const all = await shownPaths(page);
    expect(all.sentences.length).toBeGreaterThan(0);
    const allMissions = all.nodes.filter((n) => n.label === 'Mission');
    // Without the slider, the paths may go through missions that were not active in 2003.
    expect(allMissions.some((m) => !activeIn(2003, m.start, m.end))).toBe(true);

    await setSlider(page, '2003');
    await page.waitForSelector('#path-period-note[data-period="2003"]', { timeout: 30_000 });
    await settle(page);
    const at2003 = await shownPaths(page);
    expect(at2003.sentences.length).toBeGreaterThan(0);
    expect(at2003.sentences).not.toEqual(all.sentences);
    // Every mission and every dated relationship on the paths was active in 2003.
    const missions = at2003.nodes.filter((n) => n.label === 'Mission');
    expect(missions.length).toBeGreaterThan(0);
    for (const m of missions)
      expect({ id: m.id, active: activeIn(2003, m.start, m.end) }).toEqual({ id: m.id, active: true });
    for (const e of at2003.edges)
      if (e.start || e.end) expect({ ...e, active: activeIn(2003, e.start, e.end) }).toMatchObject({ active: true });
    // The sentences are the API's answer for 2003.
    const api = await gql<{ paths: { sentence: string }[] }>(
      app.url,
      'query($f: ID!, $t: ID!) { paths(from: $f, to: $t, k: 3, maxHops: 6, activeIn: { from: "2003", to: "2003" }) { sentence } }',
      { f: 'EU', t: 'AU' },
    );
    expect(at2003.sentences).toEqual(api.body.data!.paths.map((p) => p.sentence));
    expect(await page.textContent('#path-period-note')).toMatch(/active in 2003 — the slider’s time/);
    await shot(page, '30-path-at-2003');
    expectNoPageErrors();
  });

  it('avoids a relationship type and limits the steps, and keeps the options in the link', async () => {
    await openView(page, app.url, 'period=all&from=EU&to=AU&tab=path');
    await page.waitForSelector('#path-results .sentence', { timeout: 30_000 });
    const before = await shownPaths(page);
    expect(before.edges.map((e) => e.type)).toContain('SUPPORTED');
    await page.uncheck('#path-options input[name="path-type"][value="SUPPORTED"]');
    await page.waitForFunction(() => new URLSearchParams(location.search).has('ptypes'), undefined, {
      timeout: 30_000,
    });
    await page.waitForFunction(
      () => {
        const steps = [...document.querySelectorAll('#path-results .steps')].map((e) => e.textContent ?? '');
        return steps.length > 0 && steps.every((s) => !s.includes('SUPPORTED'));
      },
      undefined,
      { timeout: 30_000 },
    );
    await settle(page);
    const avoided = await shownPaths(page);
    expect(avoided.edges.length).toBeGreaterThan(0);
    expect(avoided.edges.map((e) => e.type)).not.toContain('SUPPORTED');
    expect(await page.textContent('#path-period-note')).toContain('avoiding SUPPORTED');

    // At most 3 steps, one path.
    await page.fill('#path-hops', '3');
    await page.press('#path-hops', 'Enter');
    await page.fill('#path-k', '1');
    await page.press('#path-k', 'Enter');
    await page.waitForFunction(
      () =>
        new URLSearchParams(location.search).get('pk') === '1' &&
        new URLSearchParams(location.search).get('phops') === '3',
      undefined,
      { timeout: 30_000 },
    );
    await page.waitForFunction(() => document.querySelectorAll('#path-results .sentence').length === 1, undefined, {
      timeout: 30_000,
    });
    await settle(page);
    const limited = await shownPaths(page);
    expect(limited.edges.length).toBeLessThanOrEqual(3);
    expect(limited.edges.map((e) => e.type)).not.toContain('SUPPORTED');

    // The link reproduces the options.
    const link = await page.evaluate(() => location.search.slice(1));
    expect(new URLSearchParams(link).get('ptypes')?.split(',')).not.toContain('SUPPORTED');
    await openView(page, app.url, link);
    await page.waitForSelector('#path-results .sentence', { timeout: 30_000 });
    expect(await page.isChecked('#path-options input[value="SUPPORTED"]')).toBe(false);
    expect(await page.isChecked('#path-options input[value="DEPLOYED"]')).toBe(true);
    expect(await page.inputValue('#path-hops')).toBe('3');
    expect((await shownPaths(page)).sentences).toEqual(limited.sentences);
    await shot(page, '31-path-options');
    expectNoPageErrors();
  });

  it('compares two missions at the slider’s year: the labels name the year and the figures are the API’s', async () => {
    await openView(page, app.url, 'a=UNMIL&b=UNOCI&tab=shared');
    await page.waitForSelector('#shared-result', { timeout: 30_000 });
    const rowsOf = () =>
      page.$$eval('#shared-result tbody tr', (trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
      );
    const periodRows = await rowsOf();
    await setSlider(page, '2008');
    await page.waitForSelector('#shared-result[data-period="2008"]', { timeout: 30_000 });
    const shown = await page.evaluate(() => ({
      headers: [...document.querySelectorAll('#shared-result thead th')].map((th) => th.textContent ?? ''),
      caption: document.querySelector('#shared-result caption')?.textContent ?? '',
      note: document.getElementById('shared-period-note')?.textContent ?? '',
      sources: document.getElementById('shared-sources')?.textContent ?? '',
      rows: [...document.querySelectorAll('#shared-result tbody tr')].map((tr) =>
        [...tr.querySelectorAll('td')].map((td) => td.textContent ?? ''),
      ),
      jaccard:
        [...document.querySelectorAll('#shared-result .score')].find((s) => (s.textContent ?? '').endsWith('Jaccard'))
          ?.textContent ?? '',
    }));
    expect(shown.headers).toEqual([
      'State',
      'UNMIL: peak monthly personnel, 2008',
      'UNOCI: peak monthly personnel, 2008',
    ]);
    expect(shown.caption).toContain('2008');
    expect(shown.note).toMatch(/^For 2008 \(the slider’s time/);
    expect(shown.note).toContain('months counted: 2008-01 to 2008-12');

    const api = await gql<{
      sharedPersonnel: {
        jaccard: number;
        sources: string[];
        states: { state: { name: string }; a: number | null; b: number | null }[];
      };
    }>(
      app.url,
      'query { sharedPersonnel(a: "UNMIL", b: "UNOCI", between: { from: "2008", to: "2008" }) { jaccard sources states { state { name } a b } } }',
    );
    const expected = api.body.data!.sharedPersonnel;
    const figure = (v: number | null): string => (v === null ? 'present' : v.toLocaleString('en'));
    expect(expected.states.length).toBeGreaterThan(0);
    expect(shown.rows).toEqual(expected.states.map((s) => [s.state.name, figure(s.a), figure(s.b)]));
    expect(shown.jaccard).toBe(`${expected.jaccard.toFixed(2)}Jaccard`);
    for (const s of expected.sources) expect(shown.sources).toContain(s);
    // The view's whole period gave other figures: the panel did not keep them.
    expect(shown.rows).not.toEqual(periodRows);
    await shot(page, '32-shared-at-2008');
    expectNoPageErrors();
  });

  it('explains a clicked edge: type, dates with their precision, sources and the documents cited; Esc closes it', async () => {
    // Support links whose records cite a document with a web address (read from the database, not assumed).
    const cited = (
      await session.db.read<{ pair: string }>(
        "MATCH (a)-[r:SUPPORTED {source: 'curated'}]->(b) WHERE r.start IS NOT NULL AND r.sourceRef CONTAINS 'http' RETURN DISTINCT a.id + '>' + b.id AS pair",
      )
    ).map((r) => r.pair);
    expect(cited.length).toBeGreaterThan(0);
    await openView(page, app.url);
    // A dated support edge (its records cite documents with links), clicked with the mouse where it is on top.
    const aim = await page.evaluate((citedPairs) => {
      const cy = window.cy!;
      const renderer = (
        cy as unknown as {
          renderer(): {
            projectIntoViewport(x: number, y: number): [number, number];
            findNearestElements(x: number, y: number, i: boolean, t: boolean): { id(): string }[];
          };
        }
      ).renderer();
      const box = cy.container()!.getBoundingClientRect();
      const candidates = cy
        .edges('[type = "SUPPORTED"]')
        .filter(
          (e) =>
            e.visible() &&
            Boolean(e.data('start')) &&
            (e.data('sources') as string[]).includes('curated') &&
            citedPairs.includes(`${e.source().id()}>${e.target().id()}`),
        );
      for (const edge of candidates.toArray() as EdgeSingular[]) {
        cy.zoom(2.5);
        cy.center(edge);
        // On the drawn line (a bundle of parallel edges is curved): the midpoint, then points towards either end.
        const m = edge.renderedMidpoint();
        const s = edge.renderedSourceEndpoint();
        const t = edge.renderedTargetEndpoint();
        const points = [
          m,
          ...[0.2, 0.35, 0.5].flatMap((f) => [
            { x: m.x + (s.x - m.x) * f, y: m.y + (s.y - m.y) * f },
            { x: m.x + (t.x - m.x) * f, y: m.y + (t.y - m.y) * f },
          ]),
        ];
        for (const pt of points) {
          const x = box.left + pt.x;
          const y = box.top + pt.y;
          const [mx, my] = renderer.projectIntoViewport(x, y);
          if (renderer.findNearestElements(mx, my, true, false)[0]?.id() === edge.id()) {
            return {
              x,
              y,
              id: edge.id(),
              type: edge.data('type') as string,
              start: edge.data('start') as string,
              end: edge.data('end') as string | null,
              sources: edge.data('sources') as string[],
              source: edge.source().id(),
              target: edge.target().id(),
            };
          }
        }
      }
      return null;
    }, cited);
    expect(aim).not.toBeNull();
    await page.waitForTimeout(150);
    await page.mouse.click(aim!.x, aim!.y);
    await page.waitForSelector(`#edge-title[data-edge-id="${aim!.id}"]`, { timeout: 10_000 });
    await page.waitForSelector('#edge-refs a[href^="http"]', { timeout: 30_000 });
    const panel = await page.evaluate(() => ({
      rows: Object.fromEntries(
        [...document.querySelectorAll('#edge-props tr')].map((tr) => [
          tr.querySelector('th')?.textContent ?? '',
          tr.querySelector('td')?.textContent ?? '',
        ]),
      ),
      sources: [...document.querySelectorAll('#edge-sources li')].map((li) => li.getAttribute('data-source')),
      refs: [...document.querySelectorAll('#edge-refs li')].map((li) => li.textContent ?? ''),
      selected: window.cy!.edges(':selected').map((e) => e.id()),
    }));
    expect(panel.rows.Type).toBe(aim!.type);
    const precision = aim!.start.length === 4 ? 'year' : aim!.start.length === 7 ? 'month' : 'day';
    expect(panel.rows.Start).toBe(`${aim!.start} (to the ${precision}, as the source gives it)`);
    if (aim!.end) expect(panel.rows.End).toContain(aim!.end);
    expect(panel.sources).toEqual(aim!.sources);
    expect(panel.refs.length).toBeGreaterThan(0);
    expect(panel.selected).toEqual([aim!.id]);
    await shot(page, '33-edge-panel');

    // An end opens its details.
    await page.click(`#panel-details .edge-ends button[data-focus="${aim!.target}"]`);
    await page.waitForSelector(`#details-title[data-node-id="${aim!.target}"]`, { timeout: 10_000 });

    // Opened again, Esc closes it.
    await page.evaluate((id) => window.cy!.getElementById(id).emit('tap'), aim!.id);
    await page.waitForSelector(`#edge-title[data-edge-id="${aim!.id}"]`, { timeout: 10_000 });
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.getElementById('edge-title'), undefined, { timeout: 10_000 });
    expect(await page.evaluate(() => window.cy!.edges(':selected').length)).toBe(0);
    expectNoPageErrors();
  });
});
