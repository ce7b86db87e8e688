import type { NodeSingular } from 'cytoscape';
import type { Page } from 'playwright-core';
import type { RunningApp } from '../../server/src/http/app';
import { nodeSize } from '../../client/src/graph/style';
import { openView, settle, shot } from './browser';
import { expectNoPageErrors, viewSession } from './view-session';

/**
 * The network view's first picture, in Chromium at 1440x900 on the shipped graph: labels that can be read (few
 * overlap, enough are shown), missions in their organization's box with the organizations and conflicts as the
 * skeleton (no hairball of DEPLOYED lines), the MSPO rings saying what they mean, grouping by organization or
 * region, and sizes by a chosen measure (degree, number of organizations) where a mission with no personnel
 * figure is never drawn as a figure of 0.
 */

const session = viewSession();
let page: Page;
let app: RunningApp;
beforeEach(() => {
  ({ page, app } = session);
});

/** The shown labels may overlap for at most this share of them (each label that overlaps another counts once). */
const MAX_OVERLAPPING_SHARE = 0.05;
/** At least this many labels are drawn at READABLE_PX or more on screen (so that hiding every label fails). */
const MIN_READABLE_LABELS = 15;
const READABLE_PX = 8;

/** Waits until the label pass has run for the current zoom (labels.ts records the zoom it sized them for). */
async function labelsSettled(p: Page): Promise<void> {
  await settle(p);
  await p.waitForFunction(() => window.cy!.scratch('labelZoom') === window.cy!.zoom(), undefined, { timeout: 10_000 });
  await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null)))));
}

interface LabelCensus {
  shown: number;
  readable: number;
  overlapping: number;
  pairs: string[];
  labelled: string[];
}

/**
 * Every label Cytoscape draws now, measured by Cytoscape itself: a node whose label text is not empty, visible,
 * with some text opacity, and a font size on screen of at least its min-zoomed-font-size; its box is the label's
 * bounding box in rendered coordinates.
 */
function labelCensus(p: Page): Promise<LabelCensus> {
  return p.evaluate((readablePx) => {
    const cy = window.cy!;
    const zoom = cy.zoom();
    const pan = cy.pan();
    const boxes: { id: string; x1: number; y1: number; x2: number; y2: number; px: number }[] = [];
    cy.nodes().forEach((n) => {
      if (!n.visible() || !n.style('label')) return;
      const px = n.numericStyle('font-size') * zoom;
      const opacity = n.effectiveOpacity() * n.numericStyle('text-opacity');
      if (!(opacity > 0) || px < n.numericStyle('min-zoomed-font-size')) return;
      const b = n.boundingBox({
        includeNodes: false,
        includeEdges: false,
        includeLabels: true,
        includeOverlays: false,
      });
      boxes.push({
        id: n.id(),
        x1: b.x1 * zoom + pan.x,
        y1: b.y1 * zoom + pan.y,
        x2: b.x2 * zoom + pan.x,
        y2: b.y2 * zoom + pan.y,
        px,
      });
    });
    const overlapping = new Set<string>();
    const pairs: string[] = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i];
        const b = boxes[j];
        if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) {
          overlapping.add(a.id).add(b.id);
          pairs.push(`${a.id} ~ ${b.id}`);
        }
      }
    }
    return {
      shown: boxes.length,
      readable: boxes.filter((b) => b.px >= readablePx).length,
      overlapping: overlapping.size,
      pairs,
      labelled: boxes.map((b) => b.id),
    };
  }, READABLE_PX);
}

