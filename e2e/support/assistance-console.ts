import { mkdirSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { loadConfig } from '../../src/core/config/config';
import type { Database } from '../../src/core/db/database';
import { createTestDatabase } from '../../src/core/db/testing';
import { buildApp } from '../../src/core/http/app';
import { buildHouseholdWorld, type HouseholdWorld } from '../../src/modules/assistance/server/testing/household-world';
import { MODULES } from '../../src/server/modules';
import { buildWebIfStale, launchBrowser, SCREENSHOT_DIR } from './browser';

const WEB_ROOT = fileURLToPath(new URL('../../dist/web', import.meta.url));
/** The household world's staff password (createStaff). */
const PASSWORD = 'Correct-Horse-42';

/**
 * The real app in process on PGlite with the hardship-file test world (甲厂
 * with its clerk and reviewer under 甲县 …, household-world.ts) and its fake
 * clock, the built console, and one Chromium: what the assistance browser
 * journeys share. `prepare` adds that journey's records before the app starts.
 */
export type AssistanceConsole = {
  world: HouseholdWorld;
  url: string;
  browser: Browser;
  /** Uncaught errors in any page: a journey must end with none. */
  pageErrors: string[];
  /** A fresh browser session signed in as `login`, on `path`. */
  as: (login: string, path: string) => Promise<Page>;
  /** A full-page screenshot under test-results/screenshots/<journey>/, numbered in order. */
  shoot: (page: Page, name: string) => Promise<void>;
  close: () => Promise<void>;
};

export async function startAssistanceConsole(journey: string, prepare: (world: HouseholdWorld) => Promise<void> = async () => undefined): Promise<AssistanceConsole> {
  buildWebIfStale();
  const shotsDir = `${SCREENSHOT_DIR}/${journey}`;
  rmSync(shotsDir, { recursive: true, force: true });
  mkdirSync(shotsDir, { recursive: true });
  const database: Database = await createTestDatabase('pglite');
  const world = await buildHouseholdWorld(database);
  await prepare(world);
  const app: FastifyInstance = await buildApp({
    config: loadConfig({ DATA_DIR: world.dataDir, LOG_LEVEL: 'error' }),
    database,
    modules: MODULES,
    keys: world.keys,
    now: world.clock.now,
    webRoot: WEB_ROOT,
    logger: false,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const browser = await launchBrowser();
  const pageErrors: string[] = [];
  let shots = 0;

  const as = async (login: string, path: string): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(`${login}: ${error.message}`));
    await page.goto(`${url}/`);
    await page.locator('#login').fill(login, { timeout: 15_000 }).catch((error: unknown) => {
      throw new Error(`no sign-in form: ${pageErrors.join(' | ')}`, { cause: error });
    });
    await page.locator('#password').fill(PASSWORD);
    await page.locator('button[type=submit]').click();
    await page.locator('.app-sider').waitFor({ timeout: 15_000 });
    await page.goto(`${url}${path}`);
    return page;
  };
  const shoot = async (page: Page, name: string): Promise<void> => {
    shots += 1;
    await page.screenshot({ path: `${shotsDir}/${String(shots).padStart(2, '0')}-${name}.png`, fullPage: true });
  };
  const close = async () => {
    await browser.close();
    await app.close();
    await world.app.close();
    await database.close();
  };
  return { world, url, browser, pageErrors, as, shoot, close };
}

/** Clicks the option of an antd Select whose text contains `text` (the popup is rendered at the body). */
export async function chooseOption(page: Page, selectId: string, text: string): Promise<void> {
  await page.locator(`#${selectId}`).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click();
}

/** The error antd shows under the form item holding input `#inputId`. */
export const fieldError = (page: Page, inputId: string) =>
  page.locator('.ant-form-item').filter({ has: page.locator(`#${inputId}`) }).locator('.ant-form-item-explain-error');
