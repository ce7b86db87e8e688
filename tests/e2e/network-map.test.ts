import { openView, settle, shot } from './browser';
import { expectNoPageErrors, viewSession } from './view-session';
import type { NodeCollection } from 'cytoscape';
import type { Page } from 'playwright-core';
import type { RunningApp } from '../../server/src/http/app';

/**
 * The map layout in a real browser on the shipped graph: the world outline under the canvas, missions at their
 * headquarters and states at their capitals, the column of what has no place, the outline following pan and
 * zoom, and the time slider acting on the map as on the other layouts.
 */

const session = viewSession();
let page: Page;
let app: RunningApp;
beforeEach(() => {
  ({ page, app } = session);
});

/** Model position of a node, and whether it is shown. */
const nodeAt = (id: string) =>
  page.evaluate((nodeId) => {
    const n = window.cy!.getElementById(nodeId);
    return n.empty()
      ? null
      : {
          x: n.position('x'),
          y: n.position('y'),
          visible: n.visible(),
          place: n.data('place') as { label: string; basis: string } | null,
        };
  }, id);

/** The outline group's transform, as numbers. */
const outlineTransform = () =>
  page.evaluate(() => {
    const g = document.querySelector('#map-underlay .map-world');
    const m = /^translate\(([-\d.e]+) ([-\d.e]+)\) scale\(([-\d.e]+)\)$/.exec(g?.getAttribute('transform') ?? '');
    const cy = window.cy!;
    return { t: m ? { x: Number(m[1]), y: Number(m[2]), zoom: Number(m[3]) } : null, pan: cy.pan(), zoom: cy.zoom() };
  });

