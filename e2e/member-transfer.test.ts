import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../src/core/cn/id-number';
import { DEMO_PASSWORD, screenshot, signInThroughForm, useDemoConsole } from './support/browser';

const ID_NUMBER = makeIdNumber('610113', '1995-03-08', 137);
/** The same number with a wrong check character: well-formed, but GB 11643 refuses it. */
const WRONG_ID_NUMBER = ID_NUMBER.slice(0, 17) + (ID_NUMBER.endsWith('1') ? '2' : '1');
const NAME = '韩晓东';

type Unit = { id: number; name: string; type: string };

/** Signs in over the API and reads the grassroots unions directly under the account's unit. */
async function grassrootsUnder(baseUrl: string, login: string): Promise<Unit[]> {
  const signIn = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ login, password: DEMO_PASSWORD }),
  });
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const get = async <T>(path: string) => (await (await fetch(`${baseUrl}${path}`, { headers: { cookie } })).json()) as T;
  const own = await get<{ items: Unit[] }>('/api/orgs/children');
  const children = await get<{ items: Unit[] }>(`/api/orgs/children?parentId=${own.items[0]!.id}`);
  return children.items.filter((unit) => unit.type === 'grassroots');
}

/** Clicks the option of an antd Select whose text contains `text` (the popup is rendered at the body). */
async function chooseOption(page: Page, selectId: string, text: string): Promise<void> {
  await page.locator(`#${selectId}`).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click();
}

