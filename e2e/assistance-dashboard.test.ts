import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HouseholdWorld, RELATIVE_FIGURES } from '../src/modules/assistance/server/testing/household-world';
import { type AssistanceConsole, startAssistanceConsole } from './support/assistance-console';

/**
 * 帮扶统计 in Chromium on the real app (PGlite, the hardship-file world):
 * 甲厂 has 王 and 李 filed 深度困难, 张 filed 相对困难 and 赵 in filing; 王
 * received 1200 元 of 生活救助 from 财政专项; 甲县 set a 送温暖 campaign of
 * 1500 元. 甲市's head opens the page from the nav, sees the figures and the
 * charts, and downloads the workbook.
 */
describe('assistance dashboard (帮扶统计) in Chromium', () => {
  let assistance: AssistanceConsole;
  let world: HouseholdWorld;

  beforeAll(async () => {
    assistance = await startAssistanceConsole('assistance-dashboard', async (w) => {
      const [wang] = await w.fileHouseholds([{ who: w.members.wang }, { who: w.members.li }, { who: w.members.zhang, figures: RELATIVE_FIGURES }]);
      await w.open(w.members.zhao);
      const record = (await w.post(w.logins.clerkA, '/api/assistance/aid/records', { householdId: wang, payingOrgUnitId: w.units.factoryA.id, category: 'living', fundingSource: 'fiscal', amount: 1200, aidDate: '2026-11-24' })).json();
      for (const [login, step] of [[w.logins.countyA, 'approve'], [w.logins.clerkA, 'pay']] as const) {
        const version = (await w.get(w.logins.countyA, `/api/assistance/aid/records/${record.id}`)).json().workflow.version;
        const done = await w.post(login, `/api/assistance/aid/records/${record.id}/actions/${step}`, { expectedVersion: version });
        if (done.statusCode !== 200) throw new Error(`${step}: ${done.body}`);
      }
      const campaign = await w.post(w.logins.countyClerkA, '/api/assistance/campaigns', { name: '2027 年元旦春节送温暖', payingOrgUnitId: w.units.countyA.id, category: 'warmth', fundingSource: 'union_funds', standardAmount: 300, budget: 1500, aidDate: '2026-12-28' });
      if (campaign.statusCode !== 200) throw new Error(`campaign: ${campaign.body}`);
    });
    ({ world } = assistance);
  }, 300_000);

  afterAll(async () => {
    await assistance?.close();
  });

  const figure = (page: Page, key: string) => page.getByTestId(`dash-${key}`).locator('.ant-statistic-content').textContent();

  it('shows the city’s figures and charts from the nav, and downloads the same figures as .xlsx', async () => {
    const page = await assistance.as(world.logins.cityA, '/assistance');
    await page.locator('.app-sider').getByText('帮扶统计').click();
    await page.getByTestId('assistance-dashboard').waitFor({ timeout: 15_000 });
    expect(new URL(page.url()).pathname).toBe('/assistance/dashboard');
    await expect.poll(() => figure(page, 'filed'), { timeout: 15_000 }).toBe('3');
    await expect.poll(() => figure(page, 'in-progress')).toBe('1');
    await expect.poll(() => figure(page, 'disbursed')).toBe('1,200');
    await expect.poll(() => figure(page, 'budget')).toBe('1,500');
    await expect.poll(() => page.getByTestId('dash-year').innerText()).toContain('2026 年');
    // Every chart drew on its canvas; the budget's basis is said under the funds.
    for (const chart of ['dash-tier', 'dash-cause', 'dash-unit', 'dash-source', 'dash-category']) {
      expect(await page.getByTestId(chart).locator('canvas').count(), chart).toBe(1);
    }
    await expect.poll(() => page.getByTestId('dash-source-card').innerText()).toContain('平台暂无年度帮扶资金预算表');
    await expect.poll(() => page.getByTestId('dash-exits-card').innerText()).toContain('暂无数据');
    await page.waitForTimeout(800); // let the charts finish their entry animation before the picture
    await assistance.shoot(page, 'dashboard-city');

    const download = page.waitForEvent('download', { timeout: 20_000 });
    await page.getByTestId('dash-export').click();
    const xlsx = await download;
    expect(xlsx.suggestedFilename()).toBe('帮扶统计-甲市总工会-2026年-20261124.xlsx');
    expect(assistance.pageErrors).toEqual([]);
  });
});
