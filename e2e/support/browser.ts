import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { freshDataDir, type ServerProcess, startServer } from '../../test/support/server-process';
import { CHROMIUM_PATH } from './chromium-path';

const ROOT = new URL('../../', import.meta.url).pathname;
export const SCREENSHOT_DIR = `${ROOT}test-results/screenshots`;

/** Builds the web console the way `npm start` does (only when sources changed). */
export function buildWebIfStale(): void {
  execFileSync(process.execPath, ['scripts/build-web-if-stale.mjs'], { cwd: ROOT, stdio: 'inherit' });
}

/**
 * Debian's Chromium, headless. Background networking is off: this machine's
 * closed network refuses Chromium's own connections (env notes).
 *
 * Its pages prefer reduced motion, which the console honours (usePrefersReducedMotion):
 * dialogs, dropdowns and charts appear at once. On a loaded CI machine a click made while a
 * dropdown or a confirm dialog was still animating was lost twice, failing tests that hold.
 */
export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const newContext = browser.newContext.bind(browser);
  const newPage = browser.newPage.bind(browser);
  browser.newContext = (options) => newContext({ reducedMotion: 'reduce', ...options });
  browser.newPage = (options) => newPage({ reducedMotion: 'reduce', ...options });
  return browser;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = `${SCREENSHOT_DIR}/${name}.png`;
  await page.screenshot({ path, fullPage: true });
  return path;
}

export async function signInThroughForm(page: Page, baseUrl: string, login: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.locator('#login').fill(login);
  await page.locator('#password').fill(password);
  await page.locator('button[type=submit]').click();
}

/** Presses the primary button of the open confirm dialog (Modal.confirm); pages prefer reduced motion, so it is already still. */
export async function confirmDialog(page: Page): Promise<void> {
  await page.locator('.ant-modal-confirm .ant-btn-primary').click();
}

/** The demo accounts' password (the demo seed's DEMO_PASSWORD). */
export const DEMO_PASSWORD = 'Gonghui@2026';

/**
 * One server on a fresh demo province and one Chromium for a test file,
 * started before its tests and stopped after them. Call inside `describe`.
 */
export function useDemoConsole(): { readonly url: string; readonly browser: Browser } {
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    buildWebIfStale();
    server = await startServer({ DATA_DIR: freshDataDir(), GONGHUI_DEMO: '1' });
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    get url() {
      if (!server) throw new Error('the demo server is not running yet (use it inside a test or a later beforeAll)');
      return server.url;
    },
    get browser() {
      if (!browser) throw new Error('Chromium is not running yet');
      return browser;
    },
  };
}
