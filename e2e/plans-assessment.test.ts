import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { confirmDialog, DEMO_PASSWORD, screenshot, signInThroughForm, useDemoConsole } from './support/browser';

/**
 * 考核 in Chromium on the demo province: 省总 builds a small scheme on the demo
 * plan's 考核 tab — one dimension, an item scored on the 三秦工匠 indicator
 * (completion of each city's share, from the roll-up) and a manual item —
 * opens a round, scores 西安, adjusts it with a reason, sees the ranking and
 * its chart, publishes and exports the result as .xlsx.
 */
describe('work plans: the 考核 tab in Chromium', () => {
  const demo = useDemoConsole();

  async function as(login: string): Promise<Page> {
    const context = await demo.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
    const page = await context.newPage();
    await signInThroughForm(page, demo.url, login, DEMO_PASSWORD);
    await page.locator('.app-sider').waitFor({ timeout: 15_000 });
    return page;
  }

  const planId = async (page: Page): Promise<number> =>
    page.evaluate(async () => ((await (await fetch('/api/plans')).json()) as { items: { id: number }[] }).items[0]!.id);

  /** Opens the antd Select inside `scope` and clicks the option containing `text` (popups render at the body). */
  async function choose(page: Page, scope: Locator, text: string): Promise<void> {
    await scope.locator('.ant-select').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click();
  }

  it('builds a scheme, scores, adjusts with a reason, ranks, publishes and exports', async () => {
    const page = await as('sheng');
    const id = await planId(page);
    await page.goto(`${demo.url}/plans/${id}?tab=assessment`);
    const tab = page.getByTestId('plan-assessment');
    await tab.waitFor({ timeout: 20_000 });
    // The demo's own scheme is listed first.
    await expect.poll(() => tab.innerText()).toContain('2026年度工作部署落实考核');
    await screenshot(page, 'plans-assessment-demo-scheme');

    // ---- The scheme: 重点任务 (100) → 三秦工匠选树 (60, by the indicator) + 机制建设 (40, manual).
    await page.getByTestId('assessment-create').click();
    const editor = page.getByTestId('assessment-editor');
    await editor.waitFor();
    await page.locator('#assessment-title').fill('三秦工匠专项考核');
    // Three of the thirteen cities the plan went to (the list starts with all of them).
    const units = page.locator('#assessment-units');
    await units.click();
    for (let left = 13; left > 0; left -= 1) await units.press('Backspace');
    for (const city of ['西安市总工会', '宝鸡市总工会', '咸阳市总工会']) {
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: city }).first().click();
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => editor.locator('.ant-select-selection-item').allInnerTexts()).toEqual(['西安市总工会', '宝鸡市总工会', '咸阳市总工会']);
    const rows = editor.locator('.ant-table-tbody tr.ant-table-row');
    const cell = (row: number, column: number) => rows.nth(row).locator('td').nth(column);
    await cell(0, 0).locator('input').fill('重点任务');
    await cell(1, 0).locator('input').fill('三秦工匠选树');
    await cell(1, 1).locator('input').fill('60');
    await cell(2, 0).locator('input').fill('推荐完成率');
    await cell(2, 1).locator('input').fill('60');
    await choose(page, cell(2, 2), '按指标完成率计分');
    await choose(page, cell(2, 3), '三秦工匠');
    // A second item under the dimension (its + button), then its manual rule.
    await cell(0, 4).locator('button').first().click();
    await expect.poll(() => rows.count()).toBe(5);
    await cell(3, 0).locator('input').fill('机制建设');
    await cell(3, 1).locator('input').fill('40');
    await cell(4, 0).locator('input').fill('督查机制');
    await cell(4, 1).locator('input').fill('40');
    // Each parent shows the sum of its children: all balanced now.
    await expect.poll(() => editor.locator('.assessment-sum-bad').count()).toBe(0);
    await screenshot(page, 'plans-assessment-editor');
    await page.getByTestId('assessment-save').click();
    await editor.waitFor({ state: 'detached', timeout: 15_000 });
    const tree = page.getByTestId('assessment-tree');
    await expect.poll(() => tree.innerText()).toContain('三秦工匠选树');
    await expect.poll(() => tree.innerText()).toMatch(/推荐完成率\s+60\s+按指标完成率计分/);
    await expect.poll(() => tree.innerText()).toMatch(/督查机制\s+40\s+人工评分/);

    // ---- A round; the ranking lists the cities the plan went to, scored live from the roll-up.
    const rounds = page.getByTestId('assessment-rounds');
    await expect.poll(() => rounds.innerText()).toContain('尚无考核轮次');
    await rounds.getByRole('button', { name: '新建轮次' }).click();
    const ranking = page.getByTestId('assessment-ranking');
    await expect.poll(() => ranking.innerText(), { timeout: 15_000 }).toContain('西安市总工会');
    await page.getByTestId('assessment-ranking-chart').locator('canvas').waitFor();

    // 西安: 8 三秦工匠 allocated, 4 accepted in its subtree (西安 3 + 雁塔 1) → 60 × 4/8 = 30.
    const sheet = page.getByTestId('assessment-sheet');
    const ruleRow = (title: string) => sheet.locator('tr').filter({ hasText: title }).first();
    const openSheet = async (city: string) => {
      await ranking.locator('tr').filter({ hasText: city }).click();
      await expect.poll(() => page.locator('.assessment-sheet-card .ant-card-head').innerText()).toContain(city);
    };
    const scoreManual = async (points: string, total: string) => {
      await ruleRow('督查机制').locator('[data-testid^="entry-open-"]').click();
      await ruleRow('督查机制').locator('input').fill(points);
      await ruleRow('督查机制').locator('[data-testid^="entry-save-"]').click();
      await expect.poll(() => page.getByTestId('sheet-total').innerText()).toBe(total);
    };
    await openSheet('西安市总工会');
    await expect.poll(() => ruleRow('推荐完成率').innerText()).toContain('完成 4 / 目标 8（完成率 50.00%');
    await expect.poll(() => page.getByTestId('sheet-total').innerText()).toBe('30');
    await expect.poll(() => ruleRow('督查机制').innerText()).toContain('待评分');
    // The manual rule: 35 of 40.
    await scoreManual('35', '65');

    // An adjustment needs a reason: refused without one, then +2 with it.
    await sheet.locator('tr').filter({ hasText: '机制建设' }).first().locator('[data-testid^="adjust-"]').click();
    const dialog = page.locator('.ant-modal:visible');
    await page.locator('#adjust-delta').fill('2');
    await page.locator('#adjust-save').click();
    await expect.poll(() => dialog.locator('.ant-form-item-explain-error').innerText()).toBe('请填写调整理由');
    await page.locator('#adjust-reason').fill('督查台账规范，现场核查加分');
    await screenshot(page, 'plans-assessment-adjust');
    await page.locator('#adjust-save').click();
    await dialog.waitFor({ state: 'hidden', timeout: 10_000 });
    await expect.poll(() => page.getByTestId('sheet-total').innerText()).toBe('67');
    await expect.poll(() => sheet.locator('tr').filter({ hasText: '机制建设' }).first().innerText()).toContain('督查台账规范，现场核查加分');
    await expect.poll(() => ranking.locator('tr').filter({ hasText: '西安市总工会' }).innerText()).toMatch(/67$/);
    await screenshot(page, 'plans-assessment-scored');

    // ---- Publish: refused while a city's manual rule waits for its score.
    const publish = async () => {
      await page.getByTestId('assessment-publish').click();
      await confirmDialog(page);
    };
    await publish();
    await expect.poll(() => page.locator('.ant-message').innerText()).toMatch(/「(宝鸡|咸阳)市总工会」的评分规则「督查机制」尚未评分，请评分后再发布/);
    await expect.poll(() => page.getByTestId('assessment-round-status').innerText()).toBe('评分中');
    // 宝鸡 and 咸阳 have no accepted 三秦工匠 figure yet: 0 on the indicator, their manual score only.
    await openSheet('宝鸡市总工会');
    await scoreManual('30', '30');
    await openSheet('咸阳市总工会');
    await expect.poll(() => ruleRow('推荐完成率').innerText()).toContain('暂无完成数据，按 0 分计');
    await scoreManual('38', '38');
    await publish();
    await expect.poll(() => page.getByTestId('assessment-round-status').innerText(), { timeout: 30_000 }).toBe('已发布');
    await expect.poll(() => ranking.locator('tbody tr.ant-table-row').allInnerTexts()).toEqual([
      expect.stringMatching(/^1\s+西安市总工会\s+67\s+2\s+67$/),
      expect.stringMatching(/^2\s+咸阳市总工会\s+38\s+0\s+38$/),
      expect.stringMatching(/^3\s+宝鸡市总工会\s+30\s+0\s+30$/),
    ]);
    await expect.poll(() => page.getByTestId('assessment-publish').count()).toBe(0);
    // The open sheet is read again: a published round offers no more entries or adjustments.
    await expect.poll(() => sheet.locator('[data-testid^="entry-open-"], [data-testid^="adjust-"]').count()).toBe(0);
    await expect.poll(() => page.getByTestId('sheet-total').innerText()).toBe('38');
    await screenshot(page, 'plans-assessment-published');

    // ---- Export: the workbook holds the ranking and the adjustment with its reason.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('assessment-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^考核结果-三秦工匠专项考核-.*\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const rankingSheet = workbook.getWorksheet('排名')!;
    // Row 1 title, row 2 watermark, row 3 header; the first union follows.
    expect(rankingSheet.getRow(3).values).toEqual([undefined, '名次', '单位', '重点任务（100分）', '计算得分', '调整', '总分']);
    expect(rankingSheet.getRow(4).values).toEqual([undefined, 1, '西安市总工会', 67, 65, 2, 67]);
    const detail = workbook.getWorksheet('评分明细')!;
    const adjusted = detail.getSheetValues().find((row) => Array.isArray(row) && row[1] === '西安市总工会' && row[3] === '机制建设') as unknown[];
    expect(adjusted.slice(4, 9)).toEqual([40, 35, 2, '督查台账规范，现场核查加分', 37]);
    await page.context().close();
  }, 180_000);
});
