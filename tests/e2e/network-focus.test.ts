import { clickNode, openView, settle, shot } from './browser';
import { expectNoPageErrors, viewSession } from './view-session';
import { gql } from '../helpers/http';
import type { EdgeSingular, NodeSingular } from 'cytoscape';
import type { Page } from 'playwright-core';
import type { RunningApp } from '../../server/src/http/app';

/**
 * Focus and control in a real browser on the shipped graph: focus mode on one node's surroundings (kept in the
 * link), an expansion that places the largest contributors first around their mission without overlapping or
 * moving anything, and moving between nodes with the keyboard alone.
 */

const session = viewSession();
let page: Page;
let app: RunningApp;
beforeEach(() => {
  ({ page, app } = session);
});

/** What is faded, and what is shown, among the entity nodes (group boxes aside) now. */
async function fadedState(p: Page): Promise<{ shown: string[]; faded: string[] }> {
  return p.evaluate(() => {
    const nodes = window
      .cy!.nodes()
      .filter((n) => !n.isParent() && !n.is('.user-hidden, .time-hidden, .legend-hidden'));
    return {
      shown: nodes.map((n) => n.id()).sort(),
      faded: nodes
        .filter((n) => n.hasClass('focus-faded'))
        .map((n) => n.id())
        .sort(),
    };
  });
}

/** The shown entity nodes within `depth` steps of `root` over shown edges, computed here from the graph. */
async function expectedWithin(p: Page, root: string, depth: number): Promise<string[]> {
  return p.evaluate(
    ([r, d]) => {
      const cy = window.cy!;
      const hidden = '.user-hidden, .time-hidden, .legend-hidden';
      const shown = new Set(
        cy
          .nodes()
          .filter((n) => !n.is(hidden))
          .map((n) => n.id()),
      );
      let inside = new Set([r]);
      for (let i = 0; i < d; i++) {
        const next = new Set(inside);
        for (const id of inside) {
          cy.getElementById(id)
            .connectedEdges()
            .forEach((e) => {
              if (e.is(hidden)) return;
              for (const x of [e.source().id(), e.target().id()]) if (shown.has(x)) next.add(x);
            });
        }
        inside = next;
      }
      return [...inside].sort();
    },
    [root, depth] as const,
  );
}

