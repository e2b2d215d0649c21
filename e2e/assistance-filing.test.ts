import { readFileSync } from 'node:fs';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../src/core/cn/id-number';
import { type HouseholdWorld, PDF } from '../src/modules/assistance/server/testing/household-world';
import { type AssistanceConsole, chooseOption, fieldError, startAssistanceConsole } from './support/assistance-console';

/** The spouse: a valid number, and the same with a wrong check digit (the server names the field). */
const SPOUSE_ID = makeIdNumber('610113', '1982-03-09', 222);
const SPOUSE_ID_BAD = `${SPOUSE_ID.slice(0, 17)}${SPOUSE_ID.endsWith('1') ? '2' : '1'}`;

/**
 * The console's hardship-file pages in Chromium, on the real app (PGlite, the
 * hardship-file test world: 甲厂 with its clerk and reviewer under 甲县, whose
 * reviewer checks the finances) with the world's fake clock, so the public
 * notice can run out: the clock moves past its last day and the workflow
 * timer runner fires, as the server's own runner would at its next minute.
 */
describe('hardship files (困难职工建档): clerk, reviewers and the notice period in Chromium', () => {
  let assistance: AssistanceConsole;
  let world: HouseholdWorld;
  let url: string;
  /** Uncaught errors in any page: the journey must end with none. */
  let pageErrors: string[] = [];

  beforeAll(async () => {
    assistance = await startAssistanceConsole('assistance-filing', async (w) => {
      // Two other files of 甲厂, so the list is not a list of one.
      await w.open(w.members.li);
      await w.toNotice((await w.open(w.members.zhang)).id);
    });
    ({ world, url, pageErrors } = assistance);
  }, 300_000);

  afterAll(async () => {
    await assistance?.close();
  });

  const as = (login: string, path: string) => assistance.as(login, path);
  const shoot = (page: Page, name: string) => assistance.shoot(page, name);

  const status = (page: Page) => page.getByTestId('household-status').textContent();

  /** Clicks a workflow button, fills nothing more, confirms, and waits for the new status. */
  async function take(page: Page, transition: string, expected: string, comment?: string): Promise<void> {
    await page.getByTestId(`action-${transition}`).click();
    if (comment) await page.locator('#action-comment').fill(comment);
    await page.getByTestId('action-confirm').click();
    await expect.poll(() => status(page), { timeout: 30_000 }).toBe(expected);
  }

  it('files a household from application to 已建档, with inline errors, a stale edit, evidence, the notice and re-verification', async () => {
    // ---- 甲厂's clerk: the list, then 新建档案 for 王建国 with his wife.
    let page = await as(world.logins.clerkA, '/assistance');
    await page.locator('.app-sider').getByText('困难职工帮扶').waitFor();
    const table = page.getByTestId('household-table');
    await expect.poll(() => table.innerText(), { timeout: 15_000 }).toContain('张红兵');
    await expect.poll(() => table.innerText()).toContain('公示中');
    await shoot(page, 'list-clerk');

    await page.getByTestId('household-new').click();
    await page.locator('#household-member').fill('王建');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '王建国' }).first().click();
    await chooseOption(page, 'worker-illnesses', '恶性肿瘤');
    await page.keyboard.press('Escape');
    await page.getByTestId('household-member-add').click();
    await chooseOption(page, 'member-0-relation', '配偶');
    await page.locator('#member-0-name').fill('刘桂兰');
    await page.locator('#member-0-id-number').fill(SPOUSE_ID_BAD);
    await chooseOption(page, 'member-0-disability-type', '肢体残疾');
    await chooseOption(page, 'member-0-disability-grade', '二级');
    await chooseOption(page, 'member-0-employment', '失业');
    await page.locator('#household-annual-income').fill('36000');
    await page.locator('#household-rigid-medical').fill('8000');
    await page.locator('#household-rigid-education').fill('4000');
    await chooseOption(page, 'household-main-cause', '因病');
    await page.locator('#household-bank-name').fill('中国工商银行西安雁塔支行');
    await page.locator('#household-bank-account').fill('6222 0202 0011 2233 445');
    await page.getByTestId('household-save').click();
    // The server refuses the wrong check digit; the message lands on the spouse's ID number.
    await expect.poll(() => fieldError(page, 'member-0-id-number').textContent(), { timeout: 15_000 }).toContain('校验位错误');
    await shoot(page, 'form-inline-error');
    await page.locator('#member-0-id-number').fill(SPOUSE_ID);
    await page.getByTestId('household-save').click();
    await page.getByTestId('household-page').waitFor({ timeout: 15_000 });
    const filePath = new URL(page.url()).pathname;
    expect(filePath).toMatch(/^\/assistance\/\d+$/);
    const householdId = Number(filePath.split('/').pop());
    // (36000 − 12000) ÷ 12 ÷ 2 = 1000: above 700, under 2 × 700 → 相对困难, with the arithmetic shown.
    await expect.poll(() => page.getByTestId('household-tier').textContent(), { timeout: 10_000 }).toBe('相对困难');
    const reasons = await page.getByTestId('household-reasons').innerText();
    expect(reasons).toContain('÷ 12 ÷ 2 人 = 1000 元/月');
    expect(reasons).toContain('当地低保标准 700 元/月');
    await expect.poll(() => status(page)).toBe('待提交');
    // Sensitive fields masked: the account is not on the page, only its mask.
    const figures = await page.getByTestId('household-figures').innerText();
    expect(figures).not.toContain('6222020200112233445');
    expect(figures).toContain('中国工商银行西安雁塔支行');
    await shoot(page, 'detail-draft');

    // 查看完整 with a reason (audited), then the full account.
    await page.getByTestId('household-bank-account-reveal').click();
    await page.locator('#household-reveal-reason').fill('核对发放账户信息');
    await page.getByTestId('household-reveal-ok').click();
    await expect.poll(() => page.getByTestId('household-bank-account').textContent(), { timeout: 10_000 }).toBe('6222020200112233445');

    // ---- A stale edit: the same clerk in a second window saves first; the first window is told and reloads.
    await page.getByTestId('household-edit').click();
    await page.locator('#household-annual-income').waitFor();
    const other = await as(world.logins.clerkA, filePath);
    await other.getByTestId('household-edit').click();
    await other.locator('#household-annual-income').fill('37200');
    await other.getByTestId('household-save').click();
    await expect.poll(() => other.getByTestId('household-page').innerText(), { timeout: 15_000 }).toContain('档案版本 2');
    await other.context().close();
    await page.locator('#household-rigid-job').fill('100');
    await page.getByTestId('household-save').click();
    await page.getByTestId('household-stale').waitFor({ timeout: 15_000 });
    await expect.poll(() => page.getByTestId('household-stale').innerText()).toContain('已被他人修改');
    await shoot(page, 'form-stale-409');
    await page.getByTestId('household-reload').click();
    await expect.poll(() => page.locator('#household-annual-income').inputValue(), { timeout: 10_000 }).toMatch(/^37,?200/);
    await page.getByTestId('household-save').click();
    await expect.poll(() => page.getByTestId('household-page').innerText(), { timeout: 15_000 }).toContain('档案版本 3');

    // ---- The clerk submits the application.
    await take(page, 'submit', '待基层工会初审');
    await page.context().close();

    // ---- 甲厂's reviewer: first review.
    page = await as(world.logins.reviewerA, filePath);
    await expect.poll(() => status(page), { timeout: 15_000 }).toBe('待基层工会初审');
    await shoot(page, 'first-review');
    await take(page, 'approve_first_review', '待入户调查', '材料齐全，同意入户调查');
    await page.context().close();

    // ---- The clerk records the home visit with the signed authorisation, uploaded in the step's dialog.
    page = await as(world.logins.clerkA, filePath);
    await page.getByTestId('action-record_home_visit').click();
    await page.locator('#action-visitDate').fill('2026-11-16');
    await page.locator('#action-visitors').fill('赵丽娟、王志刚');
    await page.locator('#action-findings').fill('本人患恶性肿瘤，配偶肢体残疾，家庭收入与申报相符。');
    // Without the authorisation the dialog says what is missing.
    await page.getByTestId('action-confirm').click();
    await expect.poll(() => page.locator('.hh-action-dialog .ant-form-item-explain-error').first().textContent(), { timeout: 5_000 }).toContain('授权委托书');
    await page
      .getByTestId('action-upload-authorisation')
      .locator('input[type=file]')
      .setInputFiles({ name: '授权委托书-王建国.pdf', mimeType: 'application/pdf', buffer: PDF });
    await expect.poll(() => page.locator('.hh-action-dialog').innerText(), { timeout: 15_000 }).toContain('授权委托书-王建国.pdf');
    await shoot(page, 'home-visit-dialog');
    await page.getByTestId('action-confirm').click();
    await expect.poll(() => status(page), { timeout: 15_000 }).toBe('待上级工会经济状况核对');
    await page.getByRole('tab', { name: /佐证材料/ }).click();
    await expect.poll(() => page.getByTestId('evidence-list').innerText()).toContain('授权委托书-王建国.pdf');

    // ---- Opening it asks why; the reason goes in a POST body (audited), never in a URL, and a new tab
    // fetches the file once with a one-time token.
    const reason = '核对授权委托书签字';
    const urls: string[] = [];
    page.context().on('request', (request) => urls.push(request.url()));
    const authorisation = (await world.read((tx) => tx.selectFrom('assistance_household_file').select(['id', 'sha256']).where('household_id', '=', householdId).execute()))[0]!;
    await page.getByTestId(`evidence-open-${authorisation.id}`).click();
    await page.locator('#evidence-reason').fill(reason);
    await shoot(page, 'evidence-reason');
    // The download is awaited from inside the 'page' handler: the tab can start it before an
    // awaited waitForEvent('page') returns, and a download listener added after that missed it (CI).
    const downloaded = new Promise<Download>((resolve) => page.context().once('page', (tab) => tab.once('download', resolve)));
    await page.getByTestId('evidence-open-ok').click();
    const download = await downloaded;
    expect(download.suggestedFilename()).toBe('授权委托书-王建国.pdf');
    expect(readFileSync((await download.path())!)).toEqual(PDF);
    await expect.poll(() => page.locator('#evidence-reason').count()).toBe(0);
    const tokenUrl = urls.find((address) => address.includes(`/files/${authorisation.id}?token=`));
    expect(tokenUrl).toMatch(/\?token=[A-Za-z0-9_-]{43}$/);
    for (const address of urls) expect(decodeURIComponent(address)).not.toContain(reason);
    const opened = await world.db.selectFrom('audit_event').select(['reason', 'actor_login', 'details']).where('action', '=', 'assistance.household.file.read').execute();
    expect(opened).toEqual([{ reason, actor_login: world.logins.clerkA, details: { fileId: authorisation.id, kind: 'authorisation', sha256: authorisation.sha256 } }]);
    // The token is spent: the same address again is refused.
    const replay = await page.request.get(tokenUrl!);
    expect(replay.status()).toBe(403);
    await page.context().close();

    // ---- 甲县's reviewer: 核对通过 waits for the civil-affairs check; run it, then pass.
    page = await as(world.logins.countyA, filePath);
    await page.getByTestId('blocked-approve_financial_check').waitFor({ timeout: 15_000 });
    await expect.poll(() => page.getByTestId('blocked-approve_financial_check').innerText()).toContain('民政家庭经济状况核对');
    await shoot(page, 'financial-check-blocked');
    await page.getByTestId('action-civil_check').click();
    await page.getByTestId('action-confirm').click();
    await expect.poll(() => page.getByTestId('household-figures').innerText(), { timeout: 15_000 }).toContain('核对无异常');
    await take(page, 'approve_financial_check', '公示中');
    await shoot(page, 'notice-started');

    // ---- 公示: the printable notice, with the period in working days; the print view shows the sheet alone.
    await page.getByTestId('household-notice-link').click();
    const sheet = page.getByTestId('notice-sheet');
    await expect.poll(() => sheet.innerText(), { timeout: 15_000 }).toContain('困难职工建档公示');
    const sheetText = await sheet.innerText();
    expect(sheetText).toContain('王**');
    expect(sheetText).not.toContain('王建国');
    expect(sheetText).toContain('相对困难');
    const period = await page.getByTestId('notice-period').innerText();
    expect(period).toMatch(/公示期：2026-11-17 至 (2026-\d\d-\d\d)（5 个工作日）/);
    const endsOn = period.match(/至 (\d{4}-\d\d-\d\d)/)![1]!;
    await shoot(page, 'notice-screen');
    await page.emulateMedia({ media: 'print' });
    await expect.poll(() => page.locator('.app-sider').isVisible()).toBe(false);
    await shoot(page, 'notice-print');
    await page.emulateMedia({ media: 'screen' });
    await page.context().close();

    // ---- The notice runs out: the clock passes its last day (24:00 Beijing) and the timer runner fires.
    world.setClock(`${endsOn}T23:59:00+08:00`);
    expect((await world.runTimers()).fired).toBe(0);
    expect((await world.household(householdId)).status).toBe('notice');
    world.clock.advance(2 * 60_000);
    // 王建国's notice and 张红兵's (opened the same day) end together. The apps' own runners poll
    // every minute with the same clock and may get there first: what counts is that both fired.
    await world.runTimers();
    expect((await world.household(householdId)).status).toBe('filed');
    const filedOn = new Date(Date.parse(`${endsOn}T12:00:00+08:00`) + 86_400_000).toISOString().slice(0, 10);

    page = await as(world.logins.reviewerA, filePath);
    await expect.poll(() => status(page), { timeout: 15_000 }).toBe('已建档');
    const filed = await page.getByTestId('household-figures').innerText();
    expect(filed).toContain(filedOn);
    expect(filed).toMatch(/档案级别\s*(全国级|区县级)/);
    await page.getByRole('tab', { name: '办理记录' }).click();
    const history = page.locator('.hh-history');
    await expect.poll(() => history.innerText(), { timeout: 15_000 }).toContain('公示期满无异议，建档');
    const historyText = await history.innerText();
    for (const step of ['提交建档申请', '初审通过', '登记入户调查并上报', '发起民政家庭经济状况核对', '核对通过，进入公示']) expect(historyText).toContain(step);
    expect(historyText).toContain('授权委托书-王建国.pdf');
    expect(historyText).toContain('系统');
    await shoot(page, 'filed-history');
    // 帮扶记录: none yet (assistance-aid.test.ts walks through recording one).
    await page.getByRole('tab', { name: '帮扶记录' }).click();
    await expect.poll(() => page.getByTestId('aid-table').innerText(), { timeout: 15_000 }).toContain('暂无帮扶记录');
    await page.context().close();

    // ---- 年度复核 by 甲县's reviewer over its subtree: both filed files are re-classified.
    page = await as(world.logins.countyA, '/assistance/reverification');
    await page.getByTestId('reverify-start').click();
    const result = page.getByTestId('reverify-result');
    await expect.poll(() => result.innerText(), { timeout: 30_000 }).toMatch(/共 2 户/);
    await shoot(page, 'reverification');
    await page.goto(`${url}/assistance`);
    await expect.poll(() => page.getByTestId('household-table').innerText(), { timeout: 15_000 }).toContain('已建档');
    await shoot(page, 'list-county');
    // Search by the start of the name: the server answers from the whole subtree.
    await page.locator('#household-search').fill('王建');
    await page.locator('#household-search').press('Enter');
    await expect.poll(() => page.getByTestId('household-table').innerText(), { timeout: 15_000 }).not.toContain('张红兵');
    expect(await page.getByTestId('household-table').innerText()).toContain('王建国');
    expect(await page.getByTestId('household-table').innerText()).not.toContain('李卫东');
    await shoot(page, 'list-search');
    await page.context().close();
    expect(pageErrors).toEqual([]);
  }, 600_000);
});
