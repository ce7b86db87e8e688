import { clickNode, nextRender, openView, renders, settle, shot } from './browser';
import { expectNoPageErrors, viewSession } from './view-session';
import type { Page } from 'playwright-core';
import type { RunningApp } from '../../server/src/http/app';

/**
 * The network view's reach, in a real browser on the shipped graph: a window 800 pixels wide in which the network
 * keeps most of the window (the filter and panel columns become drawers), and the filters by kind of organization
 * and by source.
 */

const session = viewSession();
let page: Page;
let app: RunningApp;
beforeEach(() => {
  ({ page, app } = session);
});

type Box = { x: number; y: number; width: number; height: number };

async function box(selector: string): Promise<Box> {
  const b = await page.locator(selector).boundingBox();
  if (!b) throw new Error(`${selector} has no box: it is not rendered.`);
  return b;
}

/** Waits until a drawer is shown and has finished sliding in (its 0.18 s transition), so that its box is final. */
async function drawerOpen(selector: string): Promise<void> {
  await page.waitForSelector(selector, { state: 'visible' });
  await page.waitForFunction((s) => document.querySelector(s)!.getAnimations().length === 0, selector);
}

/** The share of the window the network's canvas covers. */
async function networkShare(): Promise<number> {
  const viewport = page.viewportSize()!;
  const cy = await box('#cy');
  // Only the part inside the window counts.
  const w = Math.max(0, Math.min(cy.x + cy.width, viewport.width) - Math.max(cy.x, 0));
  const h = Math.max(0, Math.min(cy.y + cy.height, viewport.height) - Math.max(cy.y, 0));
  return (w * h) / (viewport.width * viewport.height);
}

async function expanded(toggle: string): Promise<string | null> {
  return page.getAttribute(toggle, 'aria-expanded');
}

async function focusedId(): Promise<string> {
  return page.evaluate(() => document.activeElement?.id ?? '');
}

/** Waits until the filter choices carry their counts (the form is refilled once they arrive). */
async function filterChoicesLoaded(): Promise<void> {
  await page.waitForFunction(
    () => /\(\d+\)/.test(document.querySelector('#f-okinds option[value="regional"]')?.textContent ?? ''),
    undefined,
    { timeout: 60_000 },
  );
}

/** Every mission in the view, with the organizations that deploy it. */
async function missionsInView(): Promise<{ id: string; orgs: string[] }[]> {
  return page.evaluate(() =>
    window.cy!.nodes('[label = "Mission"]').map((m) => ({ id: m.id(), orgs: m.data('organizations') as string[] })),
  );
}

