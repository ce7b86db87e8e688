/**
 * The network view in headless Chromium, for `npm run bench`: its time to first render (the client's own
 * `peaceops:time-to-first-render` measure) and the frames per second while the whole graph is panned.
 *
 * The first render is measured as a first visit (the positions that the client stores after laying out a view
 * removed before each load) and again with them stored, as a returning user has them.
 *
 * The bench serves whatever client/dist holds (or CLIENT_DIST_DIR). A test build (`vite build --mode test`) exposes `window.cy`; a
 * production build does not (there `window.cy` is the `#cy` element, by named access), so the Cytoscape instance
 * is then taken from that container, where Cytoscape registers it (`_cyreg.cy`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import type { Timing } from './measure';
import { percentile, round, summarize } from './measure';

/** Debian's Chromium (`.ci/run` installs it); CHROMIUM_PATH overrides. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The same flags as tests/e2e/browser.ts. */
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const VIEWPORT = { width: 1440, height: 900 };

/** The opening view (missions of the last 30 years with their organizations and conflicts): no query. */
const OVERVIEW_QUERY = '';
/** The whole shipped graph, as the view's "All" filter button opens it (client/src/graph/view-state.ts fullGraphState). */
const FULL_GRAPH_QUERY = 'period=all&states=1&conf=1';

/** Frames per second while panning: from the intervals between `requestAnimationFrame` callbacks. */
export interface FpsFigures {
  /** 1000 / median frame interval. */
  median: number;
  /** 5th-percentile FPS: 1000 / 95th-percentile frame interval. */
  p5: number;
  /** Frames over the whole run / its seconds. */
  mean: number;
  /** Frame intervals measured. */
  frames: number;
  /**
   * Cytoscape `render` events during the run (frames in which the graph was actually redrawn); null with the
   * WebGL renderer, whose draw path emits none.
   */
  renders: number | null;
  /** Length of the run. */
  seconds: number;
  /** Longest frame interval (ms). */
  worstMs: number;
}

/** One view of the network. */
export interface ViewFigures {
  /** `overview` or `full graph`. */
  view: string;
  /** The URL query that opens it (the view state lives in the URL). */
  query: string;
  /**
   * The client's `peaceops:time-to-first-render` measure, one sample per fresh page, with no positions stored by
   * an earlier visit (the client's position cache, client/src/view/position-cache.ts, emptied before each load):
   * a first visit.
   */
  firstRenderMs: Timing;
  /** The same measure on fresh pages of a browser that has seen the view before (positions stored); null when not measured. */
  firstRenderStoredMs: Timing | null;
  /** How the nodes stood in the frame of the first render (`draft`, `stored` or `final`), per kind of load. */
  firstRenderStage: { firstVisit: string; stored: string | null };
  /** Panning it; null when not measured. */
  fps: FpsFigures | null;
  nodes: number;
  edges: number;
  /** `canvas` or `webgl` (the view switches to WebGL above 3000 elements when the browser offers WebGL 2). */
  renderer: string;
}

/**
 * The figures of the network view. The top-level `firstRenderMs` is the opening view's (`runs` fresh pages);
 * `fps`, `nodes` and `edges` are the whole graph's, which `mode` names. `overview` and `fullGraph` hold each
 * view's own figures.
 */
export interface NetworkViewFigures {
  firstRenderMs: Timing;
  fps: FpsFigures;
  nodes: number;
  edges: number;
  mode: string;
  overview: ViewFigures;
  fullGraph: ViewFigures;
}

export interface NetworkViewOptions {
  /** Fresh page loads of the opening view, after one unmeasured load (cold cache). */
  runs: number;
  log: (m: string) => void;
  /** Fresh page loads of the whole graph (default 1). */
  fullGraphRuns?: number;
  /** Seconds of panning per view (default 3). */
  panSeconds?: number;
  /** Also pan the opening view (default true). */
  overviewFps?: boolean;
  /** Longest wait for one first render (default 10 minutes: the whole graph at scale 100 is slow to lay out). */
  timeoutMs?: number;
  /**
   * `auto` (default): the view's own choice, WebGL above 3000 elements. Headless Chromium here has no GPU, so
   * WebGL runs on SwiftShader (software) and is far slower than on a user's machine; `canvas` (URL `webgl=0`)
   * keeps one renderer at every scale; `webgl` (`webgl=1`) forces WebGL.
   */
  renderer?: 'auto' | 'canvas' | 'webgl';
}

