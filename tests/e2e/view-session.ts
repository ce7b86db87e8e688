import type { Page } from 'playwright-core';
import type { Database } from '../../server/src/db/database';
import type { RunningApp } from '../../server/src/http/app';
import { testConfig, testDatabase } from '../helpers/db';
import { startTestApp } from '../helpers/http';
import { ensureSeeded } from '../helpers/seeded';
import { collectErrors, launchBrowser } from './browser';
import type { Browser } from './browser';

/**
 * What a test file of the network view works with: the shipped graph behind a running API, one browser for the
 * file and a fresh page for each test. The fields change as the hooks run; read them inside tests or hooks.
 */
export interface ViewSession {
  db: Database;
  app: RunningApp;
  page: Page;
  /** Page errors and console errors seen by this test's page. */
  errors: string[];
  /** Asserts that the page threw nothing (failed requests a test provokes are console errors, and allowed). */
  expectNoPageErrors(): void;
}

/** This test file's session (jest loads the module once per test file). */
let current: ViewSession | null = null;

/** Asserts that the current test's page threw nothing (see ViewSession.expectNoPageErrors). */
export function expectNoPageErrors(): void {
  if (!current)
    throw new Error('expectNoPageErrors() before viewSession(): call viewSession() at the top of the test file.');
  current.expectNoPageErrors();
}

/** Registers the hooks that seed, start and stop everything; call it at the top of a test file. */
export function viewSession(): ViewSession {
  let browser: Browser;
  const session = {
    errors: [] as string[],
    expectNoPageErrors(): void {
      expect(session.errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    },
  } as ViewSession;
  current = session;

  beforeAll(async () => {
    session.db = testDatabase();
    await ensureSeeded(session.db);
    session.app = await startTestApp(testConfig(), session.db);
    browser = await launchBrowser();
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await session.app?.stop();
    await session.db?.close();
  });

  beforeEach(async () => {
    session.page = await browser.context.newPage();
    session.errors = collectErrors(session.page);
  });

  afterEach(async () => {
    await session.page.close();
  });

  return session;
}