describe('network view: a readable first picture', () => {
  it('opens on labels that can be read: few overlap, enough are shown, organizations and conflicts first', async () => {
    await openView(page, app.url);
    await labelsSettled(page);
    const census = await labelCensus(page);
    expect(census.readable).toBeGreaterThanOrEqual(MIN_READABLE_LABELS);
    expect(census.overlapping).toBeLessThanOrEqual(Math.floor(MAX_OVERLAPPING_SHARE * census.shown));
    // The skeleton: the organizations with the most missions, and conflicts, are named.
    expect(census.labelled).toEqual(expect.arrayContaining(['UN', 'EU', 'AU', 'NATO', 'OSCE']));
    const kinds = await page.evaluate(
      (ids) => ids.map((id) => window.cy!.getElementById(id).data('label') as string),
      census.labelled,
    );
    expect(kinds.filter((k) => k === 'Conflict').length).toBeGreaterThan(3);
    expect(kinds.filter((k) => k === 'Mission').length).toBeGreaterThan(3);
    // No hairball: the organization with the most missions no longer draws a line to each of them (109 before).
    const un = await page.evaluate(() => ({
      missions: window.cy!.nodes('[label = "Mission"]').filter((m) => (m.data('organizations') as string[])[0] === 'UN')
        .length,
      lines: window
        .cy!.getElementById('UN')
        .connectedEdges()
        .filter((e) => e.visible()).length,
    }));
    expect(un.missions).toBeGreaterThan(50);
    expect(un.lines).toBeLessThan(10);
    await shot(page, '15-first-picture');

    // Zoomed in on the UN's box, more labels fit, still without overlapping.
    await page.evaluate(() => {
      const cy = window.cy!;
      cy.zoom({ level: cy.zoom() * 3, position: cy.getElementById('UN').position() });
    });
    await labelsSettled(page);
    const zoomed = await labelCensus(page);
    expect(zoomed.overlapping).toBeLessThanOrEqual(Math.floor(MAX_OVERLAPPING_SHARE * zoomed.shown));
    const missionsLabelled = (ids: string[]) =>
      page.evaluate(
        (list) => list.filter((id) => window.cy!.getElementById(id).data('label') === 'Mission').length,
        ids,
      );
    expect(await missionsLabelled(zoomed.labelled)).toBeGreaterThan(await missionsLabelled(census.labelled));
    await shot(page, '16-first-picture-zoomed');
    expectNoPageErrors();
  });

  it('draws the MSPO rings light for "at some time in the period" and strong at the slider\'s year, and says so in the legend', async () => {
    await openView(page, app.url);
    await labelsSettled(page);
    const whole = await page.evaluate(() => {
      const cy = window.cy!;
      const missions = cy.nodes('[label = "Mission"]');
      const ringed = missions.filter((m) => m.hasClass('mspo'));
      return {
        missions: missions.length,
        flagged: missions.filter((m) => Boolean(m.data('mspo'))).length,
        ringed: ringed.length,
        strong: cy.nodes('.mspo-now').length,
        opacity: ringed.first().numericStyle('border-opacity'),
        lightPx: ringed.first().numericStyle('border-width') * cy.zoom(),
        legend: [...document.querySelectorAll('#legend-list li')].map((li) => [
          li.getAttribute('data-legend'),
          li.textContent ?? '',
        ]),
      };
    });
    // The ring is the server's flag for the period, on every flagged mission and no other; light, not strong.
    expect(whole.ringed).toBe(whole.flagged);
    expect(whole.strong).toBe(0);
    expect(whole.opacity).toBeLessThan(1);
    const legend = new Map(whole.legend as [string, string][]);
    expect(legend.get('mark:mspo')).toMatch(/some time in the period/);
    expect(legend.get('mark:mspo-now')).toMatch(/slider/);
    await page.$eval('#time', (el) => {
      const input = el as HTMLInputElement;
      input.value = '2004';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.waitForFunction(
      () => /^2004: \d+ missions active, \d+ in MSPOs/.test(document.getElementById('time-label')?.textContent ?? ''),
      undefined,
      { timeout: 30_000 },
    );
    await labelsSettled(page);
    const at2004 = await page.evaluate(() => {
      const cy = window.cy!;
      const strong = cy.nodes('.mspo-now');
      const zoom = cy.zoom();
      return {
        strong: strong.map((n) => n.id()),
        ringed: cy.nodes('.mspo').length,
        strongPx: strong.first().numericStyle('border-width') * zoom,
        strongOpacity: strong.first().numericStyle('border-opacity'),
        label: document.getElementById('time-label')!.textContent ?? '',
      };
    });
    expect(at2004.strong).toEqual(expect.arrayContaining(['SFOR', 'EUFOR-ALTHEA', 'EUPM']));
    expect(at2004.strong.length).toBe(at2004.ringed);
    expect(at2004.label).toContain(`${at2004.strong.length} in MSPOs`);
    expect(at2004.strongOpacity).toBe(1);
    expect(at2004.strongPx).toBeGreaterThan(whole.lightPx);
    await shot(page, '17-mspo-rings-2004');
    expectNoPageErrors();
  });

  it('groups by organization (every mission of one organization inside its box) and by region, and keeps it in the link', async () => {
    await openView(page, app.url);
    await labelsSettled(page);
    const byOrganization = await page.evaluate(() => {
      const cy = window.cy!;
      const missions = cy.nodes('[label = "Mission"]');
      const single = missions.filter((m) => (m.data('organizations') as string[]).length === 1);
      const misplaced = single
        .filter(
          (m) =>
            (m as NodeSingular).parent().first().id() !==
            `group:organization:${(m.data('organizations') as string[])[0]}`,
        )
        .map((m) => m.id());
      // Inside also on the canvas: each mission's box contains it.
      const outside = single
        .filter((m) => {
          const box = (m as NodeSingular).parent().boundingBox({ includeLabels: false });
          const p = (m as NodeSingular).position();
          return p.x < box.x1 || p.x > box.x2 || p.y < box.y1 || p.y > box.y2;
        })
        .map((m) => m.id());
      const boxes = cy.nodes('.group-box').filter((b) => b.visible());
      const bbs = boxes.map((b) => b.boundingBox({ includeLabels: false }));
      let overlaps = 0;
      for (let i = 0; i < bbs.length; i++)
        for (let j = i + 1; j < bbs.length; j++)
          if (bbs[i].x1 < bbs[j].x2 && bbs[j].x1 < bbs[i].x2 && bbs[i].y1 < bbs[j].y2 && bbs[j].y1 < bbs[i].y2)
            overlaps++;
      const unamid = cy.getElementById('UNAMID');
      return {
        single: single.length,
        misplaced,
        outside,
        boxes: boxes.length,
        overlaps,
        unInOwnBox: cy.getElementById('UN').parent().first().id(),
        unamid: {
          box: unamid.parent().first().id(),
          toAU: unamid.edgesWith(cy.getElementById('AU')).filter((e) => e.visible()).length,
        },
        groupSelect: (document.getElementById('group-by') as HTMLSelectElement).value,
      };
    });
    expect(byOrganization.groupSelect).toBe('organization');
    expect(byOrganization.single).toBeGreaterThan(150);
    expect(byOrganization.misplaced).toEqual([]);
    expect(byOrganization.outside).toEqual([]);
    expect(byOrganization.boxes).toBeGreaterThan(10);
    expect(byOrganization.overlaps).toBe(0);
    expect(byOrganization.unInOwnBox).toBe('group:organization:UN');
    // A hybrid mission sits in its lead organization's box and keeps its line to the other.
    expect(byOrganization.unamid).toEqual({ box: 'group:organization:UN', toAU: 1 });

    await page.selectOption('#group-by', 'region');
    await page.waitForFunction(() => window.cy!.nodes('.group-region').nonempty());
    await labelsSettled(page);
    const byRegion = await page.evaluate(() => {
      const cy = window.cy!;
      const missions = cy.nodes('[label = "Mission"]').filter((m) => Boolean(m.data('region')));
      return {
        missions: missions.length,
        misplaced: missions
          .filter((m) => (m as NodeSingular).parent().first().id() !== `group:region:${m.data('region') as string}`)
          .map((m) => m.id()),
        organizationsInBoxes: cy.nodes('[label = "Organization"]').filter((o) => o.parent().nonempty()).length,
        url: location.search,
      };
    });
    expect(byRegion.missions).toBeGreaterThan(150);
    expect(byRegion.misplaced).toEqual([]);
    expect(byRegion.organizationsInBoxes).toBe(0);
    expect(byRegion.url).toContain('group=region');
    const census = await labelCensus(page);
    expect(census.overlapping).toBeLessThanOrEqual(Math.floor(MAX_OVERLAPPING_SHARE * census.shown));
    await shot(page, '18-group-by-region');

    await page.selectOption('#group-by', 'none');
    await page.waitForFunction(() => window.cy!.nodes('.group-box').empty());
    expect(
      await page.evaluate(
        () =>
          window
            .cy!.getElementById('UN')
            .connectedEdges()
            .filter((e) => e.visible()).length,
      ),
    ).toBeGreaterThan(50);
    // The link reproduces the grouping.
    await page.reload();
    await openView(page, app.url, 'group=region');
    const reloaded = await page.evaluate(() => ({
      select: (document.getElementById('group-by') as HTMLSelectElement).value,
      boxes: window.cy!.nodes('.group-region').length,
    }));
    expect(reloaded.select).toBe('region');
    expect(reloaded.boxes).toBeGreaterThan(5);
    expectNoPageErrors();
  });

  it("sizes nodes by degree in the degree's order, and never draws a mission with no personnel figure as a figure of 0", async () => {
    await openView(page, app.url);
    await labelsSettled(page);
    const unknown = await page.evaluate(() => {
      const m = window.cy!.nodes('[label = "Mission"]').filter((n) => n.data('personnel') === null);
      const known = window.cy!.nodes('[label = "Mission"]').filter((n) => typeof n.data('personnel') === 'number');
      return {
        count: m.length,
        widths: [...new Set(m.map((n) => n.numericStyle('width')))],
        borders: [...new Set(m.map((n) => n.style('border-style')))],
        fill: [...new Set(m.map((n) => n.numericStyle('background-opacity')))],
        knownFill: [...new Set(known.map((n) => n.numericStyle('background-opacity')))],
        legend: document.querySelector('#legend-list li[data-legend="mark:personnel-unknown"]')?.textContent ?? '',
      };
    });
    expect(unknown.count).toBeGreaterThan(10);
    // Not the size of a figure of 0, and drawn hollow and dashed (known figures are filled).
    expect(unknown.widths).not.toContain(nodeSize('Mission', 0));
    expect(unknown.borders).toEqual(['dashed']);
    expect(Math.max(...unknown.fill)).toBeLessThan(0.5);
    expect(unknown.knownFill).toEqual([1]);
    expect(unknown.legend).toMatch(/no personnel figure/);
    const personnelWidths = await page.evaluate(() =>
      Object.fromEntries(window.cy!.nodes().map((n) => [n.id(), n.numericStyle('width')] as const)),
    );

    await page.selectOption('#size-by', 'degree');
    await page.waitForFunction(() => window.cy!.nodes('.measure-size').nonempty());
    await labelsSettled(page);
    const sized = await page.evaluate(() => {
      const cy = window.cy!;
      // Degree over the graph in view, counted here: distinct neighbours over relationships between visible nodes
      // that nothing hides (the lines an organization's box stands for count: they are relationships in view).
      const shown = cy.nodes().filter((n) => n.visible() && !n.hasClass('group-box'));
      const ids = new Set(shown.map((n) => n.id()));
      const near = new Map<string, Set<string>>(shown.map((n) => [n.id(), new Set<string>()] as const));
      cy.edges().forEach((e) => {
        const s = e.source().id();
        const t = e.target().id();
        if (!ids.has(s) || !ids.has(t) || e.is('.time-hidden, .user-hidden, .legend-hidden')) return;
        near.get(s)!.add(t);
        near.get(t)!.add(s);
      });
      return shown.map((n) => ({
        id: n.id(),
        degree: near.get(n.id())!.size,
        width: n.numericStyle('width'),
        height: n.numericStyle('height'),
      }));
    });
    sized.sort((a, b) => a.degree - b.degree);
    for (let i = 1; i < sized.length; i++) {
      const [a, b] = [sized[i - 1], sized[i]];
      if (b.degree > a.degree) expect(b.width).toBeGreaterThan(a.width);
      else expect(b.width).toBe(a.width);
      expect(b.width).toBe(b.height);
    }
    expect(sized[sized.length - 1].id).toBe('UN');
    expect(sized.filter((n) => n.width !== personnelWidths[n.id]).length).toBeGreaterThan(100);
    expect(await page.evaluate(() => location.search)).toContain('size=degree');
    await expect(page.textContent('#legend-list li[data-legend="mark:size"]')).resolves.toMatch(/degree/);
    await shot(page, '19-size-by-degree');

    await page.selectOption('#size-by', 'organizations');
    await page.waitForFunction(
      () =>
        window.cy!.getElementById('UNAMID').numericStyle('width') >
        window.cy!.getElementById('UNMIL').numericStyle('width'),
    );
    const orgs = await page.evaluate(() => ({
      unamid: window.cy!.getElementById('UNAMID').numericStyle('width'),
      unmil: window.cy!.getElementById('UNMIL').numericStyle('width'),
    }));
    // UNAMID is deployed by two organizations, UNMIL by one.
    expect(orgs.unamid).toBeGreaterThan(orgs.unmil);
    expectNoPageErrors();
  });
});