describe('network view: the map', () => {
  it('draws the world under the nodes, missions at their headquarters, states at their capitals, the rest in a column', async () => {
    await openView(page, app.url, 'layout=map&states=1');
    await expect(page.inputValue('#layout')).resolves.toBe('map');
    const outline = await page.evaluate(() => {
      const root = document.getElementById('map-underlay');
      const paths = [...document.querySelectorAll<SVGPathElement>('#map-underlay path.map-country')];
      return {
        underCanvas: !!root && root.nextElementSibling?.id === 'cy',
        countries: paths.length,
        drawn: paths.filter((p) => (p.getAttribute('d') ?? '').length > 40).length,
        names: paths.map((p) => p.dataset.name),
        wrapOn: document.getElementById('cy-wrap')!.classList.contains('map-on'),
        note: document.getElementById('map-note')?.textContent ?? '',
      };
    });
    // The outline comes from the bundle (world-atlas 1:110m: 177 countries), drawn under the canvas.
    expect(outline.underCanvas).toBe(true);
    expect(outline.wrapOn).toBe(true);
    expect(outline.countries).toBeGreaterThan(150);
    expect(outline.drawn).toBeGreaterThan(150);
    expect(outline.names).toEqual(expect.arrayContaining(['Sudan', 'Liberia', 'France']));
    expect(outline.note).toMatch(/Missions at their headquarters \(\d+;/);
    expect(outline.note).toMatch(/States at their capitals \(\d+;/);
    expect(outline.note).toMatch(/Conflicts at the capital of the state UCDP locates them in \(\d+\)/);

    // UNMISS (Juba) lies east of UNMIL (Monrovia); MINURSO (Laayoune) north of UNMIL; MONUSCO (Kinshasa) south of UNMISS.
    const [unmiss, unmil, minurso, monusco, unamid] = await Promise.all(
      ['UNMISS', 'UNMIL', 'MINURSO', 'MONUSCO', 'UNAMID'].map(nodeAt),
    );
    expect(unmiss?.place?.label).toBe('Juba');
    expect(unmil?.place?.label).toBe('Monrovia');
    expect(unmiss!.x).toBeGreaterThan(unmil!.x + 200);
    expect(minurso!.y).toBeLessThan(unmil!.y - 100);
    expect(monusco!.y).toBeGreaterThan(unmiss!.y + 50);
    // The outline and the nodes share one frame: UNAMID's headquarters (El Fasher) falls inside Sudan's outline.
    const inSudan = await page.evaluate(
      ([x, y]) => {
        const sudan = [...document.querySelectorAll<SVGPathElement>('#map-underlay path.map-country')].find(
          (p) => p.dataset.name === 'Sudan',
        );
        const chad = [...document.querySelectorAll<SVGPathElement>('#map-underlay path.map-country')].find(
          (p) => p.dataset.name === 'Chad',
        );
        return { sudan: sudan?.isPointInFill(new DOMPoint(x, y)), chad: chad?.isPointInFill(new DOMPoint(x, y)) };
      },
      [unamid!.x, unamid!.y] as const,
    );
    expect(inSudan).toEqual({ sudan: true, chad: false });

    // States with a capital stand on the map; Palestine (no capital in Natural Earth's 1:110m places), the
    // organizations and the other nodes without a place stand in the column, and the column says how many.
    const split = await page.evaluate(() => {
      const cy = window.cy!;
      const left = Number(document.getElementById('map-underlay')!.dataset.offmapLeft);
      const shown = cy.nodes().filter((n) => n.visible() && !n.isParent()) as unknown as NodeCollection;
      const states = shown.filter((n) => n.data('label') === 'State');
      return {
        left,
        statesPlaced: states.filter((n) => !!n.data('place')).length,
        placedInColumn: shown.filter((n) => !!n.data('place') && n.position('x') <= left).map((n) => n.id()),
        unplacedOnMap: shown.filter((n) => !n.data('place') && n.position('x') > left).map((n) => n.id()),
        unplaced: shown.filter((n) => !n.data('place')).length,
        organizationsUnplaced: shown.filter((n) => n.data('label') === 'Organization' && !n.data('place')).length,
        organizations: shown.filter((n) => n.data('label') === 'Organization').length,
        pse: cy.getElementById('PSE').nonempty() ? cy.getElementById('PSE').position('x') : null,
        title: document.querySelector('#map-underlay .map-offmap-title')?.textContent ?? '',
        count: Number(document.getElementById('map-underlay')!.dataset.offmap),
      };
    });
    expect(split.statesPlaced).toBeGreaterThan(40);
    expect(split.placedInColumn).toEqual([]);
    expect(split.unplacedOnMap).toEqual([]);
    expect(split.organizations).toBeGreaterThan(5);
    expect(split.organizationsUnplaced).toBe(split.organizations);
    expect(split.pse).not.toBeNull();
    expect(split.pse!).toBeLessThanOrEqual(split.left);
    expect(split.count).toBe(split.unplaced);
    expect(split.title).toBe(`not on the map: ${split.unplaced}`);
    const lbr = await nodeAt('LBR');
    expect(lbr?.place).toMatchObject({ label: 'Monrovia', basis: 'CAPITAL' });
    await shot(page, 'map-default-with-states');
    expectNoPageErrors();
  });

  it('moves the outline with the nodes when the view is panned or zoomed', async () => {
    await openView(page, app.url, 'layout=map');
    const before = await outlineTransform();
    expect(before.t).toEqual({
      x: expect.closeTo(before.pan.x, 3),
      y: expect.closeTo(before.pan.y, 3),
      zoom: expect.closeTo(before.zoom, 6),
    });
    const sudanBox = () =>
      page.evaluate(() => {
        const p = [...document.querySelectorAll<SVGPathElement>('#map-underlay path.map-country')].find(
          (x) => x.dataset.name === 'Sudan',
        )!;
        const b = p.getBoundingClientRect();
        const n = window.cy!.getElementById('UNAMID').renderedPosition();
        return { left: b.left, top: b.top, node: n };
      });
    const a = await sudanBox();
    await page.evaluate(() => window.cy!.panBy({ x: 140, y: -90 }));
    await settle(page);
    const moved = await outlineTransform();
    expect(moved.t).toEqual({
      x: expect.closeTo(before.pan.x + 140, 3),
      y: expect.closeTo(before.pan.y - 90, 3),
      zoom: expect.closeTo(before.zoom, 6),
    });
    const b = await sudanBox();
    // The country and the node moved together, by the pan.
    expect(b.left - a.left).toBeCloseTo(140, 0);
    expect(b.top - a.top).toBeCloseTo(-90, 0);
    expect(b.node.x - a.node.x).toBeCloseTo(140, 0);
    expect(b.node.y - a.node.y).toBeCloseTo(-90, 0);
    await page.evaluate(() =>
      window.cy!.zoom({
        level: window.cy!.zoom() * 2,
        renderedPosition: window.cy!.getElementById('UNAMID').renderedPosition(),
      }),
    );
    await settle(page);
    const zoomed = await outlineTransform();
    expect(zoomed.t).toEqual({
      x: expect.closeTo(zoomed.pan.x, 3),
      y: expect.closeTo(zoomed.pan.y, 3),
      zoom: expect.closeTo(zoomed.zoom, 6),
    });
    expect(zoomed.zoom).toBeCloseTo(before.zoom * 2, 6);
    // UNAMID, zoomed around, is still inside Sudan's outline on the screen.
    const c = await page.evaluate(() => {
      const p = [...document.querySelectorAll<SVGPathElement>('#map-underlay path.map-country')]
        .find((x) => x.dataset.name === 'Sudan')!
        .getBoundingClientRect();
      const box = document.getElementById('cy')!.getBoundingClientRect();
      const n = window.cy!.getElementById('UNAMID').renderedPosition();
      return {
        inside:
          box.left + n.x > p.left && box.left + n.x < p.right && box.top + n.y > p.top && box.top + n.y < p.bottom,
      };
    });
    expect(c.inside).toBe(true);
    expectNoPageErrors();
    // Each pan and zoom waits for a frame of the whole map: slow on a loaded machine.
  }, 300_000);

  it('hides inactive missions on the map with the time slider, keeping every place, and goes when another layout is chosen', async () => {
    await openView(page, app.url, 'layout=map');
    const unamidBefore = await nodeAt('UNAMID');
    await page.$eval('#time', (el) => {
      const input = el as HTMLInputElement;
      input.value = '2005';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.waitForFunction(
      () => /^2005: \d+ missions active/.test(document.getElementById('time-label')?.textContent ?? ''),
      undefined,
      { timeout: 30_000 },
    );
    await settle(page);
    // UNMISS began in 2011, UNAMID in 2007: both hidden in 2005; UNMIL (2003-2018) shown, at Monrovia still.
    const [unmiss, unamid, unmil] = await Promise.all(['UNMISS', 'UNAMID', 'UNMIL'].map(nodeAt));
    expect(unmiss?.visible).toBe(false);
    expect(unamid?.visible).toBe(false);
    expect(unmil?.visible).toBe(true);
    const shown = await page.evaluate(() => {
      const cy = window.cy!;
      const missions = cy.nodes('[label = "Mission"]').filter((m) => m.visible());
      return {
        inactive: missions
          .filter(
            (m) =>
              (m.data('start') && String(m.data('start')) > '2005-12-31') ||
              (m.data('end') && String(m.data('end')) < '2005'),
          )
          .map((m) => m.id()),
        count: missions.length,
        underlay: !!document.getElementById('map-underlay'),
        url: location.search,
      };
    });
    expect(shown.inactive).toEqual([]);
    expect(shown.count).toBeGreaterThan(10);
    expect(shown.underlay).toBe(true);
    expect(shown.url).toContain('layout=map');
    expect(shown.url).toContain('t=2005');
    await shot(page, 'map-time-2005');
    // Back to the whole period: UNAMID is shown again where it was, at El Fasher.
    await page.click('#time-all');
    await settle(page);
    const unamidAfter = await nodeAt('UNAMID');
    expect(unamidAfter?.visible).toBe(true);
    expect(unamidAfter!.x).toBeCloseTo(unamidBefore!.x, 3);
    expect(unamidAfter!.y).toBeCloseTo(unamidBefore!.y, 3);

    await page.selectOption('#layout', 'fcose');
    await page.waitForFunction(() => !document.getElementById('map-underlay'), undefined, { timeout: 30_000 });
    await settle(page);
    const gone = await page.evaluate(() => ({
      note: !!document.getElementById('map-note'),
      wrapOn: document.getElementById('cy-wrap')!.classList.contains('map-on'),
      url: location.search,
    }));
    expect(gone).toEqual({ note: false, wrapOn: false, url: expect.not.stringContaining('layout=map') });
    expectNoPageErrors();
  });
});