describe('membership application and transfer in Chromium', () => {
  const demo = useDemoConsole();
  let target: Unit;

  beforeAll(async () => {
    // The receiving union: a grassroots union directly under 雁塔区, outside 大雁塔街道 where jiceng works.
    target = (await grassrootsUnder(demo.url, 'yanta'))[0]!;
  });

  it('registers, approves and transfers a member; the receiving union accepts', async () => {
    const page = await demo.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await signInThroughForm(page, demo.url, 'jiceng', DEMO_PASSWORD);
    await page.getByTestId('org-tree').waitFor({ timeout: 15_000 });
    await page.goto(`${demo.url}/members`);
    await expect.poll(() => page.getByTestId('member-table').locator('tbody tr').count(), { timeout: 15_000 }).toBeGreaterThan(2);
    await page.getByTestId('member-filter-org').getByText('大雁塔街道北关小学工会').waitFor();
    await screenshot(page, 'members-filters');

    // (a) 入会登记: a wrong check character is refused inline, before anything is sent.
    await page.getByTestId('member-apply').click();
    const drawer = page.locator('.apply-drawer');
    await page.locator('#apply-id-number').fill(WRONG_ID_NUMBER);
    await page.locator('#apply-name').fill(NAME);
    await page.locator('#apply-phone').fill('13991234567');
    await chooseOption(page, 'apply-ethnicity', '汉族');
    await chooseOption(page, 'apply-employment-form', '外卖配送员');
    await page.locator('#apply-platform').fill('美团');
    await page.locator('#apply-occupation').fill('外卖配送');
    await page.getByTestId('apply-submit').click();
    const idError = drawer.locator('.ant-form-item').filter({ has: page.locator('#apply-id-number') }).locator('.ant-form-item-explain-error');
    await expect.poll(() => idError.textContent(), { timeout: 5_000 }).toContain('校验位错误');
    await expect.poll(() => page.locator('#apply-gender').count()).toBe(0);
    await screenshot(page, 'member-apply-invalid');

    await page.locator('#apply-id-number').fill(ID_NUMBER);
    await expect.poll(() => page.locator('#apply-gender').inputValue()).toBe('男');
    await expect.poll(() => page.locator('#apply-birth-date').inputValue()).toBe('1995-03-08');
    await expect.poll(() => idError.count()).toBe(0);
    await page.getByTestId('apply-submit').click();

    // The new application's page: approve it (jiceng is also 审核人).
    await page.waitForURL(/\/members\/\d+$/, { timeout: 15_000 });
    const memberUrl = page.url();
    await expect.poll(() => page.getByTestId('member-name').textContent(), { timeout: 15_000 }).toBe(NAME);
    await expect.poll(() => page.getByTestId('membership-status').textContent()).toBe('入会待批');
    await page.getByTestId('member-action-approve').click();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: /确\s?定/ }).click();
    await expect.poll(() => page.getByTestId('membership-status').textContent(), { timeout: 15_000 }).toBe('在会');
    await expect.poll(() => page.getByTestId('member-card-number').textContent()).toMatch(/^\d{6,}$/);
    const history = page.getByTestId('member-history');
    await expect.poll(() => history.innerText()).toMatch(/提交入会申请[\s\S]*批准入会/);
    await expect.poll(() => page.getByTestId('member-profile').innerText()).toContain('美团');

    // (b) 发起转会 to a grassroots union under 雁塔区, found by part of its name.
    await page.getByTestId('member-action-transfer').click();
    await page.locator('#transfer-to').fill(target.name.slice(0, 6));
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: target.name }).first();
    await option.waitFor({ timeout: 10_000 });
    await screenshot(page, 'member-transfer-dialog');
    await option.click();
    await page.locator('.transfer-dialog').getByText('新单位未建会，转至居住地工会').click();
    await page.locator('#transfer-note').fill('本人现居住地在该单位附近');
    await page.getByTestId('transfer-submit').click();
    await expect.poll(() => page.getByTestId('membership-status').textContent(), { timeout: 15_000 }).toBe('转会中');
    await expect.poll(() => page.getByTestId('pending-transfer').innerText()).toContain(target.name);
    await expect.poll(() => history.innerText()).toContain('发起转会');
    await page.locator('.transfer-dialog').waitFor({ state: 'hidden' });
    await screenshot(page, 'member-detail-transferring');

    // Sign out; the county union (雁塔区总工会) receives the member.
    await page.locator('.header-user').click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await page.locator('#login').waitFor({ timeout: 10_000 });
    await signInThroughForm(page, demo.url, 'yanta', DEMO_PASSWORD);
    await page.getByTestId('org-tree').waitFor({ timeout: 15_000 });
    await page.goto(`${demo.url}/members`);
    const transfersLink = page.getByTestId('transfers-link');
    await expect.poll(() => transfersLink.locator('.ant-badge-count').textContent(), { timeout: 15_000 }).toBe('1');
    await transfersLink.click();

    const incoming = page.getByTestId('transfer-table-incoming');
    const row = incoming.locator('tbody tr').filter({ hasText: NAME });
    await row.waitFor({ timeout: 15_000 });
    await expect.poll(() => row.innerText()).toContain('新单位未建会，转至居住地工会');
    await expect.poll(() => row.innerText()).toMatch(/\d{3}\*{11}[\dX]{4}/);
    await expect.poll(() => row.innerText()).not.toContain(ID_NUMBER);
    await screenshot(page, 'member-transfers');
    await row.locator('[data-testid^="transfer-accept-"]').click();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: /接\s?收/ }).click();
    await expect.poll(() => row.locator('[data-testid^="transfer-status-"]').textContent(), { timeout: 30_000 }).toBe('已接收');

    // The member now: 在会 at the receiving union, the whole story in the timeline.
    await row.locator('[data-testid^="transfer-member-"]').click();
    await page.waitForURL(/\/members\/\d+$/);
    expect(page.url()).not.toBe(memberUrl);
    await expect.poll(() => page.getByTestId('membership-status').textContent(), { timeout: 15_000 }).toBe('在会');
    await expect.poll(() => page.getByTestId('member-org').textContent()).toBe(target.name);
    await expect
      .poll(() => page.getByTestId('member-history').innerText())
      .toMatch(/提交入会申请[\s\S]*批准入会[\s\S]*发起转会[\s\S]*转会已接收[\s\S]*转入/);
    await screenshot(page, 'member-detail-timeline');
    await page.close();
  });
});
