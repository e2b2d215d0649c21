import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDataDir, type ServerProcess, startServer } from '../test/support/server-process';
import { buildWebIfStale, confirmDialog, DEMO_PASSWORD, launchBrowser, screenshot, signInThroughForm } from './support/browser';

const SEED_1 = readFileSync(new URL('../src/modules/plans/server/fixtures/seed-1-fed-2023-15-measures.txt', import.meta.url), 'utf8');
/** A minimal PDF, as its first bytes make it (the server types evidence by content). */
const EVIDENCE_PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** Clicks the option of an antd Select whose text contains `text` (the popup is rendered at the body). */
async function chooseOption(page: Page, selectId: string, text: string): Promise<void> {
  await page.locator(`#${selectId}`).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click();
}

describe('work plans: import, review, issue down three levels, report, review and roll up in Chromium', () => {
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    buildWebIfStale();
    server = await startServer({ DATA_DIR: freshDataDir(), GONGHUI_DEMO: '1' });
    browser = await launchBrowser();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** A fresh browser session signed in as `login`, on the plan's page (or the list). */
  async function as(login: string, path = '/plans'): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await signInThroughForm(page, server.url, login, DEMO_PASSWORD);
    await page.locator('.app-sider').waitFor({ timeout: 15_000 });
    await page.goto(`${server.url}${path}`);
    return page;
  }

  it('carries seed 1 from the province to 雁塔 and back up to the province’s dashboard', async () => {
    // ---- 省总: import by pasting, review, fix an indicator, confirm.
    let page = await as('sheng');
    await page.locator('.app-sider').getByText('工作部署').waitFor();
    await page.getByTestId('plans-import').click();
    await page.locator('#plan-text').fill(SEED_1);
    await page.getByTestId('plan-parse').click();
    await page.getByTestId('plan-review').waitFor({ timeout: 20_000 });
    const planUrl = page.url().replace(/\?.*$/, '');
    expect(planUrl).toMatch(/\/plans\/\d+$/);
    await expect.poll(() => page.getByTestId('plan-review').innerText()).toContain('陕工办发〔2023〕12号');
    await expect.poll(() => page.getByTestId('plan-review').innerText()).toContain('15 项措施');

    const measure2 = page.getByTestId('review-measure-2');
    await measure2.click();
    await expect.poll(() => page.getByTestId('plan-source-mark').innerText()).toContain('加强工匠人才培育选树');
    await expect.poll(() => measure2.innerText()).toContain('40 人 · 三秦工匠 · 2023');
    await screenshot(page, 'plans-review');

    // Fix the 示范性创新工作室 target: its sentence names no year; it belongs to 2023.
    await measure2.locator('.ant-tag').filter({ hasText: '示范性创新工作室' }).click();
    await page.locator('#indicator-period').fill('23');
    await page.getByTestId('indicator-save').click();
    const periodError = page.locator('.ant-form-item').filter({ has: page.locator('#indicator-period') }).locator('.ant-form-item-explain-error');
    await expect.poll(() => periodError.textContent(), { timeout: 5_000 }).toBe('年度应为四位年份，如 2023');
    await screenshot(page, 'plans-indicator-invalid');
    await page.locator('#indicator-period').fill('2023');
    await page.getByTestId('indicator-save').click();
    await expect.poll(() => measure2.innerText(), { timeout: 10_000 }).toContain('20 个 · 示范性创新工作室 · 2023');

    await page.getByTestId('plan-confirm').click();
    await confirmDialog(page);
    await expect.poll(() => page.getByTestId('plan-status').textContent(), { timeout: 15_000 }).toBe('已确认');

    // 分工 of measure 2, then 下发 to 西安 and 宝鸡.
    await page.getByTestId('assign-2').click();
    // The lead department comes from the usual list (typing part of the name finds it).
    await page.locator('#assign-lead').fill('劳动');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '劳动和经济工作部' }).first().click();
    await page.getByTestId('assign-save').click();
    await expect
      .poll(() => page.getByTestId('measure-row-2').locator('xpath=ancestor::tr').innerText(), { timeout: 10_000 })
      .toContain('牵头：劳动和经济工作部');
    await page.locator('.plans-assign-drawer').waitFor({ state: 'detached' });
    await screenshot(page, 'plans-measures-province');
    await page.getByRole('tab', { name: '下发与签收' }).click();
    await chooseOption(page, 'issue-units', '西安市总工会');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '宝鸡市总工会' }).first().click();
    await page.keyboard.press('Escape');
    await page.getByTestId('issue-submit').click();
    const issued = page.getByTestId('issue-table');
    await expect.poll(() => issued.innerText(), { timeout: 15_000 }).toMatch(/西安市总工会[\s\S]*待签收/);
    await expect.poll(() => issued.innerText()).toContain('宝鸡市总工会');
    await screenshot(page, 'plans-issued');

    // 分解 40 三秦工匠: 25 to 西安, 10 to 宝鸡 — short of the target, a warning.
    await page.getByRole('tab', { name: '措施与分工' }).click();
    await page.getByTestId('allocate-三秦工匠').click();
    await page.getByTestId('allocation-西安市总工会').locator('input').fill('25');
    await page.getByTestId('allocation-宝鸡市总工会').locator('input').fill('10');
    await expect.poll(() => page.getByTestId('allocation-warning').innerText()).toContain('尚有 5 人 未分解到下级');
    await screenshot(page, 'plans-allocation-province');
    await page.getByTestId('allocation-save').click();
    await expect.poll(() => page.locator('.ant-drawer .ant-alert-warning').first().innerText(), { timeout: 10_000 }).toContain('少于本级目标');
    await page.context().close();

    // ---- 西安: signs, passes the plan to 雁塔 and its 三秦工匠 share with it.
    page = await as('xian');
    const row = page.getByTestId('plans-table').locator('tbody tr.ant-table-row').filter({ hasText: '15条措施' }).first();
    await expect.poll(() => row.innerText(), { timeout: 15_000 }).toContain('待签收');
    await screenshot(page, 'plans-list-city');
    await row.locator('a').first().click();
    await page.getByTestId('plan-acknowledge').click();
    await expect.poll(() => page.getByTestId('plan-receipt').innerText(), { timeout: 15_000 }).toContain('已于');
    await page.getByRole('tab', { name: '下发与签收' }).click();
    await chooseOption(page, 'issue-units', '雁塔区总工会');
    await page.keyboard.press('Escape');
    await page.getByTestId('issue-submit').click();
    await expect.poll(() => page.getByTestId('issue-table').innerText(), { timeout: 15_000 }).toContain('雁塔区总工会');
    await page.getByRole('tab', { name: '措施与分工' }).click();
    await page.getByTestId('allocate-三秦工匠').click();
    await expect.poll(() => page.getByTestId('allocation-sum').innerText(), { timeout: 10_000 }).toContain('本级目标：25 人');
    await page.getByTestId('allocation-西安市雁塔区总工会').locator('input').fill('25');
    await page.getByTestId('allocation-save').click();
    await page.getByTestId('allocation').waitFor({ state: 'detached', timeout: 10_000 });
    await page.context().close();

    // ---- 雁塔: signs and reports on measure 2 with an evidence file.
    page = await as('yanta', new URL(planUrl).pathname);
    await page.getByTestId('plan-acknowledge').click();
    await expect.poll(() => page.getByTestId('plan-receipt').innerText(), { timeout: 15_000 }).toContain('已于');
    await page.getByTestId('report-2').click();
    await page.getByTestId('report-form').waitFor({ timeout: 10_000 });
    // The figure's label gives the plan's target and 雁塔's own share of it (25, passed down by 西安).
    await expect.poll(() => page.locator('.plans-report-figures').innerText()).toContain('本单位分解目标 25 人');
    await page.locator('#report-narrative').fill('已组织推荐，6 名候选人进入评审。');
    await page.locator('[id^="report-figure-"]').first().fill('6');
    await page.getByTestId('report-save').click();
    await page.getByTestId('report-state').waitFor({ timeout: 10_000 });
    await page.locator('.plans-report-form input[type=file]').setInputFiles({ name: '推荐名单.pdf', mimeType: 'application/pdf', buffer: EVIDENCE_PDF });
    await expect.poll(() => page.getByTestId('evidence-list').innerText(), { timeout: 15_000 }).toContain('推荐名单.pdf');
    await screenshot(page, 'plans-report-county');
    await page.getByTestId('report-submit').click();
    await page.getByTestId('report-form').waitFor({ state: 'detached', timeout: 15_000 });
    await page.context().close();

    // ---- 西安 returns it with a comment.
    page = await as('xian', `${new URL(planUrl).pathname}?tab=reports`);
    const toReview = page.getByTestId('plan-reports').locator('tbody tr.ant-table-row').filter({ hasText: '雁塔区总工会' });
    await expect.poll(() => toReview.innerText(), { timeout: 15_000 }).toContain('已报送待审核');
    await toReview.getByRole('button').click();
    await expect.poll(() => page.getByTestId('report-review').innerText(), { timeout: 10_000 }).toContain('推荐名单.pdf');
    await page.locator('#review-comment').fill('请补充候选人推荐表。');
    await screenshot(page, 'plans-report-review');
    await page.getByTestId('review-return').click();
    await expect.poll(() => page.getByTestId('review-state').textContent(), { timeout: 15_000 }).toBe('已退回修改');
    await page.context().close();

    // ---- 雁塔 corrects and resubmits.
    page = await as('yanta', new URL(planUrl).pathname);
    await page.getByTestId('report-2').click();
    await expect.poll(() => page.getByTestId('report-returned').innerText(), { timeout: 10_000 }).toContain('请补充候选人推荐表。');
    await page.locator('#report-narrative').fill('已组织推荐，6 名候选人进入评审，推荐表已补充。');
    await page.getByTestId('report-submit').click();
    await page.getByTestId('report-form').waitFor({ state: 'detached', timeout: 15_000 });
    await page.context().close();

    // ---- 西安 accepts.
    page = await as('xian', `${new URL(planUrl).pathname}?tab=reports`);
    await expect.poll(() => toReviewRow(page).innerText(), { timeout: 15_000 }).toContain('已报送待审核');
    await toReviewRow(page).getByRole('button').click();
    await expect.poll(() => page.getByTestId('report-history').innerText(), { timeout: 10_000 }).toContain('请补充候选人推荐表。');
    await page.getByTestId('review-accept').click();
    await expect.poll(() => page.getByTestId('review-state').textContent(), { timeout: 15_000 }).toBe('已采纳');
    await page.context().close();

    // ---- 省总's dashboard: the roll-up reaches the province.
    page = await as('sheng', `${new URL(planUrl).pathname}?tab=dashboard`);
    const dashboard = page.getByTestId('plan-dashboard');
    await expect.poll(() => dashboard.innerText(), { timeout: 20_000 }).toContain('西安市总工会');
    await page.getByTestId('unit-ranking').locator('canvas').waitFor();
    const measures = page.getByTestId('dashboard-measures');
    await expect.poll(() => measures.locator('tr').filter({ hasText: '加强工匠人才培育选树' }).innerText()).toMatch(/三秦工匠：6 \/ 40 人/);
    await screenshot(page, 'plans-dashboard');
    // Down to the evidence: the province reads every report of its subtree, 雁塔's accepted one with its file.
    await page.getByRole('tab', { name: '进展报告' }).click();
    await page.getByTestId('plan-reports').getByText('全部报告').click();
    const accepted = page.getByTestId('plan-reports').locator('tbody tr.ant-table-row').filter({ hasText: '雁塔区总工会' });
    await expect.poll(() => accepted.innerText(), { timeout: 15_000 }).toContain('已采纳');
    await accepted.getByRole('button').click();
    await expect.poll(() => page.getByTestId('evidence-list').innerText(), { timeout: 10_000 }).toContain('推荐名单.pdf');
    await screenshot(page, 'plans-drilldown');
    await page.context().close();
  }, 600_000);
});

const toReviewRow = (page: Page) => page.getByTestId('plan-reports').locator('tbody tr.ant-table-row').filter({ hasText: '雁塔区总工会' });
