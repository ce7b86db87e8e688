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
  }
}

/** Debian's Chromium (`.ci/run` installs it); CHROMIUM_PATH overrides. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = path.join(REPO_ROOT, 'tests', 'artifacts', 'screenshots');
export const ARTIFACTS = path.join(REPO_ROOT, 'tests', 'artifacts');

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** A headless Chromium with a fresh profile, removed on close. */
export interface Browser {
  context: BrowserContext;
  downloads: string;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: install Debian's chromium package (apt-get install -y chromium), as .ci/run does.`);
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
  if (!exposed) throw new Error('window.cy is missing: client/dist is not a test build. Run `npm run build:client -- --mode test` (npm test and npm run test:e2e do).');
  await settle(page);
}

/** Waits until no progress indicator shows and a frame has been drawn. */
export async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => (document.getElementById('progress') as HTMLElement).hidden, undefined, { timeout: 60_000 });
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

/** Clicks (or double-clicks) a node where it is drawn on the canvas. */
export async function clickNode(page: Page, id: string, opts: { double?: boolean; shift?: boolean } = {}): Promise<void> {
  const pos = await page.evaluate((nodeId) => {
    const cy = window.cy!;
    const n = cy.getElementById(nodeId);
    if (n.empty()) return null;
    cy.center(n);
    const p = n.renderedPosition();
    const box = document.getElementById('cy')!.getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }, id);
  if (!pos) throw new Error(`Node ${id} is not in the view.`);
  await page.waitForTimeout(150);
  if (opts.shift) await page.keyboard.down('Shift');
  if (opts.double) await page.mouse.dblclick(pos.x, pos.y);
  else await page.mouse.click(pos.x, pos.y);
  if (opts.shift) await page.keyboard.up('Shift');
}
