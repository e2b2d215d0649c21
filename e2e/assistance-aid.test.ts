import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDF } from '../src/modules/assistance/server/testing/household-world';
import { type AssistanceConsole, chooseOption, fieldError, startAssistanceConsole } from './support/assistance-console';

/**
 * 帮扶记录 and 批量帮扶 in Chromium, on the real app (PGlite, the hardship-file
 * test world): 王建国 is filed 深度困难 under 西安's 低保 700, so his 生活救助
 * cap for 2026 is 12 × 700 = 8400 元; 李卫东 (also filed) already holds an
 * approved 29800 of the 30000 a household may receive in a year.
 */
describe('assistance (帮扶记录, 送温暖): clerk and reviewer in Chromium', () => {
  let assistance: AssistanceConsole;
  let wang = 0;
  let li = 0;

  beforeAll(async () => {
    assistance = await startAssistanceConsole('assistance-aid', async (w) => {
      const [wangId, liId] = await w.fileHouseholds([{ who: w.members.wang }, { who: w.members.li }]);
      wang = wangId!;
      li = liId!;
      const medical = await w.post(w.logins.clerkA, '/api/assistance/aid/records', {
        householdId: liId, payingOrgUnitId: w.units.factoryA.id, category: 'medical', fundingSource: 'social', amount: 29800, aidDate: '2026-11-24',
      });
      const record = medical.json();
      const approved = await w.post(w.logins.reviewerA, `/api/assistance/aid/records/${record.id}/actions/approve`, { expectedVersion: record.workflow.version });
      if (approved.statusCode !== 200) throw new Error(`approve: ${approved.body}`);
    });
  }, 300_000);

  afterAll(async () => {
    await assistance?.close();
  });

  const recordStatus = (page: Page) => page.getByTestId('aid-record-status').textContent();

  /** Opens the household's 帮扶记录 tab and the (only) record's drawer. */
  async function openRecord(login: string): Promise<Page> {
    const page = await assistance.as(login, `/assistance/${wang}?tab=aid`);
    await page.locator('[data-testid^=aid-open-]').first().click({ timeout: 15_000 });
    await page.getByTestId('aid-record').waitFor({ timeout: 15_000 });
    return page;
  }

  /** Takes a record step from its drawer (the dialog filled by `fill`) and waits for the new status. */
  async function take(page: Page, transition: string, expected: string, fill?: () => Promise<void>): Promise<void> {
    await page.getByTestId(`aid-action-${transition}`).click();
    await page.locator('.aid-action-dialog').waitFor();
    if (fill) await fill();
    await page.getByTestId('aid-action-confirm').click();
    await expect.poll(() => recordStatus(page), { timeout: 15_000 }).toBe(expected);
  }

  it('records a 生活救助 payment: the cap refusal on the amount, approval, payment and the signed receipt', async () => {
    const { world, shoot } = assistance;
    // ---- 甲厂's clerk: the empty tab, then 登记帮扶 over the cap.
    let page = await assistance.as(world.logins.clerkA, `/assistance/${wang}?tab=aid`);
    await expect.poll(() => page.getByTestId('aid-table').innerText(), { timeout: 15_000 }).toContain('暂无帮扶记录');
    await page.getByTestId('aid-new').click();
    await chooseOption(page, 'aid-category', '生活救助');
    await chooseOption(page, 'aid-source', '财政专项');
    await page.locator('#aid-amount').fill('9000');
    await page.locator('#aid-date').fill('2026-11-24');
    await page.locator('#aid-note').fill('冬季生活救助');
    await shoot(page, 'record-form');
    const refused = page.waitForResponse((response) => response.url().endsWith('/api/assistance/aid/records') && response.request().method() === 'POST');
    await page.getByTestId('aid-save').click();
    // The refusal names its field and figures; the drawer places it by the field, not by its words.
    expect((await (await refused).json()).error).toMatchObject({ field: 'amount', details: { capYuan: 8400, approvedYuan: 0, remainingYuan: 8400, requestedYuan: 9000 } });
    // The server's refusal names the cap, the year, what was given and the room left, on the amount.
    await expect.poll(() => fieldError(page, 'aid-amount').textContent(), { timeout: 15_000 }).toContain('超出帮扶上限');
    const refusal = await fieldError(page, 'aid-amount').textContent();
    expect(refusal).toContain('生活救助年度上限（深度困难');
    expect(refusal).toContain('2026 年上限 8400 元，已批准 0 元，剩余 8400 元，本次 9000 元');
    await page.waitForTimeout(400); // antd's message animation, for a readable screenshot
    await shoot(page, 'record-cap-refusal');
    await page.locator('#aid-amount').fill('1200');
    await page.getByTestId('aid-save').click();
    // Saved: the record opens, 待审批; the clerk may only cancel it.
    await expect.poll(() => recordStatus(page), { timeout: 15_000 }).toBe('待审批');
    await expect.poll(() => page.getByTestId('aid-record-actions').innerText()).not.toContain('批准');
    await shoot(page, 'record-draft');
    await page.context().close();

    // ---- 甲厂's reviewer approves.
    page = await openRecord(world.logins.reviewerA);
    await expect.poll(() => recordStatus(page), { timeout: 15_000 }).toBe('待审批');
    await shoot(page, 'reviewer-record');
    await take(page, 'approve', '已批准', () => page.locator('#aid-action-comment').fill('符合生活救助条件，同意'));
    await page.context().close();

    // ---- The clerk pays, then confirms the receipt with the signed sheet uploaded in the dialog.
    page = await openRecord(world.logins.clerkA);
    await take(page, 'pay', '已发放');
    await page.getByTestId('aid-action-confirm_receipt').click();
    await page.locator('#aid-action-receivedOn').fill('2026-11-25');
    await expect.poll(() => page.locator('#aid-action-signer').inputValue()).toBe('王建国');
    await page.getByTestId('aid-action-upload').locator('input[type=file]').setInputFiles({ name: '签收单-王建国.pdf', mimeType: 'application/pdf', buffer: PDF });
    await expect.poll(() => page.locator('.aid-action-dialog').innerText(), { timeout: 15_000 }).toContain('签收单-王建国.pdf');
    await shoot(page, 'receipt-dialog');
    await page.getByTestId('aid-action-confirm').click();
    await expect.poll(() => recordStatus(page), { timeout: 15_000 }).toBe('已签收');
    await expect.poll(() => page.getByTestId('aid-record-receipt').innerText()).toBe('王建国 2026-11-25（附签收单）');
    const history = await page.locator('.hh-history').innerText();
    for (const step of ['批准', '登记发放', '确认签收', '符合生活救助条件，同意']) expect(history).toContain(step);
    await shoot(page, 'record-received');
    await page.locator('.aid-record-drawer .ant-drawer-close').click();
    await page.locator('.aid-record-drawer').waitFor({ state: 'hidden' });
    const table = await page.getByTestId('aid-table').innerText();
    expect(table).toContain('生活救助');
    expect(table).toContain('财政专项');
    expect(table).toContain('1,200.00');
    expect(table).toContain('已签收');
    await expect.poll(() => page.getByTestId('aid-totals').innerText()).toContain('2026 年：已批准 1,200.00 元，已发放 1,200.00 元');
    await shoot(page, 'household-aid-tab');
    await page.context().close();
    expect(assistance.pageErrors).toEqual([]);
  }, 600_000);

  it('runs a small 送温暖 campaign: select, edit, approve (one household left out by its cap), distribute, bulk receipt and the 签收 sheet', async () => {
    const { world, shoot } = assistance;
    const rows = (page: Page) => page.getByTestId('campaign-rows').innerText();
    const campaignStatus = (page: Page) => page.getByTestId('campaign-status').textContent();

    // ---- 甲县's clerk creates the campaign: 300 a household, 500 for 深度困难, paid by 甲县 from 工会经费.
    let page = await assistance.as(world.logins.countyClerkA, '/assistance');
    await page.getByTestId('household-campaigns').click();
    await expect.poll(() => page.getByTestId('campaign-table').innerText(), { timeout: 15_000 }).toContain('暂无批量帮扶活动');
    await page.getByTestId('campaign-new').click();
    await page.locator('#campaign-name').fill('2027 年元旦春节送温暖');
    await chooseOption(page, 'campaign-source', '工会经费');
    await page.locator('#campaign-standard').fill('300');
    await page.locator('#campaign-budget').fill('2000');
    await page.locator('#campaign-tier-deep').fill('500');
    await page.locator('#campaign-date').fill('2026-12-28');
    await shoot(page, 'campaign-form');
    await page.getByTestId('campaign-save').click();
    await expect.poll(() => campaignStatus(page), { timeout: 15_000 }).toBe('名单编制中');
    const campaignPath = new URL(page.url()).pathname;
    expect(campaignPath).toMatch(/^\/assistance\/campaigns\/\d+$/);

    // Select 深度 and 相对困难 households (the default filter), take 王 off, put him back at 450.
    await page.getByTestId('campaign-select-run').click();
    await expect.poll(() => rows(page), { timeout: 15_000 }).toContain('李卫东');
    await expect.poll(() => rows(page), { timeout: 15_000 }).toContain('王建国');
    await page.getByTestId(`campaign-remove-${wang}`).click();
    await expect.poll(() => rows(page), { timeout: 15_000 }).not.toContain('王建国');
    await chooseOption(page, 'campaign-add-household', '王建国');
    await page.locator('#campaign-add-amount').fill('450');
    await page.getByTestId('campaign-add').click();
    await expect.poll(() => rows(page), { timeout: 15_000 }).toContain('王建国');
    await expect.poll(() => rows(page), { timeout: 15_000 }).toContain('450.00');
    await expect
      .poll(() => page.getByTestId('campaign-summary').innerText(), { timeout: 15_000 })
      .toContain('名单 2 户，合计 950.00 元');
    await shoot(page, 'campaign-list');
    // The clerk may not approve the list.
    await expect.poll(() => page.getByTestId('campaign-action-approve').count()).toBe(0);
    await page.context().close();

    // ---- 甲县's reviewer approves: 李 (29800 of 30000 already this year) is left out, with the reason.
    page = await assistance.as(world.logins.countyA, campaignPath);
    await page.getByTestId('campaign-action-approve').click({ timeout: 15_000 });
    await expect.poll(() => campaignStatus(page), { timeout: 15_000 }).toBe('名单已审批');
    await expect
      .poll(() => page.getByTestId('campaign-excluded').innerText(), { timeout: 15_000 })
      .toContain('李卫东：超出帮扶上限“每户每年帮扶合计”：2026 年上限 30000 元，已批准 29800 元，剩余 200 元，本次 500 元');
    await expect
      .poll(() => page.getByTestId(`campaign-row-status-${li}`).innerText(), { timeout: 15_000 })
      .toContain('未通过');
    await expect
      .poll(() => page.getByTestId('campaign-decision').innerText(), { timeout: 15_000 })
      .toContain('名单已审批：1 户，合计 450.00 元');
    await shoot(page, 'campaign-approved');
    await page.context().close();

    // ---- The clerk distributes, confirms every receipt in bulk and downloads the 签收 sheet.
    page = await assistance.as(world.logins.countyClerkA, campaignPath);
    await page.getByTestId('campaign-action-distribute').click({ timeout: 15_000 });
    await expect.poll(() => campaignStatus(page), { timeout: 15_000 }).toBe('已发放');
    await expect.poll(() => rows(page), { timeout: 15_000 }).toContain('未签收');
    await shoot(page, 'campaign-distributed');
    await page.getByTestId('campaign-receipt-all').click();
    await page.locator('#campaign-receipt-day').fill('2026-12-29');
    await page.getByTestId('campaign-receipt-confirm').click();
    await expect.poll(() => rows(page), { timeout: 15_000 }).toContain('王建国 2026-12-29');
    await expect.poll(() => page.getByTestId('campaign-receipt-all').count(), { timeout: 15_000 }).toBe(0);
    await shoot(page, 'campaign-received');

    await page.getByTestId('campaign-export').click();
    await page.getByTestId('export-purpose').fill('打印送温暖签收表');
    const download = page.waitForEvent('download', { timeout: 20_000 });
    await page.getByRole('button', { name: /导出 Excel/ }).click();
    const xlsx = await download;
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await xlsx.path());
    const sheet = book.worksheets[0]!;
    const values = (row: number) => (sheet.getRow(row).values as unknown[]).slice(1);
    expect(values(1)[0]).toBe('2027 年元旦春节送温暖 发放签收表');
    // Only the household distributed to, with its receipt; 李 (left out) is not on the sheet.
    const names = [...Array(sheet.rowCount).keys()].map((index) => values(index + 1)[1]);
    expect(names).toContain('王建国');
    expect(names).not.toContain('李卫东');
    const wangRow = values(names.indexOf('王建国') + 1);
    expect([wangRow[5], wangRow[7], wangRow[8]]).toEqual(['450.00', '王建国', '2026-12-29']);
    await page.context().close();

    // ---- The record reached 王's household page, marked as from the campaign.
    page = await assistance.as(world.logins.clerkA, `/assistance/${wang}?tab=aid`);
    await expect.poll(() => page.getByTestId('aid-table').innerText(), { timeout: 15_000 }).toContain('送温暖');
    await expect.poll(() => page.getByTestId('aid-table').innerText(), { timeout: 15_000 }).toContain('批量活动');
    await shoot(page, 'household-aid-with-campaign');
    await page.context().close();
    expect(assistance.pageErrors).toEqual([]);
  }, 600_000);
});