describe('network view: focus and control', () => {
  it('focuses on an organization’s surroundings, 1 then 2 steps out, keeps the focus in the link, and leaves it with Esc', async () => {
    await openView(page, app.url);
    const root = 'AU';
    await clickNode(page, root);
    await page.waitForSelector(`#panel-details[data-loaded="${root}"]`, { timeout: 30_000 });
    await page.click('#panel-details button[data-action="focus-mode"]');
    await page.waitForSelector('#focus-bar:not([hidden])');

    const one = await fadedState(page);
    const within1 = await expectedWithin(page, root, 1);
    expect(within1.length).toBeGreaterThan(5);
    // Exactly what lies outside one step is faded: the organization and its neighbours are not.
    expect(one.faded).toEqual(one.shown.filter((id) => !within1.includes(id)));
    expect(one.faded.length).toBeGreaterThan(50);
    const looks = await page.evaluate(
      ([r, outside]) => ({
        inside: window
          .cy!.getElementById(r)
          .neighborhood('node')
          .map((n) => n.effectiveOpacity()),
        outside: window.cy!.getElementById(outside).effectiveOpacity(),
        outsideLabel: window.cy!.getElementById(outside).numericStyle('text-opacity'),
      }),
      [root, one.faded[0]] as const,
    );
    // Drawn: the focus at full strength (a box holding part of it is not faded over it), the rest faint, unlabelled.
    expect(Math.min(...looks.inside)).toBe(1);
    expect(looks.outside).toBeLessThan(0.2);
    expect(looks.outsideLabel).toBe(0);
    await expect(page.textContent('#focus-text')).resolves.toContain(`${within1.length - 1} nodes within 1 step`);
    await shot(page, '10-focus-depth-1');

    await page.selectOption('#focus-depth', '2');
    const two = await fadedState(page);
    const within2 = await expectedWithin(page, root, 2);
    expect(within2.length).toBeGreaterThan(within1.length);
    expect(two.faded).toEqual(two.shown.filter((id) => !within2.includes(id)));
    expect(two.faded.length).toBeLessThan(one.faded.length);
    await shot(page, '10b-focus-depth-2');

    // The link carries the focus: a reload restores the same picture.
    const search = new URLSearchParams(await page.evaluate(() => location.search));
    expect(search.get('focus')).toBe(root);
    expect(search.get('fdepth')).toBe('2');
    await openView(page, app.url, search.toString());
    await page.waitForSelector('#focus-bar:not([hidden])');
    await expect(fadedState(page)).resolves.toEqual(two);
    await expect(page.inputValue('#focus-depth')).resolves.toBe('2');

    // Esc (from the canvas, with no menu open) leaves focus mode.
    await page.focus('#cy');
    await page.keyboard.press('Escape');
    await page.waitForSelector('#focus-bar', { state: 'hidden' });
    expect((await fadedState(page)).faded).toEqual([]);
    expect(new URLSearchParams(await page.evaluate(() => location.search)).get('focus')).toBeNull();
    expectNoPageErrors();
  });

  it('expands UNAMID with its 15 largest contributors first, around it, overlapping and moving nothing, edge width by personnel; "+ more" adds the rest', async () => {
    await openView(page, app.url);
    const mission = 'UNAMID';
    const period = new URLSearchParams(await page.evaluate(() => location.search)).get('period')!;
    const [from, to] = period.split('..');
    const api = await gql<{ mission: { contributors: { state: { id: string }; personnel: number | null }[] } }>(
      app.url,
      'query ($id: ID!, $between: PeriodInput) { mission(id: $id) { contributors(between: $between) { state { id } personnel } } }',
      { id: mission, between: { from, to } },
    );
    const ranking = api.body.data!.mission.contributors;
    expect(ranking.length).toBeGreaterThan(30);
    const top = ranking.slice(0, 15).map((c) => c.state.id);

    const snapshot = () =>
      page.evaluate(() =>
        Object.fromEntries(
          window
            .cy!.nodes()
            .filter((n) => !n.isParent())
            .map((n) => [n.id(), { ...(n as NodeSingular).position() }] as const),
        ),
      );
    const before = await snapshot();
    expect(before[mission]).toBeDefined();
    /** New nodes (not in `old`): how many of their bodies overlap an old node's body, a group box or each other. */
    const overlaps = (old: string[]) =>
      page.evaluate((oldIds) => {
        const cy = window.cy!;
        const known = new Set(oldIds);
        type B = { x1: number; y1: number; x2: number; y2: number };
        const body = (n: NodeSingular): B => {
          if (n.isParent()) return n.boundingBox({ includeLabels: false, includeOverlays: false });
          const p = n.position();
          return {
            x1: p.x - n.outerWidth() / 2,
            y1: p.y - n.outerHeight() / 2,
            x2: p.x + n.outerWidth() / 2,
            y2: p.y + n.outerHeight() / 2,
          };
        };
        const hit = (a: B, b: B) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
        const fresh = cy.nodes().filter((n) => !n.isParent() && !known.has(n.id()));
        const others = cy.nodes().filter((n) => n.isParent() || known.has(n.id()));
        let withOld = 0;
        let withNew = 0;
        fresh.forEach((a, i) => {
          others.forEach((b) => {
            if (hit(body(a), body(b))) withOld++;
          });
          fresh.forEach((b, j) => {
            if (j > i && hit(body(a), body(b))) withNew++;
          });
        });
        return { fresh: fresh.length, withOld, withNew };
      }, old);
    const contributorsInView = () =>
      page.evaluate(
        (m) =>
          window
            .cy!.getElementById(m)
            .connectedEdges()
            .filter((e) => e.data('type') === 'CONTRIBUTED_TO')
            .map((e) => ({
              id: (e as EdgeSingular).source().id(),
              weight: e.data('weight') as number | null,
              width: e.numericStyle('width'),
              dashed: e.style('line-style') === 'dashed',
            })),
        mission,
      );

    await clickNode(page, mission, { double: true });
    await page.waitForSelector('#expand-more:not([hidden])', { timeout: 30_000 });
    await settle(page);
    const afterFirst = await snapshot();
    // Nothing that was there moved.
    for (const [id, p] of Object.entries(before)) expect(afterFirst[id]).toEqual(p);
    // At most 15 contributors, and they are the 15 largest by the API's figures (Mission.contributors, the view's period).
    const first = await contributorsInView();
    expect(first.length).toBeLessThanOrEqual(15);
    expect(first.map((c) => c.id).sort()).toEqual([...top].sort());
    // Their bodies overlap no node that was there, no group box, and no other new node.
    const o1 = await overlaps(Object.keys(before));
    expect(o1.fresh).toBeGreaterThanOrEqual(15);
    expect({ withOld: o1.withOld, withNew: o1.withNew }).toEqual({ withOld: 0, withNew: 0 });
    // Edge width grows with personnel (an edge without a figure would be thin and dashed, never absent).
    const byWeight = [...first].filter((c) => c.weight !== null).sort((a, b) => a.weight! - b.weight!);
    for (let i = 1; i < byWeight.length; i++) expect(byWeight[i].width).toBeGreaterThanOrEqual(byWeight[i - 1].width);
    expect(byWeight[byWeight.length - 1].width).toBeGreaterThan(byWeight[0].width + 2);
    await expect(page.textContent('#expand-more')).resolves.toContain(
      `the 15 largest of ${ranking.length} contributing states`,
    );
    await shot(page, '11-expand-top-contributors');

    // "+ more" adds the rest, again in free space and without moving anything.
    await page.click('#expand-more button.more');
    await page.waitForFunction((n) => window.cy!.nodes().length > n, Object.keys(afterFirst).length + 20);
    await settle(page);
    const all = await contributorsInView();
    expect(all.map((c) => c.id).sort()).toEqual(ranking.map((c) => c.state.id).sort());
    const afterMore = await snapshot();
    for (const [id, p] of Object.entries(afterFirst)) expect(afterMore[id]).toEqual(p);
    const o2 = await overlaps(Object.keys(afterFirst));
    expect(o2.fresh).toBe(ranking.length - 15);
    expect({ withOld: o2.withOld, withNew: o2.withNew }).toEqual({ withOld: 0, withNew: 0 });
    for (const c of all) {
      if (c.weight === null) expect(c.dashed).toBe(true);
      expect(c.width).toBeGreaterThan(0);
    }
    expect(new URLSearchParams(await page.evaluate(() => location.search)).get('expall')).toBe(mission);
    await expect(page.isHidden('#expand-more')).resolves.toBe(true);
    await page.evaluate((m) => window.cy!.fit(window.cy!.getElementById(m).closedNeighborhood(), 40), mission);
    await shot(page, '11b-expand-all-contributors');
    expectNoPageErrors();
  });

  it('reaches a node’s details with the keyboard alone: arrows move a cursor between nodes, Enter opens the details', async () => {
    await openView(page, app.url);
    await page.focus('#cy');
    await page.waitForFunction(() => window.cy!.nodes('.kbd-cursor').length === 1);
    const cursor = () =>
      page.evaluate(() => {
        const n = window.cy!.nodes('.kbd-cursor')[0];
        return {
          id: n.id(),
          name: String(n.data('name')),
          label: String(n.data('label')),
          x: n.position('x'),
          y: n.position('y'),
          said: document.getElementById('cy-cursor')!.textContent ?? '',
        };
      });
    const start = await cursor();
    expect(start.said).toContain(`${start.name}, ${start.label.toLowerCase()}`);
    await expect(page.evaluate(() => document.getElementById('cy')!.matches(':focus-visible'))).resolves.toBe(true);

    await page.keyboard.press('ArrowRight');
    const right = await cursor();
    expect(right.id).not.toBe(start.id);
    expect(right.x).toBeGreaterThan(start.x);
    await page.keyboard.press('ArrowDown');
    const down = await cursor();
    expect(down.id).not.toBe(right.id);
    expect(down.y).toBeGreaterThan(right.y);
    await page.keyboard.press('ArrowLeft');
    const left = await cursor();
    expect(left.x).toBeLessThan(down.x);
    expect(left.said).toContain(left.name);

    await page.keyboard.press('Enter');
    await page.waitForSelector(`#panel-details[data-loaded="${left.id}"]`, { timeout: 30_000 });
    await expect(page.textContent('#details-title')).resolves.toBe(left.name);
    await expect(page.getAttribute('#tab-details', 'aria-selected')).resolves.toBe('true');
    // The canvas keeps the keyboard: `f` focuses on the node under the cursor, Esc leaves the focus.
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('cy');
    await page.keyboard.press('f');
    await page.waitForSelector('#focus-bar:not([hidden])');
    expect(new URLSearchParams(await page.evaluate(() => location.search)).get('focus')).toBe(left.id);
    await shot(page, '12-keyboard-cursor-focus');
    await page.keyboard.press('Escape');
    await page.waitForSelector('#focus-bar', { state: 'hidden' });
    // Tab leaves the canvas.
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.not.toBe('cy');
    expectNoPageErrors();
  });
});
