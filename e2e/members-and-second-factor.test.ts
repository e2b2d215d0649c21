import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../src/core/auth/totp';
import { openDatabase } from '../src/core/db/database';
import { freshDataDir, type ServerProcess, startServer } from '../test/support/server-process';
import { buildWebIfStale, DEMO_PASSWORD, launchBrowser, screenshot, signInThroughForm } from './support/browser';


describe('members and the second factor in Chromium', () => {
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    buildWebIfStale();
    const dataDir = freshDataDir();
    // First start migrates and seeds; then 咸阳's account is made to require the second factor.
    await (await startServer({ DATA_DIR: dataDir, GONGHUI_DEMO: '1' })).stop();
    const database = await openDatabase({ engine: 'pglite', dataDir });
    await database.kysely.updateTable('account').set({ second_factor_required: true }).where('login', '=', 'xianyang').execute();
    await database.close();
    server = await startServer({ DATA_DIR: dataDir, GONGHUI_DEMO: '1' });
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows members masked and reveals a full ID number after a reason is given', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signInThroughForm(page, server.url, 'jiceng', DEMO_PASSWORD);
    await page.getByTestId('org-tree').waitFor({ timeout: 15_000 });
    await page.goto(`${server.url}/members`);
    const table = page.getByTestId('member-table');
    await expect.poll(() => table.locator('tbody tr').count(), { timeout: 15_000 }).toBeGreaterThan(2);
    const firstId = page.locator('[data-testid^="idNumber-"]').first();
    const masked = (await firstId.textContent()) ?? '';
    expect(masked).toMatch(/^\d{3}\*{11}[\dX]{4}$/);
    await screenshot(page, 'members-masked');

    const memberId = ((await firstId.getAttribute('data-testid')) ?? '').replace('idNumber-', '');
    await page.getByTestId(`reveal-idNumber-${memberId}`).click();
    await page.locator('.reveal-dialog').getByRole('button', { name: /查\s?看/ }).click();
    await expect.poll(() => page.locator('.reveal-dialog').textContent()).toContain('请填写查看原因');
    await page.locator('#reveal-reason').fill('办理会员转会手续');
    await screenshot(page, 'members-reveal-reason');
    await page.locator('.reveal-dialog').getByRole('button', { name: /查\s?看/ }).click();
    await expect.poll(() => firstId.textContent(), { timeout: 10_000 }).toMatch(/^\d{17}[\dX]$/);
    const full = (await firstId.textContent()) ?? '';
    expect(full.slice(0, 3)).toBe(masked.slice(0, 3));
    expect(full.slice(-4)).toBe(masked.slice(-4));
    await page.locator('.reveal-dialog').waitFor({ state: 'hidden' });
    await screenshot(page, 'members-revealed');
    await page.close();
  });

  it('enrols an authenticator at first sign-in and asks for a code the next time', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    const page = await context.newPage();
    await signInThroughForm(page, server.url, 'xianyang', DEMO_PASSWORD);
    const secretNode = page.getByTestId('enrolment-secret');
    await secretNode.waitFor({ timeout: 15_000 });
    await page.getByTestId('enrolment-qr').locator('svg').waitFor();
    await screenshot(page, 'totp-enrolment');
    const secret = ((await secretNode.textContent()) ?? '').trim();
    await page.locator('#code').fill(totpCode(secret, new Date()));
    await page.locator('button[type=submit]').click();
    const codes = page.getByTestId('recovery-codes');
    await codes.waitFor({ timeout: 10_000 });
    await expect.poll(() => codes.locator('li').count()).toBe(10);
    await screenshot(page, 'totp-recovery-codes');
    await page.getByRole('button', { name: '我已妥善保存，进入系统' }).click();
    await expect.poll(() => page.getByTestId('org-tree').textContent(), { timeout: 15_000 }).toContain('咸阳市总工会');

    // A new browser session: password, then the code of the next 30-second step.
    await context.clearCookies();
    await signInThroughForm(page, server.url, 'xianyang', DEMO_PASSWORD);
    await page.locator('#code').waitFor({ timeout: 10_000 });
    await screenshot(page, 'totp-verify');
    await page.locator('#code').fill(totpCode(secret, new Date(Date.now() + 30_000)));
    await page.locator('button[type=submit]').click();
    await expect.poll(() => page.getByTestId('org-tree').textContent(), { timeout: 15_000 }).toContain('咸阳市总工会');
    await context.close();
  });
});
