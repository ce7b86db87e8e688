import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import type { Core } from 'cytoscape';
import { REPO_ROOT } from '../helpers/db';

declare global {
  interface Window {
    cy?: Core;
    __xss?: number;
    /** What the last gesture `clickNode` waits for reached (a node id or "(background)"). */
    __gesture?: string;
  }
}

/** Debian's Chromium (`.ci/run` installs it); CHROMIUM_PATH overrides. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = path.join(REPO_ROOT, 'tests', 'artifacts', 'screenshots');
export const ARTIFACTS = path.join(REPO_ROOT, 'tests', 'artifacts');

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A headless Chromium with a fresh profile, removed on close. */
export interface Browser {
  context: BrowserContext;
  downloads: string;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM))
    throw new Error(
      `No Chromium at ${CHROMIUM}: install Debian's chromium package (apt-get install -y chromium), as .ci/run does.`,
    );
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'peaceops-chromium-'));
  const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'peaceops-downloads-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
    downloadsPath: downloads,
  });
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    context,
    downloads,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
      fs.rmSync(downloads, { recursive: true, force: true });
    },
  };
}

/** Page errors and console errors seen, so that a test can assert there were none. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return errors;
}

/** Opens the view at `query` and waits for its first render; fails if the build does not expose `window.cy`. */
export async function openView(page: Page, baseUrl: string, query = ''): Promise<void> {
  await page.goto(`${baseUrl}/${query ? `?${query}` : ''}`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
  // In a production build `window.cy` is still defined: the browser exposes the element with id "cy" there.
  const exposed = await page.evaluate(() => typeof window.cy?.nodes === 'function');
  if (!exposed)
    throw new Error(
      'window.cy is missing: client/dist is not a test build. Run `npm run build:client -- --mode test` (npm test and npm run test:e2e do).',
    );
  await settle(page);
}

/** Waits until no progress indicator shows and a frame has been drawn. */
export async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => (document.getElementById('progress') as HTMLElement).hidden, undefined, {
    timeout: 60_000,
  });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null)))));
}

/** Number of completed renders (the view counts them on `body[data-renders]`). */
export async function renders(page: Page): Promise<number> {
  return page.evaluate(() => Number(document.body.dataset.renders ?? 0));
}

/** Waits for a render after `before`. */
export async function nextRender(page: Page, before: number): Promise<void> {
  await page.waitForFunction((b) => Number(document.body.dataset.renders ?? 0) > b, before, { timeout: 60_000 });
  await settle(page);
}

/** Saves a screenshot under tests/artifacts/screenshots/. */
export async function shot(page: Page, name: string): Promise<string> {
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/**
 * Clicks (or double-clicks) node `id` as a user would, with the mouse, and waits until Cytoscape reports the
 * gesture on that node. The node is centred first and clicked at a point where it is the topmost element (a
 * randomised layout can put an edge or another node over its middle). Just before pressing, the point is tested
 * again: an animation still running (an expansion placing its nodes, a fit) can move another element under it, and
 * the node is then aimed at anew (up to ten times). A click that Cytoscape never reports (the event can be lost on
 * a starved machine) is repeated, up to three times; a click that reaches another element fails at once with what
 * it reached, since repeating it would pile gestures on the view.
 */
export async function clickNode(
  page: Page,
  id: string,
  opts: { double?: boolean; shift?: boolean } = {},
): Promise<void> {
  const gesture = opts.double ? 'dbltap' : 'tap';
  let clicks = 0;
  for (let aims = 1; aims <= 10 && clicks < 3; aims++) {
    const aim = await page.evaluate(
      ({ nodeId }) => {
        const cy = window.cy!;
        const n = cy.getElementById(nodeId);
        if (n.empty() || !n.visible()) return null;
        // A viewport animation still running (an expansion fits its new nodes) would move the node after aiming.
        cy.stop(true, true);
        cy.center(n);
        // The renderer's own hit test, as used for the mouse events (not part of Cytoscape's public API).
        const renderer = (cy as unknown as { renderer(): HitTester }).renderer();
        const box = document.getElementById('cy')!.getBoundingClientRect();
        const c = n.renderedPosition();
        const w = n.renderedOuterWidth() / 2;
        const h = n.renderedOuterHeight() / 2;
        const offsets = [
          [0, 0],
          [0, -0.5],
          [0, 0.5],
          [-0.5, 0],
          [0.5, 0],
          [-0.4, -0.4],
          [0.4, -0.4],
          [-0.4, 0.4],
          [0.4, 0.4],
        ];
        for (const [dx, dy] of offsets) {
          const x = box.left + c.x + dx * w;
          const y = box.top + c.y + dy * h;
          const [mx, my] = renderer.projectIntoViewport(x, y);
          if (renderer.findNearestElements(mx, my, true, false)[0]?.id() === nodeId) return { point: { x, y } };
        }
        return { point: null };
      },
      { nodeId: id },
    );
    if (!aim) throw new Error(`Node ${id} is not in the view.`);
    if (!aim.point)
      throw new Error(`Node ${id} is covered by other elements at every point tried: it cannot be clicked.`);
    // The pointer goes there first: hovering can show what was hidden (an edge's label over the node's rim), and
    // the check below then sees what the click will meet.
    await page.mouse.move(aim.point.x, aim.point.y);
    await page.waitForTimeout(150);
    // Still the node under the point, with nothing moving? Otherwise aim again rather than click something else.
    const ready = await page.evaluate(
      ({ nodeId, point, event }) => {
        const cy = window.cy!;
        // `animated()` on elements is in Cytoscape's API but not in its type declarations.
        if (cy.animated() || cy.elements().some((e) => (e as unknown as { animated(): boolean }).animated()))
          return false;
        const renderer = (cy as unknown as { renderer(): HitTester }).renderer();
        const [mx, my] = renderer.projectIntoViewport(point.x, point.y);
        if (renderer.findNearestElements(mx, my, true, false)[0]?.id() !== nodeId) return false;
        window.__gesture = undefined;
        cy.one(event, (ev) => {
          window.__gesture = ev.target === cy ? '(background)' : (ev.target as { id(): string }).id();
        });
        return true;
      },
      { nodeId: id, point: aim.point, event: gesture },
    );
    if (!ready) continue;
    clicks++;
    if (opts.shift) await page.keyboard.down('Shift');
    if (opts.double) await page.mouse.dblclick(aim.point.x, aim.point.y);
    else await page.mouse.click(aim.point.x, aim.point.y);
    if (opts.shift) await page.keyboard.up('Shift');
    const reached = await page
      .waitForFunction(() => window.__gesture, undefined, { timeout: 10_000 })
      .then((h) => h.jsonValue() as Promise<string>)
      .catch(() => null);
    if (reached === id) return;
    if (reached !== null) throw new Error(`The ${gesture} aimed at node ${id} reached ${reached}.`);
  }
  if (clicks === 0)
    throw new Error(`Node ${id} kept moving under the pointer: no stable point to click after ten aims.`);
  throw new Error(`Cytoscape reported no ${gesture} on node ${id} after ${clicks} clicks.`);
}

/** The part of Cytoscape's renderer that `clickNode` uses to find the element under a point. */
interface HitTester {
  projectIntoViewport(clientX: number, clientY: number): [number, number];
  findNearestElements(x: number, y: number, interactiveOnly: boolean, isTouch: boolean): { id(): string }[];
}
