import { existsSync, statSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/core/db/database';
import { freshDataDir, type ServerProcess, startServer } from '../test/support/server-process';
import { buildWebIfStale, DEMO_PASSWORD, launchBrowser, screenshot, signInThroughForm } from './support/browser';


/**
 * Demo accounts hold business roles only. The audit administrator is added
 * straight into the database while the server is stopped (PGlite has one
 * writer): `shenji` at the province, with the demo password and no second factor.
 */
async function addAuditAdmin(dataDir: string): Promise<void> {
  const database = await openDatabase({ engine: 'pglite', dataDir });
  try {
    const db = database.kysely;
    const demo = await db.selectFrom('account').select('password_hash').where('login', '=', 'sheng').executeTakeFirstOrThrow();
    const province = await db.selectFrom('org_unit').select('id').where('parent_id', 'is', null).executeTakeFirstOrThrow();
    const account = await db
      .insertInto('account')
      .values({
        login: 'shenji',
        name: '周审计',
        password_hash: demo.password_hash,
        password_changed_at: new Date(),
        second_factor_required: false,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('role_assignment').values({ account_id: account.id, org_unit_id: province.id, role: 'auditadmin' }).execute();
  } finally {
    await database.close();
  }
}

async function signInByApi(server: ServerProcess, login: string, password: string): Promise<number> {
  const response = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password }),
  });
  return response.status;
}

const tableText = (page: Page) => page.getByTestId('audit-table').locator('tbody.ant-table-tbody').textContent();
const rowCount = (page: Page) => page.getByTestId('audit-table').locator('tbody.ant-table-tbody > tr.ant-table-row').count();

describe('audit trail viewer in Chromium', () => {
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    buildWebIfStale();
    const dataDir = freshDataDir();
    // First start: migrate and seed the demo province; leave some sign-ins in the trail.
    const first = await startServer({ DATA_DIR: dataDir, GONGHUI_DEMO: '1' });
    expect(await signInByApi(first, 'xian', DEMO_PASSWORD)).toBe(200);
    expect(await signInByApi(first, 'xianyang', DEMO_PASSWORD)).toBe(200);
    expect(await signInByApi(first, 'xian', 'wrong-password')).toBe(401);
    expect(await first.stop()).toBe(0);
    await addAuditAdmin(dataDir);
    server = await startServer({ DATA_DIR: dataDir, GONGHUI_DEMO: '1' });
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows an audit admin the trail, filters by 操作人, pages on and exports with a purpose', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
    await signInThroughForm(page, server.url, 'shenji', DEMO_PASSWORD);
    await page.locator('.app-sider').getByText('审计日志').click();
    await page.waitForURL(/\/audit$/);
    await expect.poll(() => tableText(page), { timeout: 15_000 }).toContain('auth.login');
    const all = (await tableText(page)) ?? '';
    expect(all).toContain('李红霞');
    expect(all).toContain('刘建军');
    expect(all).toContain('未登录');

    // 操作人 = xian: her sign-in and the failed attempt typed as `xian`, nobody else.
    await page.getByTestId('filter-actor').fill('xian');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await expect.poll(() => rowCount(page), { timeout: 10_000 }).toBe(2);
    const filtered = (await tableText(page)) ?? '';
    expect(filtered).toContain('李红霞');
    expect(filtered).toContain('失败');
    expect(filtered).not.toContain('刘建军');

    // The details of an event unfold under its row.
    await page.getByTestId('audit-table').locator('.ant-table-row-expand-icon').first().click();
    await expect.poll(() => page.getByTestId('audit-details').first().textContent()).toContain('"reason": "wrong_password"');
    // Let the expand icon finish its transition before the picture.
    await page.waitForTimeout(300);
    const file = await screenshot(page, 'audit-viewer');
    expect(existsSync(file) && statSync(file).size).toBeGreaterThan(20_000);

    // Every view is itself audited: 55 more views make more than one page.
    for (let index = 0; index < 55; index += 1) {
      expect((await page.request.get(`${server.url}/api/audit/events?limit=1`)).status()).toBe(200);
    }
    await page.getByRole('button', { name: /重\s*置/ }).click();
    await expect.poll(() => rowCount(page), { timeout: 10_000 }).toBe(50);
    await page.getByTestId('audit-more').click();
    await expect.poll(() => rowCount(page), { timeout: 10_000 }).toBeGreaterThan(55);
    await expect.poll(() => tableText(page)).toContain('查看审计日志');

    // Export: the purpose is required, then the browser downloads the named file.
    await page.getByTestId('audit-export').click();
    await page.getByRole('button', { name: /导出 Excel/ }).click();
    await expect.poll(() => page.locator('.ant-modal').textContent()).toContain('请填写导出用途');
    await page.getByTestId('export-purpose').fill('浏览器测试：季度审计');
    const download = page.waitForEvent('download', { timeout: 20_000 });
    await page.getByRole('button', { name: /导出 Excel/ }).click();
    const xlsx = await download;
    expect(xlsx.suggestedFilename()).toMatch(/^审计日志-\d{8}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await xlsx.path());
    const sheet = workbook.worksheets[0]!;
    expect(String(sheet.getCell('A2').value)).toMatch(/^导出人：周审计（shenji） 单位：陕西省总工会 时间：.* 用途：浏览器测试：季度审计$/);
    expect(sheet.rowCount).toBeGreaterThan(60);
    await page.close();
  });

  it('shows a demo clerk no audit entry and refuses the page', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signInThroughForm(page, server.url, 'yanta', DEMO_PASSWORD);
    await page.locator('.app-sider').waitFor({ timeout: 15_000 });
    await expect.poll(() => page.locator('.app-sider').textContent()).not.toContain('审计日志');
    await page.goto(`${server.url}/audit`);
    await expect.poll(() => page.locator('.app-content').textContent(), { timeout: 10_000 }).toContain('无权访问');
    await page.close();
  });
});
