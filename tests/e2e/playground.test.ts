import type { Database } from '../../server/src/db/database';
import type { RunningApp } from '../../server/src/http/app';
import { testConfig, testDatabase } from '../helpers/db';
import { gql, startTestApp } from '../helpers/http';
import { PLAYGROUND_EXAMPLES } from '../../server/src/http/playground-examples';
import { ensureSeeded } from '../helpers/seeded';
import { collectErrors, launchBrowser, shot } from './browser';
import type { Browser } from './browser';

/** The GraphiQL playground works offline: every request to another host is blocked, and it still answers. */
describe('the GraphQL playground in headless Chromium, offline', () => {
  let db: Database;
  let app: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    db = testDatabase();
    await ensureSeeded(db);
    app = await startTestApp(testConfig({ GRAPHQL_PLAYGROUND: 'true', NEO4J_TX_TIMEOUT_MS: '60000' }), db);
    // Neo4j plans a statement the first time it sees it (seconds on a loaded machine); plan it before the browser runs it.
    await gql(
      app.url,
      '{ missions(hostState: "BIH") { items { id } } paths(from: "NATO", to: "EU", types: [DEPLOYED, COOPERATED_WITH], k: 2) { sentence } }',
    );
    browser = await launchBrowser();
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await db?.close();
  });

  it('loads with its example queries, runs one and shows the answer, with every other host blocked', async () => {
    const own = new URL(app.url).host;
    const blocked: string[] = [];
    const page = await browser.context.newPage();
    await page.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.host === own) return route.continue();
      blocked.push(url.href);
      return route.abort();
    });
    const errors = collectErrors(page);
    await page.goto(`${app.url}/graphiql`);
    await page.waitForSelector('.graphiql-execute-button', { timeout: 60_000 });
    const tabs = await page.locator('.graphiql-tab').count();
    expect(tabs).toBeGreaterThanOrEqual(6);
    // The first tab, "Bosnia: the sequence of missions", is active; switching tabs right before running races GraphiQL's state.
    await page.waitForFunction(
      () => document.querySelector('.graphiql-query-editor')?.textContent?.includes('query Bosnia'),
      undefined,
      { timeout: 30_000 },
    );
    await page.locator('.graphiql-execute-button').click();
    await page.waitForFunction(
      () => /"(data|errors)"/.test(document.querySelector('.graphiql-response')?.textContent ?? ''),
      undefined,
      { timeout: 120_000 },
    );
    const answer = (await page.locator('.graphiql-response').textContent()) ?? '';
    expect(answer).not.toContain('"errors"');
    expect(answer).toContain('"missions"');
    // The editor draws only the lines in view: check that the top of the answer holds the first missions of the
    // same query's answer over HTTP (the data decide which they are), with their cooperations.
    const direct = await gql<{ missions: { items: { id: string }[] } }>(app.url, PLAYGROUND_EXAMPLES[0].query);
    const first = direct.body.data!.missions.items[0].id;
    expect(answer).toContain(`"${first}"`);
    expect(answer).toContain('"cooperations"');
    await shot(page, 'playground-bosnia');
    expect(blocked).toEqual([]);
    expect(errors).toEqual([]);
  }, 300_000);
});