describe('network view: reach', () => {
  it('keeps at least half of an 800 px window for the network, with the filters and the panels in drawers', async () => {
    for (const height of [900, 600]) {
      await page.setViewportSize({ width: 800, height });
      await openView(page, app.url);
      const viewport = { width: 800, height };
      expect(await networkShare()).toBeGreaterThanOrEqual(0.5);
      // Nothing sticks out of the window sideways: the toolbar wraps instead.
      const widest = await page.evaluate(() =>
        Math.max(
          document.documentElement.scrollWidth,
          ...[...document.querySelectorAll('.topbar > *')].map((e) => e.getBoundingClientRect().right),
        ),
      );
      expect(widest).toBeLessThanOrEqual(viewport.width);
      const topbar = await box('.topbar');
      expect(topbar.height).toBeLessThanOrEqual(viewport.height * 0.2);
      // Both columns are closed drawers: out of sight and out of the tab order.
      await expect(page.isVisible('#left')).resolves.toBe(false);
      await expect(page.isVisible('#right')).resolves.toBe(false);
      const cyBefore = await box('#cy');

      // "Filters" opens its drawer over the network (which keeps its size) and moves the focus into it; Esc closes it.
      await page.click('#toggle-filters');
      await drawerOpen('#left');
      expect(await expanded('#toggle-filters')).toBe('true');
      expect(await page.getAttribute('#toggle-filters', 'aria-controls')).toBe('left');
      const left = await box('#left');
      expect(left.x).toBeLessThanOrEqual(1);
      expect(left.width).toBeLessThan(viewport.width / 2);
      expect(left.x + left.width).toBeGreaterThan(cyBefore.x);
      expect(await box('#cy')).toEqual(cyBefore);
      expect(await focusedId()).toBe('left');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.getElementById('left')!.contains(document.activeElement))).toBe(true);
      if (height === 600) await shot(page, 'reach-800x600-filters');
      await page.keyboard.press('Escape');
      await page.waitForSelector('#left', { state: 'hidden' });
      expect(await expanded('#toggle-filters')).toBe('false');
      expect(await focusedId()).toBe('toggle-filters');

      // "Panels" opens and closes with its button; one drawer at a time.
      await page.click('#toggle-panels');
      await drawerOpen('#right');
      expect(await expanded('#toggle-panels')).toBe('true');
      const right = await box('#right');
      expect(right.x + right.width).toBeGreaterThanOrEqual(viewport.width - 1);
      await page.click('#toggle-filters');
      await page.waitForSelector('#left', { state: 'visible' });
      await page.waitForSelector('#right', { state: 'hidden' });
      expect(await expanded('#toggle-panels')).toBe('false');
      await page.click('#toggle-filters');
      await page.waitForSelector('#left', { state: 'hidden' });
      await page.click('#toggle-panels');
      await page.waitForSelector('#right', { state: 'visible' });
      await page.click('#toggle-panels');
      await page.waitForSelector('#right', { state: 'hidden' });
      expect(await expanded('#toggle-panels')).toBe('false');

      // A node's details open the panel drawer; Esc closes the drawer and leaves the node selected.
      await clickNode(page, 'UNMISS');
      await page.waitForSelector('#right', { state: 'visible' });
      expect(await expanded('#toggle-panels')).toBe('true');
      await page.waitForSelector('#panel-details .panel-title');
      await expect(page.textContent('#panel-details .panel-title')).resolves.toContain('UNMISS');
      await expect(page.isVisible('#panel-details')).resolves.toBe(true);
      await settle(page);
      await shot(page, `reach-800x${height}-details`);
      await page.keyboard.press('Escape');
      await page.waitForSelector('#right', { state: 'hidden' });
      expect(await expanded('#toggle-panels')).toBe('false');
      expect(await page.evaluate(() => new URLSearchParams(location.search).get('sel'))).toBe('UNMISS');
      expect(await networkShare()).toBeGreaterThanOrEqual(0.5);
      await shot(page, `reach-800x${height}`);
    }
    expectNoPageErrors();
  });

  it('keeps the three columns in a wide window, without drawer buttons', async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await openView(page, app.url);
    await expect(page.isVisible('#toggle-filters')).resolves.toBe(false);
    await expect(page.isVisible('#toggle-panels')).resolves.toBe(false);
    const [left, cy, right] = [await box('#left'), await box('#cy'), await box('#right')];
    // Side by side, left to right, with nothing over the network.
    expect(left.x).toBeLessThanOrEqual(1);
    expect(left.x + left.width).toBeLessThanOrEqual(cy.x + 1);
    expect(cy.x + cy.width).toBeLessThanOrEqual(right.x + 1);
    expect(right.x + right.width).toBeGreaterThanOrEqual(1439);
    expect(cy.width).toBeGreaterThan(700);
    // Opening details does not move anything.
    await clickNode(page, 'UNMISS');
    await page.waitForSelector('#panel-details .panel-title');
    expect(await box('#cy')).toEqual(cy);
    expect(await expanded('#toggle-panels')).toBe('false');
    expectNoPageErrors();
  });

  it('filters by kind of organization: only regional organizations leaves out the UN missions, keeps the AU and EU ones, and the link carries it', async () => {
    await page.setViewportSize({ width: 800, height: 900 });
    await openView(page, app.url);
    await filterChoicesLoaded();
    const before = await missionsInView();
    const unOnly = (m: { orgs: string[] }) => m.orgs.length > 0 && m.orgs.every((o) => o === 'UN');
    expect(before.filter(unOnly).length).toBeGreaterThan(20);
    expect(before.map((m) => m.id)).toContain('UNMISS');

    await page.click('#toggle-filters');
    await page.waitForSelector('#left', { state: 'visible' });
    await page.selectOption('#f-okinds', ['regional']);
    const rendered = await renders(page);
    await page.click('#f-apply');
    await nextRender(page, rendered);
    // Applying the filters closes the drawer, so that the result shows.
    await page.waitForSelector('#left', { state: 'hidden' });

    const after = await missionsInView();
    const ids = after.map((m) => m.id);
    expect(after.filter(unOnly)).toEqual([]);
    expect(ids).not.toContain('UNMISS');
    expect(ids).toEqual(expect.arrayContaining(['AMISOM', 'EUFOR-ALTHEA', 'UNAMID']));
    // Every mission left is deployed by an organization of that kind, as the organizations in view say.
    const withoutRegional = await page.evaluate(() => {
      const cy = window.cy!;
      const kindOf = (id: string) => (cy.getElementById(id).data('kinds') as string[] | undefined) ?? [];
      return cy
        .nodes('[label = "Mission"]')
        .filter((m) => !(m.data('organizations') as string[]).some((o) => kindOf(o).includes('regional')))
        .map((m) => m.id());
    });
    expect(withoutRegional).toEqual([]);
    expect(await page.evaluate(() => location.search)).toContain('okinds=regional');
    await expect(page.textContent('#summary')).resolves.toContain('deployed by regional organizations');
    await shot(page, 'reach-800-regional-organizations');

    // The link gives the same view, with the filter chosen in the form.
    const link = (await page.evaluate(() => location.search)).slice(1);
    await openView(page, app.url, link);
    expect((await missionsInView()).map((m) => m.id).sort()).toEqual([...ids].sort());
    await filterChoicesLoaded();
    expect(
      await page.$$eval('#f-okinds option:checked', (os) => os.map((o) => (o as HTMLOptionElement).value)),
    ).toEqual(['regional']);
    expectNoPageErrors();
  });

  it('filters by source: only what one dataset states', async () => {
    await page.setViewportSize({ width: 800, height: 900 });
    await openView(page, app.url);
    await filterChoicesLoaded();
    expect((await missionsInView()).map((m) => m.id)).toContain('AMISOM');
    await page.click('#toggle-filters');
    await page.waitForSelector('#left', { state: 'visible' });
    await page.selectOption('#f-sources', ['un-pko-list']);
    const rendered = await renders(page);
    await page.click('#f-apply');
    await nextRender(page, rendered);

    const view = await page.evaluate(() => ({
      // The API's entities (not the boxes the view may draw around groups of them).
      nodes: window
        .cy!.nodes()
        .filter((n) => ['Organization', 'Mission', 'Conflict', 'State', 'Person'].includes(n.data('label') as string))
        .map((n) => n.id()),
      missions: window
        .cy!.nodes('[label = "Mission"]')
        .map((m) => ({ id: m.id(), orgs: m.data('organizations') as string[] })),
      edgeSources: [...new Set(window.cy!.edges().map((e) => (e.data('sources') as string[]).join('+')))],
      edges: window.cy!.edges().length,
    }));
    expect(view.missions.length).toBeGreaterThan(20);
    expect(view.edges).toBeGreaterThan(20);
    // The UN's list of its peacekeeping operations: UN operations only, and every edge stated by that list alone.
    expect(view.missions.map((m) => m.id)).not.toContain('AMISOM');
    for (const m of view.missions) expect(m.orgs).toContain('UN');
    expect(view.edgeSources).toEqual(['un-pko-list']);
    // Every node in view is one the dataset states, as the graph records it.
    const stated = await session.db.read<{ id: string; sources: string[] }>(
      'MATCH (n) WHERE n.id IN $ids RETURN n.id AS id, n.sources AS sources',
      { ids: view.nodes },
    );
    expect(stated).toHaveLength(view.nodes.length);
    for (const n of stated) expect(n.sources).toContain('un-pko-list');
    expect(await page.evaluate(() => location.search)).toContain('src=un-pko-list');
    await expect(page.textContent('#summary')).resolves.toContain('stated by UN PKO list');
    await shot(page, 'reach-800-source-un-pko-list');
    expectNoPageErrors();
  });
});