/** What the pages report. */
interface Loaded {
  firstRenderMs: number;
  stage: string;
  nodes: number;
  edges: number;
  renderer: string;
  exposed: boolean;
}

/** The few browser globals that the page functions use (the bench compiles without the DOM library). */
interface CyLike {
  nodes(): { length: number };
  edges(): { length: number };
  panBy(p: { x: number; y: number }): unknown;
  on(events: string, handler: () => void): unknown;
  off(events: string, handler: () => void): unknown;
}
interface El {
  hidden: boolean;
  textContent: string | null;
  dataset: Record<string, string | undefined>;
  _cyreg?: { cy?: CyLike };
}
interface PageGlobals {
  cy?: CyLike;
  localStorage: { length: number; key(i: number): string | null; removeItem(key: string): void };
  document: { body: El; getElementById(id: string): El | null };
  performance: { now(): number; getEntriesByName(name: string): { duration: number }[] };
  requestAnimationFrame(cb: (t: number) => void): number;
}

async function launch(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}: install Debian's chromium package (apt-get install -y chromium), or set CHROMIUM_PATH. ` + '(`npx playwright install` cannot download here; the bench uses playwright-core with the system Chromium.)');
  }
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'peaceops-bench-chromium-'));
  try {
    const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS, viewport: VIEWPORT });
    return {
      context,
      close: async () => {
        await context.close().catch(() => undefined);
        fs.rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (err) {
    fs.rmSync(profile, { recursive: true, force: true });
    throw new Error(`Could not launch Chromium at ${CHROMIUM}: ${(err as Error).message}`);
  }
}

/** The keys of the client's position cache in localStorage (client/src/view/position-cache.ts). */
const POSITION_CACHE_PREFIX = 'peaceops:positions:';

/**
 * Opens the view at `query` on a fresh page and waits for the client's first-render measure (as the e2e tests do).
 * Unless `stored`, the positions an earlier load stored are removed before the page's scripts run: a first visit.
 */
async function open(context: BrowserContext, appUrl: string, query: string, timeoutMs: number, stored = false): Promise<{ page: Page; loaded: Loaded; quiet: () => Promise<void> }> {
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  const quiet = requestsQuiet(page);
  try {
    if (!stored)
      await page.addInitScript((prefix: string) => {
        const ls = (globalThis as unknown as PageGlobals).localStorage;
        const keys: string[] = [];
        for (let i = 0; i < ls.length; i += 1) keys.push(ls.key(i) ?? '');
        for (const k of keys) if (k.startsWith(prefix)) ls.removeItem(k);
      }, POSITION_CACHE_PREFIX);
    await page.goto(`${appUrl.replace(/\/$/, '')}/${query ? `?${query}` : ''}`, { timeout: timeoutMs });
    // Ready (the client sets body[data-ready] with the measure), or the error banner when the network failed to load.
    await page.waitForFunction(
      () => {
        const d = (globalThis as unknown as PageGlobals).document;
        return d.body.dataset.ready === 'true' || d.getElementById('error')?.hidden === false;
      },
      undefined,
      { timeout: timeoutMs, polling: 100 },
    );
    const loaded = await page.evaluate(() => {
      const g = globalThis as unknown as PageGlobals;
      const d = g.document;
      if (d.body.dataset.ready !== 'true') return { error: d.getElementById('error')?.textContent ?? 'unknown error' };
      const m = g.performance.getEntriesByName('peaceops:time-to-first-render')[0];
      // window.cy is the instance in a test build, but the #cy element (named access) in a production build.
      const cy = typeof g.cy?.nodes === 'function' ? g.cy : d.getElementById('cy')?._cyreg?.cy;
      return {
        firstRenderMs: m ? m.duration : Number(d.body.dataset.firstRenderMs),
        stage: d.body.dataset.firstRenderStage ?? 'final',
        nodes: cy ? cy.nodes().length : -1,
        edges: cy ? cy.edges().length : -1,
        renderer: d.body.dataset.renderer ?? 'unknown',
        exposed: Boolean(cy),
      };
    });
    if ('error' in loaded) throw new Error(`The view at ?${query} failed to load: ${loaded.error}`);
    if (!Number.isFinite(loaded.firstRenderMs)) throw new Error(`The view at ?${query} rendered without a peaceops:time-to-first-render measure.`);
    if (pageErrors.length) throw new Error(`The view at ?${query} threw: ${pageErrors.join('; ')}`);
    return { page, loaded, quiet };
  } catch (err) {
    await page.close().catch(() => undefined);
    throw err;
  }
}

/**
 * Follows a page's requests; the function returned waits until none has been in flight for half a second (or a
 * minute has passed). A page closed while its requests run leaves the server answering them while the next page
 * is measured: each page waits for this before it is closed, so that every sample starts with the server idle.
 */
function requestsQuiet(page: Page): () => Promise<void> {
  let inFlight = 0;
  let last = Date.now();
  const done = () => {
    inFlight = Math.max(0, inFlight - 1);
    last = Date.now();
  };
  page.on('request', () => {
    inFlight += 1;
    last = Date.now();
  });
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return async () => {
    const until = Date.now() + 60_000;
    while (Date.now() < until && (inFlight > 0 || Date.now() - last < 500)) await new Promise((r) => setTimeout(r, 100));
  };
}

/**
 * Waits until the view is idle (no progress indicator, the secondary requests — filters, capabilities, charts —
 * answered), so that panning measures drawing the graph and nothing else.
 */
async function settle(page: Page, timeoutMs: number): Promise<void> {
  await page.waitForFunction(() => (globalThis as unknown as PageGlobals).document.getElementById('progress')?.hidden !== false, undefined, { timeout: timeoutMs, polling: 100 });
  await page.waitForLoadState('networkidle', { timeout: 30_000 }).catch(() => undefined);
  await page.waitForTimeout(500);
}

/**
 * Pans the whole graph for `seconds`: each animation frame moves it along a circle (so that it stays on screen
 * and every frame needs a redraw) with `cy.panBy`, and records the interval since the previous frame.
 */
async function panFps(page: Page, seconds: number): Promise<FpsFigures> {
  const run = await page.evaluate(
    ({ ms, radius, periodMs }) =>
      new Promise<{ intervals: number[]; elapsed: number; renders: number; webgl: boolean }>((resolve, reject) => {
        const g = globalThis as unknown as PageGlobals;
        const cy = typeof g.cy?.nodes === 'function' ? g.cy : g.document.getElementById('cy')?._cyreg?.cy;
        if (!cy) {
          reject(new Error('No Cytoscape instance: neither window.cy nor #cy._cyreg.cy'));
          return;
        }
        const intervals: number[] = [];
        let renders = 0;
        const onRender = () => {
          renders += 1;
        };
        cy.on('render', onRender);
        let first = -1;
        let last = -1;
        let x = 0;
        let y = 0;
        const tick = (t: number) => {
          if (first < 0) first = t;
          else intervals.push(t - last);
          last = t;
          if (t - first >= ms) {
            cy.off('render', onRender);
            resolve({ intervals, elapsed: t - first, renders, webgl: g.document.body.dataset.renderer === 'webgl' });
            return;
          }
          const a = (2 * Math.PI * (t - first)) / periodMs;
          const nx = radius * Math.sin(a);
          const ny = radius * (1 - Math.cos(a));
          cy.panBy({ x: nx - x, y: ny - y });
          x = nx;
          y = ny;
          g.requestAnimationFrame(tick);
        };
        g.requestAnimationFrame(tick);
      }),
    { ms: seconds * 1000, radius: 200, periodMs: 1500 },
  );
  const sorted = [...run.intervals].sort((a, b) => a - b);
  const median = percentile(sorted, 50);
  const p95 = percentile(sorted, 95);
  return {
    median: round(1000 / median, 1),
    p5: round(1000 / p95, 1),
    mean: round(run.intervals.length / (run.elapsed / 1000), 1),
    frames: run.intervals.length,
    renders: run.webgl ? null : run.renders,
    seconds: round(run.elapsed / 1000, 2),
    worstMs: round(sorted[sorted.length - 1] ?? NaN, 1),
  };
}

/**
 * Opens one view `runs` times as a first visit (after `warmup` unmeasured loads), then `runs` times with the
 * positions those loads stored, and pans the last page when `pan`.
 */
async function measureView(context: BrowserContext, appUrl: string, view: string, query: string, o: { runs: number; warmup: number; pan: boolean; panSeconds: number; timeoutMs: number; log: (m: string) => void }): Promise<ViewFigures> {
  const samples: number[] = [];
  const storedSamples: number[] = [];
  const stages = { firstVisit: '', stored: null as string | null };
  let last: Loaded | null = null;
  let fps: FpsFigures | null = null;
  const total = o.warmup + 2 * o.runs;
  for (let i = 0; i < total; i += 1) {
    const stored = i >= o.warmup + o.runs;
    const { page, loaded, quiet } = await open(context, appUrl, query, o.timeoutMs, stored);
    try {
      if (!loaded.exposed) throw new Error(`The ${view} rendered but no Cytoscape instance was found (window.cy or #cy._cyreg.cy).`);
      const warm = i >= o.warmup;
      if (warm) (stored ? storedSamples : samples).push(loaded.firstRenderMs);
      if (warm && stored) stages.stored = loaded.stage;
      else if (warm) stages.firstVisit = loaded.stage;
      const run = stored ? `run ${i - o.warmup - o.runs + 1}/${o.runs}, positions stored` : `run ${i - o.warmup + 1}/${o.runs}, first visit`;
      o.log(`  browser: ${view} ${warm ? run : 'warm-up'}: first render ${Math.round(loaded.firstRenderMs)} ms (${loaded.stage}), ${loaded.nodes} nodes, ${loaded.edges} edges (${loaded.renderer})`);
      last = loaded;
      // The last first visit stays until the layout has ended, as a user does, so that the view stores its positions.
      if (i === o.warmup + o.runs - 1 && i < total - 1) await settle(page, o.timeoutMs);
      if (o.pan && i === total - 1) {
        await settle(page, o.timeoutMs);
        fps = await panFps(page, o.panSeconds);
        o.log(`  browser: ${view} panning: ${fps.median} fps median, ${fps.p5} fps p5 (${fps.frames} frames${fps.renders === null ? '' : `, ${fps.renders} redraws`} in ${fps.seconds} s)`);
      }
      await quiet();
    } finally {
      await page.close().catch(() => undefined);
    }
  }
  const rounded = (xs: number[]): Timing => {
    const t = summarize(xs);
    return { ...t, median: round(t.median, 1), p95: round(t.p95, 1), min: round(t.min, 1) };
  };
  return {
    view,
    query,
    firstRenderMs: rounded(samples),
    firstRenderStoredMs: storedSamples.length ? rounded(storedSamples) : null,
    firstRenderStage: stages,
    fps,
    nodes: last!.nodes,
    edges: last!.edges,
    renderer: last!.renderer,
  };
}

/**
 * Time to first render of the network view (`opts.runs` fresh pages of the opening view as a first visit, after
 * one unmeasured cold load, then `opts.runs` with the positions stored; the whole graph `opts.fullGraphRuns` times
 * each) and frames per second while panning the whole graph (and the opening view), in headless Chromium against
 * the app at `appUrl`, which serves client/dist.
 */
export async function networkViewFigures(appUrl: string, opts: NetworkViewOptions): Promise<NetworkViewFigures> {
  const panSeconds = opts.panSeconds ?? 3;
  const timeoutMs = opts.timeoutMs ?? 600_000;
  const browser = await launch();
  try {
    const pin = { auto: '', canvas: 'webgl=0', webgl: 'webgl=1' }[opts.renderer ?? 'auto'];
    const overviewQuery = [OVERVIEW_QUERY, pin].filter(Boolean).join('&');
    const fullQuery = [FULL_GRAPH_QUERY, pin].filter(Boolean).join('&');
    const overview = await measureView(browser.context, appUrl, 'overview', overviewQuery, { runs: opts.runs, warmup: 1, pan: opts.overviewFps ?? true, panSeconds, timeoutMs, log: opts.log });
    const fullGraph = await measureView(browser.context, appUrl, 'full graph', fullQuery, { runs: opts.fullGraphRuns ?? 1, warmup: 0, pan: true, panSeconds, timeoutMs, log: opts.log });
    return {
      firstRenderMs: overview.firstRenderMs,
      fps: fullGraph.fps!,
      nodes: fullGraph.nodes,
      edges: fullGraph.edges,
      mode: `full graph (?${fullQuery}, ${fullGraph.renderer} renderer)`,
      overview,
      fullGraph,
    };
  } finally {
    await browser.close();
  }
}
