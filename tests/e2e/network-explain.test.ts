import { openView, shot } from './browser';
import { expectNoPageErrors, viewSession } from './view-session';
import type { Page } from 'playwright-core';
import type { RunningApp } from '../../server/src/http/app';

/**
 * The network view explaining itself, in a real browser on the shipped graph: the same link gives the same
 * picture, hover tooltips, legend entries that switch what they stand for, and the keyboard help.
 */

const session = viewSession();
let page: Page;
let app: RunningApp;
beforeEach(() => {
  ({ page, app } = session);
});

describe('network view: explaining what it shows', () => {
  it('gives the same picture from the same link: a reload lays every node out where it was', async () => {
    const positions = () =>
      page.evaluate(() =>
        Object.fromEntries(
          window
            .cy!.nodes()
            .map(
              (n) => [n.id(), [Math.round(n.position('x') * 10) / 10, Math.round(n.position('y') * 10) / 10]] as const,
            ),
        ),
      );
    await openView(page, app.url, 'layout=fcose');
    const first = await positions();
    await page.reload();
    await openView(page, app.url, 'layout=fcose');
    const second = await positions();
    expect(Object.keys(first).length).toBeGreaterThan(100);
    expect(second).toEqual(first);
    // The picture is laid out, not stacked: nodes are spread over the plane.
    const xs = new Set(Object.values(first).map(([x]) => Math.round(x)));
    expect(xs.size).toBeGreaterThan(50);
    expectNoPageErrors();
  });

  it('explains an edge on hover, with its type, period and sources', async () => {
    await openView(page, app.url);
    // An edge with sources whose midpoint no node covers, in view.
    const target = await page.evaluate(() => {
      const cy = window.cy!;
      const ext = cy.extent();
      const edge = cy.edges().filter((e) => {
        if (!e.visible() || !(e.data('sources') as string[]).length) return false;
        const m = e.midpoint();
        if (m.x < ext.x1 + 20 || m.x > ext.x2 - 20 || m.y < ext.y1 + 20 || m.y > ext.y2 - 20) return false;
        return cy.nodes().every((n) => {
          const b = n.boundingBox();
          return m.x < b.x1 - 6 || m.x > b.x2 + 6 || m.y < b.y1 - 6 || m.y > b.y2 + 6;
        });
      })[0];
      if (!edge) return null;
      const box = cy.container()!.getBoundingClientRect();
      const zoom = cy.zoom();
      const pan = cy.pan();
      const m = edge.midpoint();
      return {
        id: edge.id(),
        type: edge.data('type') as string,
        sources: edge.data('sources') as string[],
        x: box.left + m.x * zoom + pan.x,
        y: box.top + m.y * zoom + pan.y,
      };
    });
    expect(target).not.toBeNull();
    await page.mouse.move(target!.x - 30, target!.y - 30);
    await page.mouse.move(target!.x, target!.y, { steps: 5 });
    await page.waitForSelector('#tooltip:not([hidden])', { timeout: 10_000 });
    // The tooltip explains the edge under the pointer (the one aimed at, or one crossing it there): its endpoints,
    // its type and every source it names are those of that edge.
    const lines = await page.$$eval('#tooltip > *', (els) => els.map((e) => e.textContent ?? ''));
    const [from, to] = (lines[0] ?? '').split(' → ');
    // "DEPLOYED (lead)": the type, and the kind where the edge has one.
    const [, type, kind] = /^(\S+)(?: \((.*)\))?$/.exec(lines[1] ?? '') ?? [];
    const sources = (lines.find((l) => l.startsWith('sources: ')) ?? '').slice('sources: '.length).split('; ');
    const edge = await page.evaluate(
      ([a, b, t, k]) => {
        const e = window
          .cy!.edges()
          .filter(
            (x) =>
              x.data('type') === t &&
              (x.data('kind') ?? null) === (k ?? null) &&
              x.source().data('name') === a &&
              x.target().data('name') === b,
          )[0];
        return e ? { sources: e.data('sources') as string[] } : null;
      },
      [from, to, type, kind ?? null] as const,
    );
    expect(edge).not.toBeNull();
    expect(sources).toEqual(edge!.sources);
    expect(sources.length).toBeGreaterThan(0);
    await shot(page, '02b-edge-tooltip');
    expectNoPageErrors();
  });

  it('switches relationship types and organizations off and on from the legend', async () => {
    await openView(page, app.url);
    const shown = () =>
      page.evaluate(() => ({
        inConflict: window.cy!.edges().filter((e) => e.data('type') === 'IN_CONFLICT' && e.visible()).length,
        un: window.cy!.nodes().filter((n) => (n.data('organizations') as string[])[0] === 'UN' && n.visible()).length,
      }));
    const before = await shown();
    expect(before.inConflict).toBeGreaterThan(0);
    expect(before.un).toBeGreaterThan(0);
    await page.click('#legend-list li[data-legend="edge:IN_CONFLICT"]');
    await page.click('#legend-list li[data-legend="organization:UN"]');
    // Visibility follows the style, which Cytoscape recomputes on its next frame.
    await page.waitForFunction(
      () =>
        window.cy!.nodes().filter((n) => (n.data('organizations') as string[])[0] === 'UN' && n.visible()).length === 0,
    );
    const off = await shown();
    expect(off).toEqual({ inConflict: 0, un: 0 });
    await expect(page.getAttribute('#legend-list li[data-legend="edge:IN_CONFLICT"]', 'aria-pressed')).resolves.toBe(
      'false',
    );
    // From the keyboard too.
    await page.focus('#legend-list li[data-legend="edge:IN_CONFLICT"]');
    await page.keyboard.press('Enter');
    await page.click('#legend-list li[data-legend="organization:UN"]');
    await page.waitForFunction(
      (n) =>
        window.cy!.nodes().filter((x) => (x.data('organizations') as string[])[0] === 'UN' && x.visible()).length === n,
      before.un,
    );
    expect(await shown()).toEqual(before);
    expectNoPageErrors();
  });

  it('shows the keyboard shortcuts on "?" and closes menus and the help with Esc', async () => {
    await openView(page, app.url);
    await page.keyboard.press('?');
    await page.waitForSelector('#help[open]');
    const help = await page.$$eval('#help dt', (dts) => dts.map((d) => d.textContent?.trim()));
    expect(help).toEqual(expect.arrayContaining(['/', 'e', 'Esc', '?']));
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !(document.getElementById('help') as HTMLDialogElement).open);
    await page.click('#export-menu summary');
    await page.waitForSelector('#export-menu[open]');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !(document.getElementById('export-menu') as HTMLDetailsElement).open);
    expectNoPageErrors();
  });
});
