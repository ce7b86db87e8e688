import { openView, settle, shot } from './browser';
import { viewSession } from './view-session';
import type { Page } from 'playwright-core';
import type { RunningApp } from '../../server/src/http/app';

/**
 * The first render of the network view in a real browser on the shipped graph: the graph is drawn before the
 * force layout ends (every node, at draft places inside the canvas), then every node moves to where the layout
 * puts it; the final places are stored, so that a reload draws them at once, and they are the same with or
 * without what was stored. Panning does not run the label pass, which runs once the pan stops.
 */

const session = viewSession();
let page: Page;
let app: RunningApp;
beforeEach(() => {
  ({ page, app } = session);
});
const expectNoPageErrors = (): void => session.expectNoPageErrors();

declare global {
  interface Window {
    /** What was on the canvas in the frame of the first render (recorded by the init script below). */
    __atFirstRender?: { stage: string; positions: Record<string, [number, number]>; outside: number; drawn: number };
    __labelPasses?: number;
  }
}

type Positions = Record<string, [number, number]>;

/**
 * Records, as the page marks its first render, where every node stands and how many of them lie outside the
 * canvas (the body attribute is set in the frame of that render; the observer runs before any later task).
 */
async function recordFirstRender(p: Page): Promise<void> {
  await p.addInitScript(() => {
    const observer = new MutationObserver(() => {
      if (document.body?.dataset.ready !== 'true' || window.__atFirstRender) return;
      const cy = window.cy!;
      const ext = cy.extent();
      const nodes = cy
        .nodes()
        .toArray()
        .filter((n) => !n.isParent() && n.visible());
      window.__atFirstRender = {
        stage: document.body.dataset.firstRenderStage ?? '',
        positions: Object.fromEntries(nodes.map((n) => [n.id(), [n.position('x'), n.position('y')]] as const)),
        outside: nodes.filter(
          (n) =>
            n.position('x') < ext.x1 ||
            n.position('x') > ext.x2 ||
            n.position('y') < ext.y1 ||
            n.position('y') > ext.y2,
        ).length,
        drawn: nodes.length,
      };
    });
    const watch = () => observer.observe(document.body, { attributes: true, attributeFilter: ['data-ready'] });
    if (document.body) watch();
    else document.addEventListener('DOMContentLoaded', watch);
  });
}

async function finalPositions(p: Page): Promise<Positions> {
  return p.evaluate(() =>
    Object.fromEntries(
      window
        .cy!.nodes()
        .toArray()
        .filter((n) => !n.isParent() && n.visible())
        .map((n) => [n.id(), [n.position('x'), n.position('y')]] as const),
    ),
  );
}

const marks = (p: Page) =>
  p.evaluate(() =>
    Object.fromEntries(
      performance.getEntriesByType('mark').map((m) => [m.name.replace('peaceops:', ''), m.startTime] as const),
    ),
  );

describe('network view: the first render', () => {
  it("draws every node before the force layout ends, then the layout's places, which a reload draws at once", async () => {
    await recordFirstRender(page);
    // No stored positions: the first load of this browser (cleared once per page; a reload keeps what is stored).
    await page.addInitScript(() => {
      if (sessionStorage.getItem('speed-test-cleared')) return;
      localStorage.clear();
      sessionStorage.setItem('speed-test-cleared', '1');
    });
    await openView(page, app.url);
    const cold = await page.evaluate(() => window.__atFirstRender!);
    const coldMarks = await marks(page);
    const laidOut = await finalPositions(page);
    expect(Object.keys(laidOut).length).toBeGreaterThan(100);
    // Drawn as a draft: every node of the final picture, inside the canvas, before the layout's answer.
    expect(cold.stage).toBe('draft');
    expect(Object.keys(cold.positions).sort()).toEqual(Object.keys(laidOut).sort());
    expect(cold.outside).toBe(0);
    expect(coldMarks['first-render']).toBeLessThan(coldMarks['layout-final']);
    const moved = Object.keys(laidOut).filter(
      (id) => Math.hypot(laidOut[id][0] - cold.positions[id][0], laidOut[id][1] - cold.positions[id][1]) > 1,
    );
    expect(moved.length).toBeGreaterThan(Object.keys(laidOut).length / 2);
    await expect(page.evaluate(() => document.body.dataset.layoutStage)).resolves.toBe('final');

    // A reload draws the stored final places in its first render, and lays out nothing.
    await page.reload();
    await openView(page, app.url);
    const warm = await page.evaluate(() => window.__atFirstRender!);
    expect(warm.stage).toBe('stored');
    expect(warm.positions).toEqual(laidOut);
    expect(warm.outside).toBe(0);
    await expect(page.evaluate(() => performance.getEntriesByName('peaceops:layout-draft').length)).resolves.toBe(0);
    await expect(finalPositions(page)).resolves.toEqual(laidOut);
    await shot(page, '30-first-render-stored');

    // Without what was stored, the layout gives exactly the same places again.
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await openView(page, app.url);
    await expect(page.evaluate(() => window.__atFirstRender!.stage)).resolves.toBe('draft');
    await expect(finalPositions(page)).resolves.toEqual(laidOut);
    expectNoPageErrors();
  });

  it('does not run the label pass while the view pans, even with frames slower than its delay, and runs it once the pan stops', async () => {
    await openView(page, app.url);
    await page.evaluate(() => {
      window.__labelPasses = 0;
      // labels.ts records the number of labels it shows in the scratchpad at the end of every pass.
      const pad = window.cy!.scratch() as Record<string, unknown>;
      let shown = pad.labelsShown;
      Object.defineProperty(pad, 'labelsShown', {
        configurable: true,
        get: () => shown,
        set: (v: unknown) => {
          shown = v;
          window.__labelPasses! += 1;
        },
      });
    });
    const during = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const cy = window.cy!;
          let first = -1;
          let frame = 0;
          const tick = (t: number) => {
            if (first < 0) first = t;
            if (t - first > 2000) {
              resolve(window.__labelPasses!);
              return;
            }
            cy.panBy({ x: frame % 2 ? 3 : -2, y: 1 });
            // Every third frame is slow (150 ms, longer than the pass's 90 ms delay), as on a large graph.
            if (frame++ % 3 === 0) {
              const until = performance.now() + 150;
              while (performance.now() < until);
            }
            requestAnimationFrame(tick);
          };
          requestAnimationFrame(tick);
        }),
    );
    expect(during).toBe(0);
    await page.waitForFunction(() => window.__labelPasses! > 0, undefined, { timeout: 5_000 });
    await settle(page);
    expectNoPageErrors();
  });
});
