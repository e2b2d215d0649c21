import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeCreditCode } from '../src/core/cn/credit-code';
import { DEMO_PASSWORD, screenshot, signInThroughForm, useDemoConsole } from './support/browser';

const UNION_CODE = makeCreditCode('8', '1', '610113', 'E2E0TEXT');
/** One character of the code changed: the GB 32100 check fails. */
const BAD_CODE = `${UNION_CODE.slice(0, 17)}${UNION_CODE.endsWith('1') ? '2' : '1'}`;
const NAME = '西安雁塔浏览器测试科技有限公司工会';

describe('org tree management in Chromium', () => {
  const demo = useDemoConsole();
  let page: Page;

  beforeAll(async () => {
    page = await demo.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  });

  const detailTitle = () => page.locator('.orgs-detail .ant-card-head-title').first().textContent();
  const bodyText = () => page.locator('body').textContent();
  /** Lets drawer and dialog animations finish before a screenshot. */
  const settle = () => page.waitForTimeout(500);

  it('creates a grassroots union under the county: the bad credit code is refused inline first, then the valid one is saved', async () => {
    await signInThroughForm(page, demo.url, 'yanta', DEMO_PASSWORD);
    await page.getByTestId('org-tree').waitFor({ timeout: 15_000 });
    await page.goto(`${demo.url}/orgs`);
    await expect.poll(detailTitle, { timeout: 15_000 }).toBe('西安市雁塔区总工会');

    await page.getByTestId('org-create').click();
    await page.locator('#org-name').waitFor();
    await expect.poll(() => page.locator('.ant-drawer-title').textContent()).toContain('新建下级组织（上级：西安市雁塔区总工会）');
    await page.locator('#org-name').fill(NAME);
    await page.locator('#org-credit-code').fill(BAD_CODE);
    await page.locator('#org-region-code').fill('610113');
    await page.locator('#org-employee-count').fill('120');
    await page.locator('#org-women-count').fill('150');
    await page.locator('#org-contact-phone').fill('13800138000');
    await page.getByTestId('org-form-submit').click();
    const errors = () => page.locator('.ant-drawer .ant-form-item-explain-error').allTextContents();
    await expect.poll(errors, { timeout: 10_000 }).toContain(`工会统一社会信用代码校验位错误，应为 ${UNION_CODE.at(-1)}，请核对代码是否有误`);
    await expect.poll(() => errors()).toContain('女职工人数不能超过职工人数');
    await settle();
    await screenshot(page, 'orgs-create-invalid');

    await page.locator('#org-credit-code').fill(UNION_CODE);
    await page.locator('#org-women-count').fill('60');
    await expect.poll(errors, { timeout: 10_000 }).toEqual([]);
    await page.getByTestId('org-form-submit').click();
    await expect.poll(() => page.locator('.ant-message').textContent(), { timeout: 10_000 }).toContain(`已新建 ${NAME}`);
    await expect.poll(detailTitle, { timeout: 10_000 }).toBe(NAME);
    const detail = page.locator('.orgs-detail');
    await expect.poll(() => detail.textContent()).toContain(UNION_CODE);
    await expect.poll(() => detail.textContent()).toContain('138****8000');
    await expect.poll(() => detail.textContent()).not.toContain('13800138000');
    await expect.poll(() => detail.textContent()).toMatch(/SX610113-\d{4}/);
    await page.locator('.ant-drawer-content').waitFor({ state: 'detached' });
    await screenshot(page, 'orgs-created');
  });

  it('edits the new union: the drawer shows its fields, the change is saved', async () => {
    await page.getByTestId('org-edit').click();
    await expect.poll(() => page.locator('#org-name').inputValue(), { timeout: 10_000 }).toBe(NAME);
    await expect.poll(() => page.locator('#org-credit-code').inputValue()).toBe(UNION_CODE);
    await expect.poll(() => bodyText()).toContain('已登记 138****8000；留空则不修改');
    await page.locator('#org-address').fill('西安市雁塔区科技路 99 号');
    await page.locator('#org-chair-name').fill('陈晓明');
    await page.getByTestId('org-form-submit').click();
    await expect.poll(() => page.locator('.ant-message').textContent(), { timeout: 10_000 }).toContain(`已保存 ${NAME}`);
    await expect.poll(() => page.locator('.orgs-detail').textContent(), { timeout: 10_000 }).toContain('西安市雁塔区科技路 99 号');
    await expect.poll(() => page.locator('.orgs-detail').textContent()).toContain('陈晓明');
    await page.locator('.ant-drawer-content').waitFor({ state: 'detached' });
    await screenshot(page, 'orgs-edited');
  });

  it('dissolves it into the county, after a confirmation that says the members move with their history', async () => {
    await page.getByTestId('org-dissolve').click();
    const dialog = page.locator('.ant-modal');
    await expect.poll(() => dialog.textContent(), { timeout: 10_000 }).toContain('该组织的会员将全部转入所选工会，历史记录保留');
    // The receiving union defaults to the parent, shown by name.
    await expect.poll(() => dialog.locator('.ant-select-content, .ant-select-selection-item').first().textContent(), { timeout: 10_000 }).toContain('西安市雁塔区总工会');
    await settle();
    await screenshot(page, 'orgs-dissolve-confirm');
    await page.getByTestId('org-change-submit').click();
    await expect.poll(() => page.locator('.ant-message').textContent(), { timeout: 10_000 }).toContain(`已撤销 ${NAME}`);
    await expect.poll(() => page.locator('.orgs-detail').textContent(), { timeout: 10_000 }).toContain('已撤销');
    await expect.poll(() => page.locator('.orgs-detail').textContent()).toContain('撤销日期');
    // A dissolved union offers no more changes.
    await expect.poll(() => page.getByTestId('org-edit').count()).toBe(0);
    await dialog.waitFor({ state: 'detached' });
    await screenshot(page, 'orgs-dissolved');
  });
  it('pages a long list of subordinate unions: "load more" appends the next page under the same parent', async () => {
    // The console asks for pages of up to 500 children; here the browser asks for 10 so that a demo county
    // (with a few dozen unions) needs several pages. The server and its keyset paging are the real ones.
    const paged = await demo.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await paged.route('**/api/orgs/children?*', (route) => {
      const url = new URL(route.request().url());
      if (url.searchParams.has('parentId')) url.searchParams.set('limit', '10');
      return route.continue({ url: url.toString() });
    });
    await signInThroughForm(paged, demo.url, 'yanta', DEMO_PASSWORD);
    await paged.getByTestId('org-tree').waitFor({ timeout: 15_000 });
    await paged.goto(`${demo.url}/orgs`);
    const tree = paged.locator('.orgs-page [data-testid=org-tree], [data-testid=org-tree]').first();
    await tree.waitFor({ timeout: 15_000 });
    const more = tree.locator('.org-node-more');
    await expect.poll(() => more.textContent(), { timeout: 15_000 }).toMatch(/已显示 10 \/ 共 \d+ 个下级/);
    const total = Number((await more.textContent())!.match(/共 (\d+)/)![1]);
    expect(total).toBeGreaterThan(10);
    await more.click();
    await expect.poll(() => more.textContent(), { timeout: 10_000 }).toContain(`已显示 ${Math.min(20, total)} /`);
    await screenshot(paged, 'orgs-tree-paged');
    // The tree is a virtual list: the link is rendered once the list is scrolled to its end.
    const toEnd = () => tree.locator('.ant-tree-list-holder').evaluate((holder) => holder.scrollTo(0, holder.scrollHeight));
    for (let shown = 20; shown < total; shown += 10) {
      await toEnd();
      await more.click();
      await expect.poll(async () => (await more.count()) === 0 || (await more.textContent())!.includes(`已显示 ${Math.min(shown + 10, total)} /`), { timeout: 10_000 }).toBe(true);
    }
    await toEnd();
    await expect.poll(() => more.count(), { timeout: 10_000 }).toBe(0);
    // Every child once: the last page's units are at the end of the list, none repeated.
    const names = await tree.locator('.org-node-name').allTextContents();
    expect(new Set(names).size).toBe(names.length);
    await paged.close();
  });
});
