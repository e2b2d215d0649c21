import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, screenshot, signInThroughForm, useDemoConsole } from './support/browser';

/**
 * 督办 in Chromium on the demo province: 西安 (负责人) sees the demo plan's
 * flagged measures on the 督办 tab and sends 雁塔 a 催办; 雁塔's bell shows it,
 * the notification opens the tab, 雁塔 replies; 西安 is told and closes it.
 */
describe('work plans: 督办 tab and the notification bell in Chromium', () => {
  const demo = useDemoConsole();

  async function as(login: string): Promise<Page> {
    const context = await demo.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await signInThroughForm(page, demo.url, login, DEMO_PASSWORD);
    await page.locator('.app-sider').waitFor({ timeout: 15_000 });
    return page;
  }

  const planId = async (page: Page): Promise<number> =>
    page.evaluate(async () => ((await (await fetch('/api/plans')).json()) as { items: { id: number }[] }).items[0]!.id);

  it('flags, 催办, notifies through the bell, replies and closes', async () => {
    let page = await as('xian');
    const id = await planId(page);
    await page.goto(`${demo.url}/plans/${id}?tab=supervision`);
    const tab = page.getByTestId('plan-supervision');
    await tab.waitFor({ timeout: 20_000 });
    // The demo's measures are past their reporting periods: 雁塔 is flagged and 西安 may supervise it.
    const row = tab.locator('tr').filter({ hasText: '雁塔' }).filter({ has: page.getByRole('button', { name: '督 办' }) }).first();
    await row.waitFor();
    await row.getByRole('button', { name: '督 办' }).click();
    const dialog = page.locator('.ant-modal:visible');
    await dialog.locator('textarea').fill('请于本周内报送进展并说明滞后原因');
    await screenshot(page, 'plans-supervision-issue-dialog');
    await dialog.getByRole('button', { name: '提 交' }).click();
    await expect.poll(() => tab.locator('[data-testid^="supervision-item-"]').count()).toBe(1);
    await expect.poll(() => tab.locator('[data-testid^="supervision-item-"]').innerText()).toContain('待答复');
    await screenshot(page, 'plans-supervision-tab-issued');

    // 雁塔: the bell counts the 催办; clicking it marks it read and opens the 督办 tab.
    page = await as('yanta');
    const bell = page.getByTestId('notification-bell');
    await expect.poll(async () => bell.innerText()).toMatch(/[1-9]/);
    await bell.click();
    const list = page.getByTestId('notification-list');
    await list.waitFor();
    await expect.poll(() => list.innerText()).toContain('西安市总工会催办');
    await screenshot(page, 'plans-supervision-bell-open');
    await list.locator('.notification-item').first().click();
    await page.waitForURL(/tab=supervision/);
    const yantaTab = page.getByTestId('plan-supervision');
    await yantaTab.waitFor();
    await yantaTab.getByRole('button', { name: '答 复' }).click();
    const reply = page.locator('.ant-modal:visible');
    await reply.locator('textarea').fill('已组织推荐，12 月中旬完成');
    await reply.locator('.ant-picker input').fill('2026-12-20');
    await reply.locator('.ant-picker input').press('Enter');
    await reply.getByRole('button', { name: '提 交' }).click();
    await expect.poll(() => yantaTab.locator('[data-testid^="supervision-item-"]').innerText()).toContain('已答复');
    await expect.poll(() => yantaTab.innerText()).toContain('预计 2026-12-20 完成');
    await screenshot(page, 'plans-supervision-replied');

    // 西安 is told of the reply and closes the item.
    page = await as('xian');
    await page.getByTestId('notification-bell').click();
    await expect.poll(() => page.getByTestId('notification-list').innerText()).toContain('雁塔区总工会答复催办');
    await page.goto(`${demo.url}/plans/${id}?tab=supervision`);
    const closing = page.getByTestId('plan-supervision');
    await closing.getByRole('button', { name: '办 结' }).click();
    await page.locator('.ant-modal:visible').getByRole('button', { name: '提 交' }).click();
    await expect.poll(() => closing.locator('[data-testid^="supervision-item-"]').innerText()).toContain('已办结');
    await screenshot(page, 'plans-supervision-closed');
  }, 180_000);
});
